-- How far each node has applied the change feed (issue 15), so the table can be pruned past what every live node has
-- applied. A node writes its row about once a minute; one not heard from in ten minutes no longer holds pruning back.
CREATE TABLE feed_position (
    node       VARCHAR(64) PRIMARY KEY,
    seq        BIGINT      NOT NULL,
    seen_at    BIGINT      NOT NULL  -- epoch milliseconds
);
