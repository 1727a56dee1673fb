-- Addresses an article had on the site it was imported from (WordPress: /?p=123, /archives/123,
-- /2015/11/16/slug), stored decoded and without a trailing slash; they answer with a 301 to the article.
CREATE TABLE legacy_path (
    path       TEXT   PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE
);
CREATE INDEX legacy_path_article ON legacy_path (article_id);
