-- Readers' comments. Addresses are never stored: only keyed hashes, for rate limits and bans.
CREATE TABLE comment (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    parent_id  INTEGER REFERENCES comment (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    email      TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    status     TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'spam')),
    reason     TEXT,
    ip_hash    TEXT    NOT NULL,
    email_hash TEXT    NOT NULL,
    body_hash  TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX comment_article_status ON comment (article_id, status, created_at);
CREATE INDEX comment_status_created ON comment (status, created_at);
CREATE INDEX comment_body_hash ON comment (body_hash);

CREATE TABLE comment_ban (
    kind       TEXT    NOT NULL CHECK (kind IN ('ip', 'email')),
    hash       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (kind, hash)
);

ALTER TABLE article ADD COLUMN comments_closed INTEGER NOT NULL DEFAULT 0;
