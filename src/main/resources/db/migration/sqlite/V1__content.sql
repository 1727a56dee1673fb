-- Times are INTEGER milliseconds since the epoch (what sqlite-jdbc writes for a bound timestamp).
CREATE TABLE section (
    id       INTEGER PRIMARY KEY,
    slug     TEXT    NOT NULL UNIQUE,
    name     TEXT    NOT NULL UNIQUE,
    position INTEGER NOT NULL DEFAULT 0
);

-- A byline: a person, or a desk such as «فريق ماسة».
CREATE TABLE author (
    id      INTEGER PRIMARY KEY,
    slug    TEXT    NOT NULL UNIQUE,
    name    TEXT    NOT NULL UNIQUE,
    is_desk INTEGER NOT NULL DEFAULT 0,
    bio     TEXT
);

CREATE TABLE tag (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE article (
    id           INTEGER PRIMARY KEY,
    slug         TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    kicker       TEXT,
    summary      TEXT,
    body         TEXT    NOT NULL,
    source_name  TEXT,
    source_url   TEXT,
    label        TEXT,
    section_id   INTEGER NOT NULL REFERENCES section (id),
    status       TEXT    NOT NULL CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'archived')),
    published_at INTEGER,
    updated_at   INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    view_count   INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1,
    legacy_url   TEXT,
    import_key   TEXT UNIQUE
);
CREATE INDEX article_status_published ON article (status, published_at DESC);
CREATE INDEX article_section_published ON article (section_id, status, published_at DESC);

CREATE TABLE article_author (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES author (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_author_author ON article_author (author_id);

CREATE TABLE article_tag (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tag (id),
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tag_tag ON article_tag (tag_id);

-- Views per article per day (days since the epoch, UTC) and per hour (hours since the epoch), for most-read lists.
CREATE TABLE article_view_day (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    day        INTEGER NOT NULL,
    views      INTEGER NOT NULL,
    PRIMARY KEY (article_id, day)
);
CREATE TABLE article_view_hour (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    hour       INTEGER NOT NULL,
    views      INTEGER NOT NULL,
    PRIMARY KEY (article_id, hour)
);
CREATE INDEX article_view_hour_hour ON article_view_hour (hour);

-- The change feed (DESIGN.md): appended in the same transaction as every visible write.
CREATE TABLE change (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT    NOT NULL,
    entity      TEXT    NOT NULL,
    entity_id   INTEGER NOT NULL,
    happened_at INTEGER NOT NULL
);
