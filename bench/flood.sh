#!/usr/bin/env bash
# Anonymous floods while readers read and an editor publishes, on the 40,451 ANT articles with the launcher's
# defaults: 500 connections of uncached searches (queries from the corpora, each from another address as a proxy
# in front would say, so the per-address limit does not stop them first) and 100 connections posting comments,
# for DURATION seconds, while 16 connections read the home page, an article and the feed (as browsers ask) and
# an editor publishes a story through the API every 2 s. Prints the readers' p99, the publish times, what the
# floods got (answers by status), and threads, open files and database connections before and after (from
# /metrics), to show nothing leaked.
#   bench/flood.sh                    # DURATION=60
#   PUBLISH_EVERY=0 bench/flood.sh    # without the editor (seconds between publishes; 2 by default)
#   SERVE_JAVA_OPTS="-Xmx64m -XX:+UseSerialGC …" bench/flood.sh   # the server with other JVM options (the launcher's
#                                     # JAVA_OPTS; the tool commands the script runs keep the defaults)
# Needs wrk and ../shared (the corpora are imported once into target/bench-data, as bench/spike.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
DURATION=${DURATION:-60}
PORT=${PORT:-18087}
SHARED=${SHARED:-$(cd .. && pwd)/shared}
DATA=${DATA:-$PWD/target/bench-data}
out=bench/results/flood
mkdir -p "$out"
./nashir --help >/dev/null
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ ! -f "$DATA/nashir.db" ]; then
  ./mvnw -B -q test -Pbench -Dtest=SearchLoadBench -Dsurefire.failIfNoSpecifiedTests=false -Dnashir.shared="$SHARED" -Dnashir.bench.data="$DATA" >/dev/null
fi
ulimit -n 65536 2>/dev/null || true
base="http://127.0.0.1:$PORT"
./nashir user add --data "$DATA" --email spike@bench.example --name "محررة القياس" --role editor --password-stdin <<< "a-long-enough-password-for-bench" >/dev/null 2>&1 || true
token=$(./nashir token create --data "$DATA" --email spike@bench.example --name "flood $(date +%s)" 2>/dev/null)

# Behind a proxy (as a site taking such traffic is), so each request's address is the X-Forwarded-For it carries.
JAVA_OPTS="${SERVE_JAVA_OPTS:-${JAVA_OPTS:-}}" NASHIR_BEHIND_PROXY=true ./nashir serve --data "$DATA" --port "$PORT" > "$out/server.log" 2>&1 &
server=$!
trap 'kill $(jobs -p) 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null && break; sleep 0.5; done
section=$(curl -fs "$base/api/v1/sections" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
article=$(curl -fs "$base/api/v1/articles?limit=1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
api() { curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
gauges() {  # threads, open files, database connections in use
  curl -s "$base/metrics" | awk '/^jvm_threads_live_threads / {t=$2} /^process_files_open_files / {f=$2} /^nashir_db_connections\{state="active"\}/ {c=$2} END {printf "threads %d, open files %d, database connections in use %d\n", t, f, c}'
}

cat > "$out/readers.lua" <<LUA
local paths = {"/article/$article", "/", "/feed.xml"}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {["Accept-Encoding"] = "gzip, deflate, br"})
end
LUA
# Searches: the page, with the query part of the corpora's API queries.
cat > "$out/search.lua" <<LUA
local queries = {}
for line in io.lines("$DATA/queries.txt") do queries[#queries + 1] = line:match("[?&]q=([^&]*)") end
math.randomseed(os.time())
request = function()
  local ip = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format("GET", "/search?q=" .. queries[math.random(#queries)], {["X-Forwarded-For"] = ip, ["Accept-Encoding"] = "gzip, deflate, br"})
end
LUA
cat > "$out/comments.lua" <<LUA
math.randomseed(os.time() + 1)
request = function()
  local ip = "172.16." .. math.random(0, 255) .. "." .. math.random(1, 254)
  local body = "name=%D9%82%D8%A7%D8%B1%D8%A6&email=r" .. math.random(1, 1000000) .. "%40example.com&comment=%D8%AA%D8%B9%D9%84%D9%8A%D9%82+" .. math.random(1, 1000000)
  return wrk.format("POST", "/article/$article/comments", {["X-Forwarded-For"] = ip, ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
LUA
# wrk prints its own summary; the statuses the floods got come from the server's request metrics.
for path in "/article/$article" / /feed.xml; do curl -fs -o /dev/null "$base$path"; done
wrk -t1 -c4 -d10s -s "$out/readers.lua" "$base" > /dev/null   # warm
echo "before: $(gauges)" | tee "$out/summary.txt"
statuses() {  # answers by status of one route, from the request timers (its label holds braces: no awk -F'{}')
  curl -s "$base/metrics" | grep -F "http_server_requests_seconds_count{" | grep -F "route=\"$1\"" \
    | sed -E 's/.*status="([0-9]+)".*\} ([0-9.eE+]+)$/\1 \2/' | awk '{n[$1]+=$2} END {for (s in n) printf "%s×%d ", s, n[s]; print ""}'
}

wrk -t1 -c500 -d"${DURATION}s" -s "$out/search.lua" "$base" > "$out/wrk-search.txt" 2>&1 &
wrk -t1 -c100 -d"${DURATION}s" -s "$out/comments.lua" "$base" > "$out/wrk-comments.txt" 2>&1 &
(
  : > "$out/publish.txt"
  end=$(( $(date +%s) + DURATION - 2 ))
  n=0
  while [ "${PUBLISH_EVERY:-2}" != 0 ] && [ "$(date +%s)" -lt "$end" ]; do
    n=$((n + 1))
    api -o "$out/publish-answer.json" -w '%{http_code} %{time_total}\n' -X POST "$base/api/v1/articles" \
      -d "{\"title\":\"خبر أثناء الضغط رقم $n\",\"body_html\":\"<p>نص الخبر.</p>\",\"section\":\"$section\",\"status\":\"published\"}" >> "$out/publish.txt"
    sleep "${PUBLISH_EVERY:-2}"
  done
) &
editor=$!
wrk -t1 -c16 -d"${DURATION}s" --latency -s "$out/readers.lua" "$base" > "$out/wrk-readers.txt"
wait $editor
sleep 3

total=$(awk '/requests in/ {print $1}' "$out/wrk-readers.txt")
bad=$(awk '/Non-2xx/ {n=$NF} /Socket errors/ {gsub(",",""); for (i=1;i<=NF;i++) if ($i ~ /^[0-9]+$/) s+=$i} END {print n+s+0}' "$out/wrk-readers.txt")
echo "readers: $total requests, $bad not 200, p50 $(awk '$1=="50%" {print $2}' "$out/wrk-readers.txt"), p99 $(awk '$1=="99%" {print $2}' "$out/wrk-readers.txt")" | tee -a "$out/summary.txt"
echo "searches: $(awk '/requests in/ {print $1}' "$out/wrk-search.txt") sent; answers: $(statuses /search)" | tee -a "$out/summary.txt"
echo "comments: $(awk '/requests in/ {print $1}' "$out/wrk-comments.txt") sent; answers: $(statuses /article/{id}/comments)" | tee -a "$out/summary.txt"
sort -k2 -n "$out/publish.txt" | awk '{s[NR]=$2; c[$1]++} END {printf "publish: %d through the API (", NR; for (k in c) printf "%s×%d ", k, c[k]; printf "), median %.0f ms, p95 %.0f ms, max %.0f ms\n", s[int((NR+1)/2)]*1000, s[int(NR*0.95+0.5)]*1000, s[NR]*1000}' | tee -a "$out/summary.txt"
echo "collections: $(curl -s "$base/metrics" | awk '/^jvm_gc_pause_seconds_count/ {n+=$NF} /^jvm_gc_pause_seconds_sum/ {t+=$NF} /^jvm_gc_pause_seconds_max/ {if ($NF>m) m=$NF} END {printf "%d, %.1f s in all, longest %.0f ms (in the last two minutes)", n, t, m*1000}')" | tee -a "$out/summary.txt"
sleep 65   # idle server threads end after 60 s
echo "after (65 s later): $(gauges)" | tee -a "$out/summary.txt"
grep -c " 500 \|ERROR" "$out/server.log" | sed 's/^/server errors logged: /' | tee -a "$out/summary.txt" || true
