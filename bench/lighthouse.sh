#!/usr/bin/env bash
# Lighthouse 12.2.3 (from npm, into a throw-away folder) with Debian's Chromium, on the demo site's home page (with
# its lead story and the عاجل ticker), an article page, the live coverage page and an article with an embedded post,
# mobile and desktop. Prints each category's score and every audit that is not perfect.
#   bench/lighthouse.sh
#   FORMS=mobile PAGES="/article/10" RUNS=3 bench/lighthouse.sh     (some pages, some forms, each measured RUNS times)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18081}
tools=$(mktemp -d)
data=$(mktemp -d)
out=bench/results/lighthouse
mkdir -p "$out"
(cd "$tools" && npm i -s -E lighthouse@12.2.3 >/dev/null)
./nashir --help >/dev/null
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" --enable-native-access=ALL-UNNAMED -jar target/nashir.jar serve --demo --data "$data" --port "$PORT" > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server; wait $server 2>/dev/null || true; rm -rf "$tools" "$data"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
article=$(curl -fs "http://127.0.0.1:$PORT/" | grep -o '/article/[0-9]*' | head -1)
live=$(curl -fs "http://127.0.0.1:$PORT/api/v1/articles?limit=100" | grep -o '"id":[0-9]*,"title":"[^"]*تغطية مباشرة' | grep -o '[0-9]*' | head -1)
embed=""
for id in $(curl -fs "http://127.0.0.1:$PORT/api/v1/articles?limit=100" | grep -o '"id":[0-9]*' | grep -o '[0-9]*'); do
  if curl -fs "http://127.0.0.1:$PORT/article/$id" | grep -q 'class="embed"'; then embed="/article/$id"; break; fi
done
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"
pages=${PAGES:-$(printf '%s\n' / "$article" "/article/$live" $embed | awk '!seen[$0]++')}
for form in ${FORMS:-mobile desktop}; do
  for page in $pages; do
   for run in $(seq 1 "${RUNS:-1}"); do
    report="$out/$form$(echo "$page" | tr / _)-$run.json"
    preset=(); [ "$form" = desktop ] && preset=(--preset=desktop)
    CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "http://localhost:$PORT$page" --quiet --chrome-flags="$flags" \
      "${preset[@]}" --output=json --output-path="$report" >/dev/null 2>&1
    node -e "const r=require(process.argv[1]);const c=r.categories;
      console.log(process.argv[2].padEnd(8), process.argv[3].padEnd(12), Object.keys(c).map(k=>k+'='+Math.round(c[k].score*100)).join(' '));
      for (const a of Object.values(r.audits)) if (a.score!==null && a.score<1 && !['informative','notApplicable','manual'].includes(a.scoreDisplayMode)) console.log('    below 1:', a.id, a.score);" \
      "$PWD/$report" "$form" "$page"
   done
  done
done
