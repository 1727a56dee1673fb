-- Counts that every node of a cluster must share (issue 15): rate limits and throttles by key and window, and the
-- readers already counted for an article. Used on PostgreSQL; a single SQLite node keeps them in memory.
CREATE TABLE counter (
    key        VARCHAR(200) PRIMARY KEY,  -- what is counted, with its window's number
    count      INTEGER      NOT NULL,
    expires_at BIGINT       NOT NULL      -- epoch milliseconds: the window's end
);
CREATE INDEX counter_expiry ON counter (expires_at);

CREATE TABLE view_seen (
    key        VARCHAR(80) PRIMARY KEY,   -- keyed hash of reader and article (from the site's secret)
    expires_at BIGINT      NOT NULL       -- epoch milliseconds: until when the reader is not counted again
);
CREATE INDEX view_seen_expiry ON view_seen (expires_at);
