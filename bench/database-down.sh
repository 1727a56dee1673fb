#!/usr/bin/env bash
# The database stops while readers read: Nashir on PostgreSQL (a throwaway cluster made here), readers on the home
# page, an article and the RSS feed (16 connections, as browsers ask) for the whole run; after 20 s PostgreSQL is
# stopped for DOWN seconds, then started again. Every few seconds meanwhile it asks /ready, tries a write through the API
# and reads a page no one had read (so not cached). Prints what each answered, the readers' statuses and p99, and
# how long after the database came back the site was healthy and writable again, without anyone touching Nashir.
#   bench/database-down.sh             # DOWN=60
# Needs wrk and PostgreSQL's server programs (initdb, pg_ctl: apt-get install -y postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk initdb pg_ctl; do command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y wrk postgresql)" >&2; exit 1; }; done
DOWN=${DOWN:-60}
PORT=${PORT:-18086}
PGPORT=${PGPORT:-15433}
out=bench/results/database-down
mkdir -p "$out"
./nashir --help >/dev/null
work=$(mktemp -d)
chmod 755 "$work"
# PostgreSQL refuses to run as root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"
as_pg initdb -D "$work/pg" -A trust -U nashir --encoding=UTF8 --locale=C.UTF-8 > "$out/initdb.log"
pgctl() { as_pg pg_ctl -D "$work/pg" -o "-p $PGPORT -k $work -c listen_addresses=127.0.0.1" -l "$work/pg.log" "$@"; }
pgctl -w start > /dev/null
as_pg createdb -h 127.0.0.1 -p "$PGPORT" -U nashir nashir
export NASHIR_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/nashir" NASHIR_DB_USER=nashir
data="$work/data"
base="http://127.0.0.1:$PORT"
server=""
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; pgctl -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

./nashir serve --demo --data "$data" --port "$PORT" > "$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null && break; sleep 0.5; done
./nashir user add --data "$data" --email down@bench.example --name "محررة القياس" --role editor --password-stdin <<< "a-long-enough-password-for-bench" >/dev/null
token=$(./nashir token create --data "$data" --email down@bench.example --name "down bench")
section=$(curl -fs "$base/api/v1/sections" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
ids=$(curl -fs "$base/api/v1/articles" | grep -o '"id":[0-9]*' | cut -d: -f2)
article=$(echo "$ids" | head -1)
for path in / "/article/$article" /feed.xml; do curl -fs -o /dev/null "$base$path"; done

cat > "$out/readers.lua" <<LUA
local paths = {"/", "/article/$article", "/feed.xml"}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {["Accept-Encoding"] = "gzip, deflate, br"})
end
LUA
wrk -t2 -c16 -d"$((DOWN + 60))s" --timeout 10s --latency -s "$out/readers.lua" "$base" > "$out/wrk.txt" &
readers=$!

status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
write() {  # a new draft through the API: its status and the error code, if any
  curl -s --max-time 10 -o "$work/write.json" -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -X POST "$base/api/v1/articles" -d "{\"title\":\"مسودة أثناء العطل $1\",\"body_html\":\"<p>نص.</p>\",\"section\":\"$section\"}"
  grep -o '"code":"[^"]*"' "$work/write.json" | head -1 | sed 's/^/ /' || true
}
probe() {  # $1 = label, $2 = n
  printf '%-5s %-10s ready %s · write %s · cached home %s · uncached page %s\n' "$(( $(date +%s) - t0 ))s" "$1" \
    "$(status "$base/ready")" "$(write "$2")" "$(status "$base/")" "$(status "$base/latest?page=$2")" | tee -a "$out/summary.txt"
}
t0=$(date +%s)
: > "$out/summary.txt"
sleep 20
probe "up" 1
pgctl -m fast stop > /dev/null
echo "$(( $(date +%s) - t0 ))s   PostgreSQL stopped" | tee -a "$out/summary.txt"
deadline=$(( $(date +%s) + DOWN ))
n=1
while [ $(( $(date +%s) + 3 )) -lt "$deadline" ]; do sleep 2; n=$((n + 1)); probe "down" "$n"; done
while [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
pgctl -w start > /dev/null
up=$(date +%s%N)
echo "$(( $(date +%s) - t0 ))s   PostgreSQL started again" | tee -a "$out/summary.txt"
until [ "$(status "$base/ready")" = 200 ]; do sleep 0.2; done
healthy=$(( ($(date +%s%N) - up) / 1000000 ))
until [ "$(write after | cut -c1-3)" = 201 ]; do sleep 0.2; done
writable=$(( ($(date +%s%N) - up) / 1000000 ))
echo "ready again after ${healthy} ms, writable after ${writable} ms (nobody restarted Nashir)" | tee -a "$out/summary.txt"
probe "after" 99
wait $readers
total=$(awk '/requests in/ {print $1}' "$out/wrk.txt")
bad=$(awk '/Non-2xx/ {n=$NF} /Socket errors/ {gsub(",",""); for (i=1;i<=NF;i++) if ($i ~ /^[0-9]+$/) s+=$i} END {print n+s+0}' "$out/wrk.txt")
p99=$(awk '$1=="99%" {print $2}' "$out/wrk.txt")
max=$(awk '/Latency/ && NF>4 {print $4}' "$out/wrk.txt")
echo "readers (home, article, feed; 16 connections, $((DOWN + 60)) s): $total requests, $bad not 200, p99 $p99, max $max" | tee -a "$out/summary.txt"
grep -c "serving the previous version" "$out/server.log" | sed 's/^/renders that fell back to the previous version: /' | tee -a "$out/summary.txt" || true
