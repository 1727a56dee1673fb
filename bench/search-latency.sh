#!/usr/bin/env bash
# Search under load: the ANT corpora (../shared/data, ~40,000 articles) imported through Nashir's write path, the
# index rebuilt (build rate printed), then GET /api/v1/search with real title words from 16 concurrent connections
# for DURATION seconds on loopback. Needs wrk and ../shared.
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
# One address (wrk's) sends every request: lift the per-address search limit for the measurement.
NASHIR_SEARCHES_PER_MINUTE=1000000 "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx1g -jar target/nashir.jar serve --data "$DATA" --port "$PORT" > "$out/search-server.log" 2>&1 &
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
