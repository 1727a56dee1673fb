#!/usr/bin/env bash
# The back office's article list on 100,000 articles (issue 14): a copy of the 40,000-article bench site
# (target/bench-data, made by bench/spike.sh or bench/search-latency.sh) grown to about 100,000 rows (a fifth of the
# copies drafts), then the queries ArticleFinder sends for common lists, timed by sqlite3. Needs sqlite3.
#   bench/backoffice-list.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install -y sqlite3" >&2; exit 1; }
DATA=${DATA:-$PWD/target/bench-data}
[ -f "$DATA/nashir.db" ] || { echo "no bench site in $DATA: run bench/search-latency.sh first" >&2; exit 1; }
db=$(mktemp -d)/list.db
trap 'rm -rf "$(dirname "$db")"' EXIT
sqlite3 "$DATA/nashir.db" ".backup $db"
[ "$(sqlite3 "$db" "SELECT COUNT(*) FROM article WHERE search_terms IS NULL")" = 0 ] || { echo "start the site on $DATA once first: its articles' terms are filled in on start" >&2; exit 1; }
cols="slug, title, kicker, summary, body, source_name, source_url, label, section_id, status, published_at, updated_at, created_at, view_count, version, created_by, featured_media_id, comments_closed, kind, live_started_at, live_ended_at, search_terms"
copy="slug, title, kicker, summary, body, source_name, source_url, label, section_id, CASE WHEN id % 5 = 0 THEN 'draft' ELSE status END, published_at, updated_at - 1000, created_at, view_count, version, created_by, featured_media_id, comments_closed, kind, live_started_at, live_ended_at, search_terms"
sqlite3 "$db" "INSERT INTO article ($cols) SELECT $copy FROM article; INSERT INTO article ($cols) SELECT $copy FROM article LIMIT 20000;"
echo "articles: $(sqlite3 "$db" "SELECT COUNT(*) FROM article")"
from="FROM article a JOIN section s ON s.id = a.section_id LEFT JOIN account acc ON acc.id = a.created_by"
select="SELECT a.id, a.title, a.status, a.kind, s.name, a.published_at, a.updated_at, COALESCE(acc.name, '')"
measure() {  # $1 = what, $2 = conditions, $3 = order, $4 = offset
  times=$(printf '.timer on\nSELECT COUNT(*) FROM article a WHERE 1 = 1 %s;\n%s %s WHERE 1 = 1 %s ORDER BY %s LIMIT 50 OFFSET %s;\n' "$2" "$select" "$from" "$2" "$3" "${4:-0}" \
    | sqlite3 "$db" 2>&1 | awk '/^Run Time/ {printf "%.0f ms ", $4 * 1000}')
  printf '%-40s count, page: %s\n' "$1" "$times"
}
updated="a.updated_at DESC, a.id DESC"
measure "everything, newest change first" "" "$updated"
measure "drafts" "AND a.status = 'draft'" "$updated"
measure "one word (وزير)" "AND (a.search_terms LIKE '% وزير %')" "$updated"
measure "two words, drafts" "AND a.status = 'draft' AND (a.search_terms LIKE '% وزير %') AND (a.search_terms LIKE '% مصر %' OR a.search_terms LIKE '% مصري %')" "$updated"
measure "a section, by publication" "AND a.section_id = 2" "CASE WHEN a.published_at IS NULL THEN 1 ELSE 0 END, a.published_at DESC, a.id DESC"
measure "page 100" "" "$updated" 4950
measure "by title" "" "a.title ASC, a.id ASC"
