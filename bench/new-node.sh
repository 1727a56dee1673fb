#!/usr/bin/env bash
# A node started empty on a site of ~40,000 articles whose change feed has been pruned (issue 15): the ANT corpora
# (../shared/data) imported into PostgreSQL through Nashir's write path, every change but the newest deleted (what
# ChangeFeed.prune leaves after a week), then a node with an empty data folder started with the launcher's defaults.
# Prints the time until /ready answers 200, the articles its search index holds against the database's count, and how
# many of 200 articles picked at random a search for their title finds on that node.
#   bench/new-node.sh
# Needs PostgreSQL's server programs (apt-get install -y postgresql) and ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
command -v initdb >/dev/null || { echo "initdb is missing (apt-get install -y postgresql)" >&2; exit 1; }
SHARED=${SHARED:-$PWD/../shared}
[ -d "$SHARED/data" ] || { echo "no corpora at $SHARED/data" >&2; exit 1; }
PGPORT=${PGPORT:-15435}
PORT=${PORT:-18195}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
out=bench/results/new-node
mkdir -p "$out"
: > "$out/summary.txt"
say() { echo "$*" | tee -a "$out/summary.txt"; }
now_ms() { date +%s%3N; }
./nashir --help >/dev/null
work=$(mktemp -d)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"
node=""
cleanup() {
  [ -n "$node" ] && kill "$node" 2>/dev/null || true
  as_pg pg_ctl -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
as_pg initdb -D "$work/pg" -A trust -U nashir --encoding=UTF8 --locale=C.UTF-8 > "$out/initdb.log"
as_pg pg_ctl -D "$work/pg" -o "-p $PGPORT -k $work -c listen_addresses=127.0.0.1" -l "$work/pg.log" -w start > /dev/null
as_pg createdb -h 127.0.0.1 -p "$PGPORT" -U nashir nashir
psql_() { psql -h 127.0.0.1 -p "$PGPORT" -U nashir -d nashir -qAt -c "$1"; }
URL="jdbc:postgresql://127.0.0.1:$PGPORT/nashir"

t0=$(now_ms)
./mvnw -B -q test -Pbench -Dtest=SearchLoadBench -Dsurefire.failIfNoSpecifiedTests=false -Dnashir.shared="$SHARED" \
  -Dnashir.bench.data="$work/importer" -Dnashir.bench.dbUrl="$URL" > "$out/import.txt" 2>&1 || { tail -30 "$out/import.txt"; exit 1; }
articles=$(psql_ "SELECT count(*) FROM article WHERE status = 'published'")
say "imported $articles articles into PostgreSQL in $(( ($(now_ms) - t0) / 1000 )) s"
psql_ "DELETE FROM change WHERE seq < (SELECT MAX(seq) FROM change)"
say "change feed pruned to $(psql_ "SELECT count(*) FROM change") row (seq $(psql_ "SELECT MAX(seq) FROM change"))"

# The launcher and the jar as they are now, so that editing the sources meanwhile does not start a build here.
mkdir -p "$work/app/target"
cp nashir "$work/app/"
cp target/nashir.jar "$work/app/target/"
t0=$(now_ms)
NASHIR_SEARCHES_PER_MINUTE=100000 NASHIR_DB_URL="$URL" NASHIR_DB_USER=nashir "$work/app/nashir" serve --data "$work/node" --port "$PORT" > "$out/node.log" 2>&1 &
node=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/ready")" = 200 ]; do
  kill -0 "$node" 2>/dev/null || { tail -30 "$out/node.log"; exit 1; }
  sleep 0.2
done
say "node ready $(( $(now_ms) - t0 )) ms after start ($(grep -o 'search index built from the database: .*' "$out/node.log" | head -1))"
indexed=$(curl -fs "http://127.0.0.1:$PORT/metrics" | awk '/^nashir_search_documents/ {print int($2)}')
say "its search index holds $indexed articles; the database has $articles published"
found=0
while IFS='|' read -r id title; do
  q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$title")
  curl -fs "http://127.0.0.1:$PORT/api/v1/search?limit=20&q=$q" | grep -q "\"id\":$id[,}]" && found=$((found + 1))
done < <(psql_ "SELECT id, replace(title, '|', ' ') FROM article WHERE status = 'published' ORDER BY random() LIMIT 200")
say "a search for the title finds the article for $found of 200 articles picked at random"
