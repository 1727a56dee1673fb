-- People who run the site. Emails are stored lower-cased; passwords only as Argon2id hashes.
CREATE TABLE account (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'editor', 'writer', 'moderator')),
    password_hash TEXT    NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

-- Signed-in sessions, in the database so any node can serve them; the id is the SHA-256 of the cookie's token.
CREATE TABLE session (
    id           TEXT    PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    csrf         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX session_account ON session (account_id);

ALTER TABLE article ADD COLUMN created_by INTEGER REFERENCES account (id);
ALTER TABLE article ADD COLUMN featured_media_id INTEGER;

-- Every save of an article: what it said at that version, who saved it and when.
CREATE TABLE revision (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    kicker      TEXT,
    summary     TEXT,
    body        TEXT    NOT NULL,
    source_name TEXT,
    source_url  TEXT,
    label       TEXT,
    section_id  INTEGER NOT NULL,
    bylines     TEXT    NOT NULL,
    tags        TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    published_at INTEGER,
    account_id  INTEGER REFERENCES account (id),
    saved_at    INTEGER NOT NULL,
    UNIQUE (article_id, version)
);

-- Old addresses of renamed sections, tags and bylines, answered with a redirect.
CREATE TABLE slug_redirect (
    kind     TEXT NOT NULL,
    old_slug TEXT NOT NULL,
    target   INTEGER NOT NULL,
    PRIMARY KEY (kind, old_slug)
);

CREATE TABLE media (
    id            INTEGER PRIMARY KEY,
    file_key      TEXT    NOT NULL UNIQUE,
    original_name TEXT    NOT NULL,
    mime          TEXT    NOT NULL,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    bytes         INTEGER NOT NULL,
    widths        TEXT    NOT NULL,
    alt           TEXT    NOT NULL DEFAULT '',
    caption       TEXT    NOT NULL DEFAULT '',
    credit        TEXT    NOT NULL DEFAULT '',
    created_by    INTEGER REFERENCES account (id),
    created_at    INTEGER NOT NULL
);

-- Who did what, when: sign-ins, publishing, deletions, role changes.
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    account_id INTEGER REFERENCES account (id),
    action     TEXT    NOT NULL,
    target     TEXT,
    detail     TEXT
);
CREATE INDEX audit_at ON audit (at DESC);

ALTER TABLE author ADD COLUMN photo_media_id INTEGER REFERENCES media (id);
