-- What readers search for (issue 14), by day: counts per query, grouped by its folded form, with the spelling first
-- seen for editors to read. No address, no time finer than the day, nothing that tells one reader from another.
CREATE TABLE search_stat (
    day      BIGINT       NOT NULL,  -- days since 1970-01-01 in the site's time zone
    folded   VARCHAR(200) NOT NULL,
    shown    VARCHAR(200) NOT NULL,
    searches BIGINT       NOT NULL,
    empty    BIGINT       NOT NULL,  -- searches that found nothing
    PRIMARY KEY (day, folded)
);
