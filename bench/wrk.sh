#!/usr/bin/env bash
# Load test of the home and article pages on loopback, with the page cache on (the default) and off, side by
# side in one run. Bounded: each run lasts DURATION seconds; the server is stopped at the end.
#   bench/wrk.sh                 # 32 connections, 15 s per run
#   CONNECTIONS=64 DURATION=30 bench/wrk.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-15}
PORT=${PORT:-18080}
./nashir --help >/dev/null   # builds target/nashir.jar if needed
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
data=$(mktemp -d)
out=bench/results
mkdir -p "$out"
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT

run_server() {  # $1 = page cache seconds
  [ -n "${server:-}" ] && { kill "$server"; wait "$server" 2>/dev/null || true; }
  NASHIR_PAGE_CACHE_SECONDS=$1 "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx512m -jar target/nashir.jar serve --demo --data "$data" --port "$PORT" > "$out/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && return; sleep 0.5; done
  echo "server did not start; see $out/server.log" >&2; exit 1
}

printf '%-8s %-10s %12s %10s %10s %10s\n' cache page req/s p50 p99 errors | tee "$out/summary.txt"
for cache in 30 0; do
  run_server "$cache"
  article=$(curl -fs "http://127.0.0.1:$PORT/" | grep -o '/article/[0-9]*' | head -1)
  for page in / "$article"; do
    url="http://127.0.0.1:$PORT$page"
    wrk -t2 -c"$CONNECTIONS" -d5s "$url" >/dev/null            # warm-up: JIT, cache
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" > "$out/wrk-cache$cache-$(echo "$page" | tr / _).txt"
    f="$out/wrk-cache$cache-$(echo "$page" | tr / _).txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$f")
    p50=$(awk '$1=="50%" {print $2}' "$f")
    p99=$(awk '$1=="99%" {print $2}' "$f")
    errors=$(awk '/Non-2xx|Socket errors/ {e=e $0} END {print (e=="" ? "0" : "see-log")}' "$f")
    printf '%-8s %-10s %12s %10s %10s %10s\n' "${cache}s" "$page" "$rps" "$p50" "$p99" "$errors" | tee -a "$out/summary.txt"
  done
done
echo "details: $out/"
