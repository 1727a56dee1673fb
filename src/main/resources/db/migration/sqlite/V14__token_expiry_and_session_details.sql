-- An API token may be given an end when it is made: after it, the token no longer opens the API (NULL: no end).
ALTER TABLE api_token ADD COLUMN expires_at INTEGER;

-- "Where you are signed in": each session's last use (also for the idle timeout), the browser in a few words and the
-- address cut to its network (203.0.113.0/24), enough to recognise a session, not to locate a person.
ALTER TABLE session ADD COLUMN last_seen_at INTEGER;
ALTER TABLE session ADD COLUMN browser TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN address TEXT NOT NULL DEFAULT '';
