#!/usr/bin/env bash
# Three Nashir nodes on one PostgreSQL behind nginx, with media in an S3 server (s3proxy), all on loopback, tried as
# an operator would (issue 15). Prints, with figures:
#   coherence  how long after a publish through node 1 nodes 2 and 3 answer it (ms)
#   media      every picture of the site through each node (status 200 everywhere)
#   limits     5 wrong passwords through the balancer lock the account; searches past the per-address limit get 429;
#              one reader's beacons spread over the nodes count one view
#   etags      the same ETag from every node for each public page kind
#   paging     99+ search hits paged through the balancer: each seen exactly once
#   restart    a rolling restart of all three nodes under reads, beacons and API saves: failed requests
#   outage     PostgreSQL stopped OUTAGE seconds under readers: /ready on every node, slowest answer, recovery
#   new node   a fourth node started empty on the site: time until /ready and search complete
#   bench/cluster.sh                 # OUTAGE=60
# Needs wrk, nginx, PostgreSQL's server programs (apt-get install -y wrk nginx postgresql) and Maven (for s3proxy).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
for tool in wrk nginx initdb pg_ctl; do command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y wrk nginx postgresql)" >&2; exit 1; }; done
OUTAGE=${OUTAGE:-60}
PGPORT=${PGPORT:-15434}
S3PORT=${S3PORT:-18199}
LB=${LB:-18190}
ports=(18191 18192 18193)
out=bench/results/cluster
mkdir -p "$out"
: > "$out/summary.txt"
say() { echo "$*" | tee -a "$out/summary.txt"; }
./nashir --help >/dev/null
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -f target/s3proxy/s3proxy.jar ] || ./mvnw -B -q dependency:copy@s3proxy >/dev/null
work=$(mktemp -d)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"
pids=()
s3=""
nodes=("" "" "")
cleanup() {
  cp "$work/lb/logs/failed.log" "$out/lb-failed.log" 2>/dev/null || true
  for p in "${nodes[@]}" "${pids[@]}" $s3; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  nginx -p "$work/lb" -c nginx.conf -s stop 2>/dev/null || true
  pgctl -m immediate stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL
as_pg initdb -D "$work/pg" -A trust -U nashir --encoding=UTF8 --locale=C.UTF-8 > "$out/initdb.log"
pgctl() { as_pg pg_ctl -D "$work/pg" -o "-p $PGPORT -k $work -c listen_addresses=127.0.0.1" -l "$work/pg.log" "$@"; }
pgctl -w start > /dev/null
as_pg createdb -h 127.0.0.1 -p "$PGPORT" -U nashir nashir

# S3 (objects in a folder; no signatures checked on loopback)
mkdir -p "$work/s3"
printf 's3proxy.endpoint=http://127.0.0.1:%s\ns3proxy.authorization=none\njclouds.provider=filesystem\njclouds.filesystem.basedir=%s\n' \
  "$S3PORT" "$work/s3" > "$work/s3proxy.conf"
"$JAVA_HOME/bin/java" -Xmx256m -jar target/s3proxy/s3proxy.jar --properties "$work/s3proxy.conf" > "$out/s3proxy.log" 2>&1 &
s3=$!
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$S3PORT/" && break; sleep 0.5; done
curl -fs -X PUT "http://127.0.0.1:$S3PORT/nashir-media" >/dev/null

head -c 32 /dev/urandom > "$work/secret.key"
export NASHIR_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/nashir" NASHIR_DB_USER=nashir
export NASHIR_S3_ENDPOINT="http://127.0.0.1:$S3PORT" NASHIR_S3_BUCKET=nashir-media NASHIR_S3_ACCESS_KEY=bench NASHIR_S3_SECRET_KEY=bench
export NASHIR_SECRET_FILE="$work/secret.key" NASHIR_TRUSTED_PROXIES=127.0.0.1 NASHIR_DRAIN_SECONDS=${DRAIN:-4}
export NASHIR_BASE_URL="http://127.0.0.1:$LB"

start_node() {  # $1 = 0..2
  local i=$1 extra=""
  [ "$i" = 0 ] && [ ! -d "$work/n0" ] && extra="--demo"
  ./nashir serve $extra --data "$work/n$i" --port "${ports[$i]}" >> "$out/node$((i + 1)).log" 2>&1 &
  nodes[$i]=$!
}
ready() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$1/ready"; }
wait_ready() { for _ in $(seq 1 240); do [ "$(ready "$1")" = 200 ] && return 0; sleep 0.25; done; echo "node on $1 not ready" >&2; return 1; }
start_node 0; wait_ready "${ports[0]}"
start_node 1; start_node 2; wait_ready "${ports[1]}"; wait_ready "${ports[2]}"

mkdir -p "$work/lb/logs"
cat > "$work/lb/nginx.conf" <<EOF
worker_processes 2;
pid $work/lb/nginx.pid;
error_log $work/lb/logs/error.log;
events { worker_connections 4096; }
http {
  # Only answers that are not 2xx or 3xx, with what the node answered, for the restart's and the outage's counts.
  map \$status \$failed { ~^[23] 0; default 1; }
  log_format failed '\$time_local \$status \$request upstream=\$upstream_addr:\$upstream_status';
  access_log $work/lb/logs/failed.log failed if=\$failed;
  upstream nashir {
    server 127.0.0.1:${ports[0]} max_fails=1 fail_timeout=3s;
    server 127.0.0.1:${ports[1]} max_fails=1 fail_timeout=3s;
    server 127.0.0.1:${ports[2]} max_fails=1 fail_timeout=3s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$LB;
    location / {
      proxy_pass http://nashir;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502;
      proxy_next_upstream_tries 3;
    }
  }
}
EOF
chmod -R a+rX "$work/lb"
nginx -p "$work/lb" -c nginx.conf
lb="http://127.0.0.1:$LB"
node() { echo "http://127.0.0.1:${ports[$(($1 - 1))]}"; }

./nashir user add --data "$work/n0" --email bench@cluster.example --name "محررة القياس" --role editor --password-stdin <<< "a-long-enough-password-for-bench" >/dev/null
token=$(./nashir token create --data "$work/n0" --email bench@cluster.example --name "cluster bench")
section=$(curl -fs "$lb/api/v1/sections" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
api() { curl -s --max-time 10 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
publish() { api -X POST "$1/api/v1/articles" -d "{\"title\":\"$2\",\"body_html\":\"<p>$3</p>\",\"section\":\"$section\",\"status\":\"published\"}" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

say "== coherence: publish through node 1, poll nodes 2 and 3 every 10 ms (10 stories)"
worst=0
for n in $(seq 1 10); do
  id=$(publish "$(node 1)" "خبر التماسك رقم $n" "نص")
  t0=$(now_ms)
  for k in 2 3; do until [ "$(curl -s -o /dev/null -w '%{http_code}' "$(node $k)/api/v1/articles/$id")" = 200 ]; do sleep 0.01; done; done
  dt=$(( $(now_ms) - t0 )); [ $dt -gt $worst ] && worst=$dt
done
say "slowest of 10: both other nodes answered the new story after ${worst} ms"

say "== media: every picture on the home page, through each node"
pics=$(curl -fs "$lb/" | grep -o '/media/[0-9a-f]*/[0-9]*\.\(jpg\|png\)' | sort -u)
total=0; ok=0
for p in $pics; do for k in 1 2 3; do total=$((total + 1)); [ "$(curl -s -o /dev/null -w '%{http_code}' "$(node $k)$p")" = 200 ] && ok=$((ok + 1)); done; done
say "$ok of $total picture requests answered 200 ($(echo "$pics" | grep -c . ) pictures × 3 nodes)"
enclosure=$(curl -fs "$lb/feed.xml" | grep -o 'length="[0-9]*"' | head -1)
say "feed enclosure: ${enclosure:-none}"

say "== limits through the balancer"
signin() {  # $1 = password: the status of one sign-in, with a fresh form (its CSRF token) each time
  local jar="$work/jar" form tok
  rm -f "$jar"
  form=$(curl -s -c "$jar" "$lb/admin/sign-in")
  tok=$(echo "$form" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -X POST "$lb/admin/sign-in" --data-urlencode "_csrf=$tok" \
    --data-urlencode "email=bench@cluster.example" --data-urlencode "password=$1"
}
codes=""
for n in 1 2 3 4 5; do codes="$codes $(signin "wrong-$n")"; done
codes="$codes $(signin a-long-enough-password-for-bench)"
say "5 wrong passwords then the right one:$codes (the last must be 429)"
q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("مدينة"))')
s200=0; s429=0
for n in $(seq 1 130); do
  c=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: 198.51.100.77" "$lb/api/v1/search?q=$q&n=$n")
  [ "$c" = 200 ] && s200=$((s200 + 1)); [ "$c" = 429 ] && s429=$((s429 + 1))
done
say "130 searches from one reader in one minute (limit 120): $s200 answered, $s429 refused with 429"
viewed=$(publish "$(node 1)" "خبر العداد" "نص")
for n in $(seq 1 9); do curl -s -o /dev/null -X POST -A "Mozilla/5.0 (Linux; Android 14) Mobile" -H "X-Forwarded-For: 203.0.113.50" "$lb/views/$viewed"; done
sleep 7
say "one reader's 9 beacons over 3 nodes counted: $(curl -fs "$lb/api/v1/articles/$viewed" | grep -o '"views":[0-9]*' | cut -d: -f2) view(s)"

say "== etags: the same page from each node (ETag and body)"
article=$(curl -fs "$lb/api/v1/articles" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
same=0; differ=0
for p in / "/article/$article" "/section/$section" /latest /feed.xml /atom.xml /feed.json /sitemap-news.xml /api/v1/articles /api/v1/sections "/search?q=$q" "/api/v1/search?q=$q"; do
  variants=$(for k in 1 2 3; do
    tag=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip, deflate, br' "$(node $k)$p" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
    echo "${tag:-no-etag} $(curl -s -H 'Accept-Encoding: identity' "$(node $k)$p" | md5sum | cut -c1-12)"
  done | sort -u | wc -l)
  if [ "$variants" = 1 ]; then same=$((same + 1)); else differ=$((differ + 1)); echo "  differs: $p" | tee -a "$out/summary.txt"; fi
done
say "$same pages the same (ETag and bytes) on all nodes, $differ not"

say "== paging: 120 stories with the same words, 10 a page through the balancer"
for n in $(seq 1 120); do publish "$(node $(( n % 3 + 1 )))" "حديقة المدينة العامة $n" "افتتاح حديقة في المدينة" >/dev/null; done
sleep 2
pq=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("حديقة المدينة"))')
: > "$work/seen"
totals=""
for off in $(seq 0 10 130); do
  page=$(curl -fs "$lb/api/v1/search?q=$pq&limit=10&offset=$off")
  echo "$page" | grep -o '"id":[0-9]*' >> "$work/seen" || true
  totals="$totals $(echo "$page" | grep -o '"total":[0-9]*' | cut -d: -f2)"
done
say "hits seen $(wc -l < "$work/seen"), distinct $(sort -u "$work/seen" | wc -l); totals reported: $(echo $totals | tr ' ' '\n' | sort -u | tr '\n' ' ')"

say "== rolling restart under reads, beacons and saves"
cat > "$work/reads.lua" <<LUA
local paths = {"/", "/article/$article", "/feed.xml", "/latest"}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {["Accept-Encoding"] = "gzip, deflate, br"})
end
LUA
roll=$(( 3 * 25 ))
wrk -t2 -c16 -d"${roll}s" --timeout 10s --latency -s "$work/reads.lua" "$lb" > "$out/restart-wrk.txt" &
readers=$!
( fails=0; n=0; end=$(( $(date +%s) + roll )); while [ "$(date +%s)" -lt $end ]; do
    n=$((n + 1)); c=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST -A "Mozilla/5.0 Mobile" -H "X-Forwarded-For: 203.0.113.$((n % 200))" "$lb/views/$article")
    case "$c" in 2*) ;; *) fails=$((fails + 1));; esac; sleep 0.05; done; echo "$n $fails" > "$work/beacons" ) &
pids+=($!)
( fails=0; n=0; end=$(( $(date +%s) + roll )); draft=$(api -X POST "$lb/api/v1/articles" -d "{\"title\":\"مسودة التحديث\",\"body_html\":\"<p>0</p>\",\"section\":\"$section\"}" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  while [ "$(date +%s)" -lt $end ]; do
    n=$((n + 1)); v=$(api "$lb/api/v1/articles/$draft" | grep -o '"version":[0-9]*' | cut -d: -f2)
    c=$(api -o /dev/null -w '%{http_code}' -X PUT "$lb/api/v1/articles/$draft" -d "{\"title\":\"مسودة التحديث $n\",\"body_html\":\"<p>$n</p>\",\"section\":\"$section\",\"version\":${v:-0}}")
    case "$c" in 2*) ;; *) fails=$((fails + 1)); echo "save $n: $c" >> "$work/save-failures";; esac; sleep 0.2; done; echo "$n $fails" > "$work/saves" ) &
pids+=($!)
sleep 5
for i in 0 1 2; do
  t0=$(now_ms)
  kill -TERM "${nodes[$i]}"; wait "${nodes[$i]}" 2>/dev/null || true
  start_node "$i"; wait_ready "${ports[$i]}"
  say "node $((i + 1)) drained, stopped, started and ready again after $(( $(now_ms) - t0 )) ms"
  sleep 5
done
wait $readers || true
wait "${pids[@]}" 2>/dev/null || true
pids=()
reads=$(awk '/requests in/ {print $1}' "$out/restart-wrk.txt")
bad=$(awk '/Non-2xx or 3xx/ {print $5}' "$out/restart-wrk.txt"); errs=$(awk '/Socket errors/ {print}' "$out/restart-wrk.txt")
say "reads: $reads, non-2xx: ${bad:-0} ${errs:+($errs)}; p99 $(awk '$1=="99%" {print $2}' "$out/restart-wrk.txt")"
say "beacons (sent failed): $(cat "$work/beacons"); saves (sent failed): $(cat "$work/saves")"

say "== database outage: PostgreSQL stopped ${OUTAGE} s under readers"
wrk -t2 -c16 -d"$((OUTAGE + 30))s" --timeout 20s --latency -s "$work/reads.lua" "$lb" > "$out/outage-wrk.txt" &
readers=$!
sleep 5
pgctl -m fast stop > /dev/null
t0=$(now_ms)
probes=()
for k in 1 2 3; do ( until [ "$(ready "${ports[$((k - 1))]}")" = 503 ]; do sleep 0.1; done; say "node $k: /ready 503 after $(( $(now_ms) - t0 )) ms" ) & probes+=($!); done
wait "${probes[@]}"
for n in $(seq 1 5); do
  say "  a page no one had read, during the outage: $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' --max-time 30 "$lb/latest?page=$((40 + n))")"
done
say "  a save through the API: $(api -o /dev/null -w '%{http_code} in %{time_total} s' -X POST "$lb/api/v1/articles" -d "{\"title\":\"مسودة أثناء العطل\",\"body_html\":\"<p>نص</p>\",\"section\":\"$section\"}")"
left=$(( OUTAGE * 1000 - ($(now_ms) - t0) )); [ $left -gt 0 ] && sleep "$(( left / 1000 ))"
pgctl -w start > /dev/null
t0=$(now_ms)
for k in 1 2 3; do wait_ready "${ports[$((k - 1))]}"; done
say "all nodes ready again $(( $(now_ms) - t0 )) ms after PostgreSQL returned"
wait $readers || true
say "readers during the outage: $(awk '/requests in/ {print $1}' "$out/outage-wrk.txt") reads, non-2xx: $(awk '/Non-2xx or 3xx/ {print $5}' "$out/outage-wrk.txt"), p99 $(awk '$1=="99%" {print $2}' "$out/outage-wrk.txt"), max $(awk '/Latency/ && !/Distribution/ {print $4}' "$out/outage-wrk.txt")"

say "== a fourth node started empty"
t0=$(now_ms)
./nashir serve --data "$work/n3" --port 18194 > "$out/node4.log" 2>&1 &
pids+=($!)
wait_ready 18194
say "ready after $(( $(now_ms) - t0 )) ms; search for the 120 stories answers total $(curl -fs "http://127.0.0.1:18194/api/v1/search?q=$pq&limit=1" | grep -o '"total":[0-9]*' | cut -d: -f2)"
