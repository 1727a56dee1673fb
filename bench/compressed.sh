#!/usr/bin/env bash
# The cached article page as browsers ask for it (Accept-Encoding: gzip, deflate, br), Nashir against nginx serving
# the same bytes pre-compressed (gzip_static, and brotli_static where the module is installed), side by side in one
# run on loopback. Bounded: each measurement lasts DURATION seconds; both servers are stopped at the end.
#   bench/compressed.sh                      # 64 connections, 15 s per measurement
#   CONNECTIONS=64 DURATION=30 bench/compressed.sh
# Needs: apt-get install -y wrk nginx libnginx-mod-http-brotli-static
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx libnginx-mod-http-brotli-static" >&2; exit 1; }
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-15}
PORT=${PORT:-18082}
NGINX_PORT=${NGINX_PORT:-18083}
./nashir --help >/dev/null   # builds target/nashir.jar if needed
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
data=$(mktemp -d)
www=$(mktemp -d)
out=bench/results/compressed
mkdir -p "$out"
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; nginx -p "$www" -c nginx.conf -s stop 2>/dev/null || true; rm -rf "$data" "$www"' EXIT

"$JAVA" --enable-native-access=ALL-UNNAMED -jar target/nashir.jar serve --demo --data "$data" --port "$PORT" > "$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
article=$(curl -fs "http://127.0.0.1:$PORT/" | grep -o '/article/[0-9]*' | head -1)

# The same page for nginx: the plain bytes, and the gzip and brotli forms Nashir made of them.
mkdir -p "$www/html/article" "$www/logs"
curl -fs "http://127.0.0.1:$PORT$article" -o "$www/html/article/index.html"
curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT$article" -o "$www/html/article/index.html.gz"
curl -fs -H 'Accept-Encoding: br' "http://127.0.0.1:$PORT$article" -o "$www/html/article/index.html.br"
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
{
  [ -f "$brotli_module" ] && echo "load_module $brotli_module;"
  cat <<EOF
worker_processes 2;
pid $www/nginx.pid;
error_log $www/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/html;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $www/html;
    gzip_static on;
    $([ -f "$brotli_module" ] && echo "brotli_static on;")
    etag on;
  }
}
EOF
} > "$www/nginx.conf"
chmod -R a+rX "$www"   # nginx's workers run as another user
nginx -p "$www" -c nginx.conf

header='Accept-Encoding: gzip, deflate, br'
measure() {  # $1 = name, $2 = url
  wrk -t2 -c"$CONNECTIONS" -d5s -H "$header" "$2" >/dev/null   # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$header" "$2" > "$out/wrk-$1.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk-$1.txt")
  p50=$(awk '$1=="50%" {print $2}' "$out/wrk-$1.txt")
  p99=$(awk '$1=="99%" {print $2}' "$out/wrk-$1.txt")
  bytes=$(curl -s -H "$header" -o /dev/null -w '%{size_download} %{content_type}' "$2")
  enc=$(curl -s -H "$header" -D - -o /dev/null "$2" | awk -F': ' 'tolower($1)=="content-encoding" {gsub("\r",""); print $2}')
  printf '%-8s %10s %9s %9s %8s %s\n' "$1" "$rps" "$p50" "$p99" "${enc:-none}" "${bytes%% *} bytes" | tee -a "$out/summary.txt"
}
printf '%-8s %10s %9s %9s %8s %s\n' server req/s p50 p99 encoding size | tee "$out/summary.txt"
measure nashir "http://127.0.0.1:$PORT$article"
measure nginx "http://127.0.0.1:$NGINX_PORT/article/"
awk 'NR==2 {n=$2} NR==3 {g=$2} END {printf "ratio nashir/nginx: %.2f\n", n/g}' "$out/summary.txt" | tee -a "$out/summary.txt"
