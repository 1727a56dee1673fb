-- The back office's article search (issue 14): the matching terms of each article's title, kicker and summary
-- (org.nashir.arabic.ArabicStemmer.terms: stems after folding, seatless spellings), space-separated with a space
-- at each end, so a word matches as LIKE '% stem %'. Drafts are searched too, which the public index never holds.
-- Existing rows are filled in by the server on start (NULL until then).
ALTER TABLE article ADD COLUMN search_terms TEXT;
-- The list's default order, and its filters by who wrote it.
CREATE INDEX article_updated ON article (updated_at DESC, id DESC);
CREATE INDEX article_created_by ON article (created_by, updated_at DESC);
