-- Two-step sign-in (TOTP, RFC 6238). The secret is kept encrypted with a key derived from the site's secret
-- (NASHIR_SECRET_FILE), so a copy of the database alone does not give anyone's codes; totp_pending holds a secret
-- shown but not yet confirmed with a code. totp_last_step is the last time step a code was accepted for: a code is
-- good once.
ALTER TABLE account ADD COLUMN totp_secret TEXT;
ALTER TABLE account ADD COLUMN totp_pending TEXT;
ALTER TABLE account ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account ADD COLUMN totp_enabled_at INTEGER;

-- Ten one-time codes for when the phone is lost: only their SHA-256 is kept.
CREATE TABLE recovery_code (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    used_at    INTEGER
);
CREATE INDEX recovery_code_account ON recovery_code (account_id);

-- The roles whose members must use two-step sign-in (admins choose them).
CREATE TABLE two_step_role (
    role TEXT PRIMARY KEY
);
