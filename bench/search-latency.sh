#!/usr/bin/env bash
# Search under load: the ANT corpora (../shared/data, ~40,000 articles) imported through Nashir's write path, the
# index rebuilt (build rate printed), then GET /api/v1/search with real title words from 16 concurrent connections
# for DURATION seconds on loopback, then /api/v1/search/suggest with the starts of those words as a reader types them.
# Needs wrk and ../shared.
#   bench/search-latency.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
DURATION=${DURATION:-20}
PORT=${PORT:-18082}
SHARED=${SHARED:-$(cd .. && pwd)/shared}
DATA=${DATA:-$PWD/target/bench-data}
out=bench/results
mkdir -p "$out"
./nashir --help >/dev/null
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q test -Pbench -Dtest=SearchLoadBench -Dsurefire.failIfNoSpecifiedTests=false -Dnashir.shared="$SHARED" -Dnashir.bench.data="$DATA" \
  -DtrimStackTrace=false | tee "$out/search-prepare.txt" | grep -E "import:|index build:" || true
grep -hE "import:|index build:" target/surefire-reports/*SearchLoadBench*-output.txt 2>/dev/null | tee -a "$out/search-prepare.txt" || true
# One address (wrk's) sends every request: lift the per-address search limit for the measurement; and let 16 searches
# run at once (the default, one per processor, would answer most of 16 connections 503: bench/flood.sh measures that).
NASHIR_SEARCHES_PER_MINUTE=1000000 NASHIR_SHED_CONCURRENCY=16 "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx1g -jar target/nashir.jar serve --data "$DATA" --port "$PORT" > "$out/search-server.log" 2>&1 &
server=$!
trap 'kill $server; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
# Two mixes in one run: "distinct" sends 20,000 different queries (few repeats, the result cache barely helps);
# "popular" cycles through 200 (a story everyone searches for; mostly answered from the result cache).
for mix in distinct:20000 popular:200; do
  name=${mix%%:*}; count=${mix##*:}
  cat > "$out/queries-$name.lua" <<LUA
local paths = {}
for line in io.lines("$DATA/queries.txt") do
  if #paths < $count then paths[#paths + 1] = line end
end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
  wrk -t2 -c16 -d5s -s "$out/queries-$name.lua" "http://127.0.0.1:$PORT" > /dev/null
  echo "== $name queries"
  wrk -t2 -c16 -d"${DURATION}s" --latency -s "$out/queries-$name.lua" "http://127.0.0.1:$PORT" | tee "$out/search-wrk-$name.txt"
done
# Suggestions as a reader types: the first 2 to 6 letters of a word of each of 20,000 queries (and, for a third of
# them, a whole first word then the start of the next), to GET /api/v1/search/suggest. wrk prints p50/p90/p99; the
# done() hook prints p95, the issue's figure.
cat > "$out/queries-suggest.lua" <<LUA
local prefixes = {}
local function decode(s) return (s:gsub("+", " "):gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end)) end
local function encode(s) return (s:gsub("[^%w]", function(c) return string.format("%%%02X", c:byte()) end)) end
-- The first n characters of a UTF-8 string (Arabic letters are two bytes, digits and Latin one).
local function head(s, n)
  local out, count = {}, 0
  for ch in s:gmatch("[%z\1-\127\194-\244][\128-\191]*") do
    if count == n then break end
    out[#out + 1] = ch; count = count + 1
  end
  return table.concat(out), count
end
math.randomseed(20261206)
for line in io.lines("$DATA/queries.txt") do
  if #prefixes >= 20000 then break end
  local q = line:match("[?&]q=([^&]*)")
  if q then
    local words = {}
    for w in decode(q):gmatch("[^%s%p]+") do words[#words + 1] = w end
    if #words > 0 then
      local typed
      if #words > 1 and math.random(3) == 1 then
        typed = words[1] .. " " .. head(words[2], math.random(2, 4))
      else
        local w = words[math.random(#words)]
        local p, n = head(w, math.random(2, 6))
        if n >= 2 then typed = p end
      end
      if typed then prefixes[#prefixes + 1] = "/api/v1/search/suggest?q=" .. encode(typed) end
    end
  end
end
local i = math.random(#prefixes)
request = function()
  i = i % #prefixes + 1
  return wrk.format("GET", prefixes[i])
end
done = function(summary, latency, requests)
  io.write(string.format("suggest: %d prefixes, p95 %.2f ms, p99 %.2f ms, non-2xx %d\n", #prefixes,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
LUA
wrk -t2 -c16 -d5s -s "$out/queries-suggest.lua" "http://127.0.0.1:$PORT" > /dev/null
echo "== suggest (typing)"
wrk -t2 -c16 -d"${DURATION}s" --latency -s "$out/queries-suggest.lua" "http://127.0.0.1:$PORT" | tee "$out/search-wrk-suggest.txt"
