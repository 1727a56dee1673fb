-- Tokens for the write API, created in the back office. Only the SHA-256 of a token is stored; the token acts
-- with its account's role, and stops working when revoked or when the account is disabled.
CREATE TABLE api_token (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    hint         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
CREATE INDEX api_token_account ON api_token (account_id);
