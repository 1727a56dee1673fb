#!/usr/bin/env bash
# A full disk under a running site (issue 16): Nashir's data folder on a small tmpfs; the site is used (articles
# through the API, comments, an image upload, a sign-in) while a filler file takes the last free byte, and again after
# the filler is removed, without restarting anything. Prints what each answered while full (expected: 503 with the
# Arabic message, nothing acknowledged), whether every acknowledged write is there afterwards, whether the search
# index caught up by itself, and what /health said while full.
#   bench/disk-full.sh
# Needs to mount a tmpfs (root, outside a restricted container); skips with a message otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18088}
out=bench/results/disk-full
mkdir -p "$out"
./nashir --help >/dev/null
work=$(mktemp -d)
# The launcher and the jar as built now: editing the sources meanwhile must not start a build at a restart.
mkdir -p "$work/app/target"
cp nashir "$work/app/"
cp target/nashir.jar "$work/app/target/"
app="$work/app/nashir"
mkdir -p "$work/data"
if ! mount -t tmpfs -o size=96m tmpfs "$work/data" 2>/dev/null; then
  echo "skipped: cannot mount a tmpfs here (needs root outside a restricted container)" | tee "$out/summary.txt"
  rm -rf "$work"
  exit 0
fi
data="$work/data"
base="http://127.0.0.1:$PORT"
server=""
trap 'kill $server 2>/dev/null || true; wait 2>/dev/null || true; umount "$data" 2>/dev/null || true; rm -rf "$work"' EXIT
say() { echo "$*" | tee -a "$out/summary.txt"; }
: > "$out/summary.txt"
"$app" serve --demo --data "$data" --port "$PORT" > "$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "$base/health" && break; sleep 0.25; done
"$app" user add --data "$data" --email full@bench.example --name "محرر القياس" --role editor --password-stdin <<< "a-long-enough-password-for-bench" >/dev/null
token=$("$app" token create --data "$data" --email full@bench.example --name "disk bench")
section=$(curl -fs "$base/api/v1/sections" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
article=$(curl -fs "$base/api/v1/articles" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
# A real picture to upload: the site's own favicon is SVG, so make a PNG with Python's zlib.
python3 - "$work/picture.png" <<'PY'
import sys, zlib, struct
w, h = 320, 240
rows = b''.join(b'\x00' + b''.join(bytes(((x * 7) % 256, (y * 3) % 256, ((x + y) * 5) % 256)) for x in range(w)) for y in range(h))
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
PY
publish() {  # $1 = title; prints the status, remembers acknowledged ids
  local r; r=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"title\":\"$1\",\"body_html\":\"<p>$1</p>\",\"section\":\"$section\",\"status\":\"published\"}" "$base/api/v1/articles")
  local code; code=$(tail -1 <<< "$r")
  # (Written to a file: this runs in the $(…) of the caller, a subshell.)
  [ "$code" = 201 ] && head -1 <<< "$r" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2 >> "$work/acked"
  echo "$code $(head -1 <<< "$r" | grep -o '"code":"[^"]*"' || true)"
}
comment() { curl -s -o "$work/comment.html" -w '%{http_code}' --data-urlencode "name=قارئ" --data-urlencode "email=r@bench.example" \
  --data-urlencode "comment=$1" "$base/article/$article/comments"; }
signin() { rm -f "$work/jar"  # a new browser each time: one already signed in is sent on from the sign-in page
  curl -s -o /dev/null -c "$work/jar" -b "$work/jar" "$base/admin/sign-in"
  local csrf; csrf=$(curl -s -c "$work/jar" -b "$work/jar" "$base/admin/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
  curl -s -o /dev/null -w '%{http_code}' -c "$work/jar" -b "$work/jar" --data-urlencode "_csrf=$csrf" --data-urlencode "email=full@bench.example" \
    --data-urlencode "password=a-long-enough-password-for-bench" "$base/admin/sign-in"; }
upload() { local csrf; csrf=$(curl -s -b "$work/jar" "$base/admin/media" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
  curl -s -o /dev/null -w '%{http_code}' -b "$work/jar" -F "_csrf=$csrf" -F "alt=صورة القياس" -F "file=@$work/picture.png;type=image/png" "$base/admin/media"; }

say "before: publish $(publish 'خبر قبل الامتلاء'), comment $(comment 'تعليق قبل الامتلاء'), sign-in $(signin), upload $(upload)"
dd if=/dev/zero of="$data/filler" bs=1M 2>/dev/null || true
say "disk full: $(df -h "$data" | tail -1 | awk '{print $4}') free"
say "while full: publish $(publish 'خبر أثناء الامتلاء'), comment $(comment 'تعليق أثناء الامتلاء') ($(grep -o 'ممتلئة[^<]*' "$work/comment.html" | head -1)), upload (signed in before) $(upload), sign-in $(signin)"
say "while full: /health $(curl -s "$base/health")"
rm -f "$data/filler"
sleep 2
say "after: publish $(publish 'خبر بعد عودة المساحة'), comment $(comment 'تعليق بعد عودة المساحة'), sign-in $(signin), upload $(upload)"
sleep 2
missing=0
touch "$work/acked"
while read -r id; do [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/articles/$id")" = 200 ] || missing=$((missing + 1)); done < "$work/acked"
say "acknowledged articles: $(wc -l < "$work/acked"), missing: $missing"
say "temporary files left under media/: $(find "$data/media" -name '*.tmp' 2>/dev/null | wc -l)"
say "search index: $(curl -s "$base/metrics" | awk '/^nashir_search_documents/ {print int($2)}') articles; published: $(curl -s "$base/api/v1/articles?limit=1" | grep -o '"total":[0-9]*' | cut -d: -f2)"
say "/health after: $(curl -s "$base/health")"
say "server still the same process: $(kill -0 $server && echo yes)"
kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; server=""
dd if=/dev/zero of="$data/filler" bs=1M 2>/dev/null || true
say "starting a new site on the full disk says: $("$app" serve --data "$data/other" --port "$PORT" 2>&1 | grep -v '^WARNING' | head -1)"
rm -f "$data/filler"
