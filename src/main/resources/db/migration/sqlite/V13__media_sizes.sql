-- Each rendition's size in bytes ("320:10234,640:31877"), so feeds and pages state sizes from the row, not from a
-- file that may be in a bucket or on another node (issue 15). Empty for media stored before: looked up once.
ALTER TABLE media ADD COLUMN sizes VARCHAR(400) NOT NULL DEFAULT '';
