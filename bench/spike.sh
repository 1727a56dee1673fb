#!/usr/bin/env bash
# A story breaks on one small server: the 40,451 ANT articles (../shared/data) in the site, the server started with
# the launcher's defaults (./nashir serve: bounded heap, serial collector), and for DURATION seconds rising load
# (four steps: 8, 16, 32, 64 connections) on the breaking story, the home page and the RSS feed, as browsers ask
# (Accept-Encoding: gzip, deflate, br), while an editor adds a live entry to the story every 5 s and publishes another story every 20 s
# through the API. Prints per step: requests/s, p99, errors; how long each change took to show on the home page,
# the story and the feed; renders per change from /metrics; and the server's peak resident memory (VmHWM).
#   bench/spike.sh                    # DURATION=300
#   DURATION=120 bench/spike.sh
#   WARMUP=0 bench/spike.sh           # the spike hits a server just started (JIT cold); default 30 s of light load first
# Needs wrk and ../shared (the corpora are imported once into target/bench-data, as bench/search-latency.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
DURATION=${DURATION:-300}
PORT=${PORT:-18084}
SHARED=${SHARED:-$(cd .. && pwd)/shared}
DATA=${DATA:-$PWD/target/bench-data}
out=bench/results/spike
mkdir -p "$out"
./nashir --help >/dev/null
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ ! -f "$DATA/nashir.db" ]; then
  ./mvnw -B -q test -Pbench -Dtest=SearchLoadBench -Dsurefire.failIfNoSpecifiedTests=false -Dnashir.shared="$SHARED" -Dnashir.bench.data="$DATA" >/dev/null
fi
base="http://127.0.0.1:$PORT"
./nashir user add --data "$DATA" --email spike@bench.example --name "محررة القياس" --role editor --password-stdin <<< "a-long-enough-password-for-bench" >/dev/null 2>&1 || true
token=$(./nashir token create --data "$DATA" --email spike@bench.example --name "spike $(date +%s)" 2>/dev/null)

# The launcher's defaults, not the bench's: what an operator runs.
./nashir serve --data "$DATA" --port "$PORT" > "$out/server.log" 2>&1 &
server=$!
editor=""
sampler=""
trap 'kill $sampler 2>/dev/null || true; kill $editor 2>/dev/null || true; kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null && break; sleep 0.5; done
# Resident memory every second (anonymous and file-backed apart), to see when the peak comes and what it is made of.
(
  while kill -0 "$server" 2>/dev/null; do
    awk -v t="$(date +%s)" '/^(VmRSS|RssAnon|RssFile):/ {v[$1]=$2} END {print t, v["VmRSS:"], v["RssAnon:"], v["RssFile:"]}' "/proc/$server/status"
    sleep 1
  done
) > "$out/rss.txt" 2>/dev/null &
sampler=$!
section=$(curl -fs "$base/api/v1/sections" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
api() { curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
hot=$(api -X POST "$base/api/v1/articles" -d "{\"title\":\"عاجل: انفجار في مرفأ المدينة\",\"body_html\":\"<p>تفاصيل أولى.</p>\",\"section\":\"$section\",\"status\":\"published\"}" \
  | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
api -X PUT "$base/api/v1/articles/$hot/live/coverage" -d '{"live": true}' >/dev/null
echo "breaking story, covered live: /article/$hot (section $section)"

# Seen within: how long after a change its words show on the three hot pages (polled every 50 ms, up to 10 s).
seen() {  # $1 = words, $2.. = paths
  local words=$1 start; shift
  start=$(date +%s%N)
  for path in "$@"; do
    until curl -s -H 'Accept-Encoding: identity' "$base$path" | grep -q "$words"; do
      [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 10000 ] && { echo "NOT SEEN $path"; return; }
      sleep 0.05
    done
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
cat > "$out/hot.lua" <<LUA
local paths = {"/article/$hot", "/", "/feed.xml"}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {["Accept-Encoding"] = "gzip, deflate, br"})
end
LUA
: > "$out/changes.txt"
(
  n=0
  while true; do
    sleep 5
    n=$((n + 1))
    api -X POST "$base/api/v1/articles/$hot/live" -d "{\"text\":\"تحديث رقم $n من موقع الحدث.\"}" >/dev/null
    echo "live $n $(seen "تحديث رقم $n من" "/article/$hot")" >> "$out/changes.txt"
    if [ $((n % 4)) -eq 0 ]; then
      api -X POST "$base/api/v1/articles" -d "{\"title\":\"خبر متابعة رقم $n\",\"body_html\":\"<p>متابعة.</p>\",\"section\":\"$section\",\"status\":\"published\"}" >/dev/null
      echo "publish $n $(seen "خبر متابعة رقم $n" / /feed.xml)" >> "$out/changes.txt"
    fi
  done
) &
editor=$!
# A site is not cold when a story breaks: WARMUP seconds of ordinary traffic (4 connections) while the editor works,
# not counted.
WARMUP=${WARMUP:-30}
[ "$WARMUP" -gt 0 ] && wrk -t1 -c4 -d"${WARMUP}s" -s "$out/hot.lua" "$base" > "$out/wrk-warmup.txt"
: > "$out/changes.txt"

renders_before=$(curl -s "$base/metrics" | awk '/^nashir_page_render_seconds_count/ {print $2}')
step=$((DURATION / 4))
printf '%-12s %10s %9s %9s %s\n' connections req/s p50 p99 errors | tee "$out/summary.txt"
for c in 8 16 32 64; do
  wrk -t2 -c"$c" -d"${step}s" --latency -s "$out/hot.lua" "$base" > "$out/wrk-$c.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk-$c.txt")
  p50=$(awk '$1=="50%" {print $2}' "$out/wrk-$c.txt")
  p99=$(awk '$1=="99%" {print $2}' "$out/wrk-$c.txt")
  total=$(awk '/requests in/ {print $1}' "$out/wrk-$c.txt")
  bad=$(awk '/Non-2xx/ {n=$NF} /Socket errors/ {gsub(",",""); for (i=1;i<=NF;i++) if ($i ~ /^[0-9]+$/) s+=$i} END {print n+s+0}' "$out/wrk-$c.txt")
  printf '%-12s %10s %9s %9s %s of %s\n' "$c" "$rps" "$p50" "$p99" "$bad" "$total" | tee -a "$out/summary.txt"
done
kill $editor 2>/dev/null || true
renders_after=$(curl -s "$base/metrics" | awk '/^nashir_page_render_seconds_count/ {print $2}')
changes=$(wc -l < "$out/changes.txt")
echo "changes: $changes (a live entry every 5 s, a new story every 20 s)" | tee -a "$out/summary.txt"
awk '$3 ~ /^[0-9]+$/ {print $3}' "$out/changes.txt" | sort -n | awk '{a[NR]=$1} END {if (NR) printf "seen on the hot pages after a change: median %d ms, max %d ms\n", a[int((NR+1)/2)], a[NR]}' | tee -a "$out/summary.txt"
grep -c "NOT SEEN" "$out/changes.txt" | awk '{print "changes not seen within 10 s: " $1}' | tee -a "$out/summary.txt" || true
awk -v b="$renders_before" -v a="$renders_after" -v c="$changes" 'BEGIN {printf "renders: %d for %d changes on 3 hot pages (%.2f per hot page per change)\n", a-b, c, (a-b)/(c*3)}' | tee -a "$out/summary.txt"
grep -E "VmHWM|VmRSS" "/proc/$server/status" | tr -s ' ' | tee -a "$out/summary.txt"
sort -k2 -n "$out/rss.txt" | tail -1 | awk '{printf "highest sampled resident memory: %d kB (anonymous %d kB, files %d kB)\n", $2, $3, $4}' | tee -a "$out/summary.txt"
