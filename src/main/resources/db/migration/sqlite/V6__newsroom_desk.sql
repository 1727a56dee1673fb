-- The desk's tools (issue 11): what kind of piece an article is, the stories pinned first on the home page and on
-- section pages, the عاجل ticker, public corrections, preview links and live coverage.

-- news, opinion, analysis, interview, report
ALTER TABLE article ADD COLUMN kind TEXT NOT NULL DEFAULT 'news';

-- Pinned stories of one page: scope 'home' or 'section:<id>'; position 0 leads. A pin with lapses_at goes by
-- itself at that time (the scheduler deletes it and reports the change once).
CREATE TABLE pin (
    id         INTEGER PRIMARY KEY,
    scope      TEXT    NOT NULL,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    lapses_at  INTEGER,
    created_at INTEGER NOT NULL,
    UNIQUE (scope, article_id)
);
CREATE INDEX pin_scope ON pin (scope, position);

-- Lines of the عاجل ticker: an urgent article (its title, linked) or a short line with an optional link. Shown
-- until expires_at; ended_at is set once, when it expired or an editor took it down.
CREATE TABLE ticker (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER REFERENCES article (id) ON DELETE CASCADE,
    text       TEXT,
    link       TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    ended_at   INTEGER,
    created_by INTEGER REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX ticker_live ON ticker (ended_at, expires_at);

-- Public corrections and update notes: added, never edited or removed.
CREATE TABLE correction (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    account_id INTEGER REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX correction_article ON correction (article_id, created_at);
CREATE INDEX correction_time ON correction (created_at);

-- Private preview links for drafts and embargoed articles: only the SHA-256 of the token is kept.
CREATE TABLE preview_link (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    created_by INTEGER REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX preview_link_article ON preview_link (article_id);

-- Live coverage: an article is live from live_started_at until live_ended_at; its entries are short timestamped
-- posts, some pinned as key events.
ALTER TABLE article ADD COLUMN live_started_at INTEGER;
ALTER TABLE article ADD COLUMN live_ended_at INTEGER;
CREATE TABLE live_entry (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    body       TEXT    NOT NULL,
    media_id   INTEGER REFERENCES media (id) ON DELETE SET NULL,
    pinned     INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX live_entry_article ON live_entry (article_id, created_at);
