#!/usr/bin/env bash
# kill -9 under load (issue 16): Nashir on its embedded SQLite, with writers (articles through the API), commenters
# (the comment form) and beacon senders (view beacons, each from a new reader) running against it; every few
# seconds the server is killed outright (SIGKILL) and started again. After the last cycle:
#   - every article and comment the server acknowledged (201 / 303) must be there: lost = 0;
#   - views lost per kill: beacons acknowledged minus views stored, per kill, against the beacons of one second;
#   - the database's integrity check and the search index (articles in it = published articles) must be clean.
#   bench/crash.sh                       # CYCLES=30
# Needs sqlite3 and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in sqlite3 python3 curl; do command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y sqlite3)" >&2; exit 1; }; done
CYCLES=${CYCLES:-30}
PORT=${PORT:-18087}
out=bench/results/crash
mkdir -p "$out"
./nashir --help >/dev/null
work=$(mktemp -d)
# The launcher and the jar as built now: editing the sources meanwhile must not start a build at a restart.
mkdir -p "$work/app/target"
cp nashir "$work/app/"
cp target/nashir.jar "$work/app/target/"
app="$work/app/nashir"
data="$work/data"
base="http://127.0.0.1:$PORT"
server=""
load=""
trap 'kill $load 2>/dev/null || true; kill -9 $server 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

start() {
  NASHIR_SEARCHES_PER_MINUTE=1000000 NASHIR_COMMENTS_PER_ADDRESS=1000000 "$app" serve --data "$data" --port "$PORT" >> "$out/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -fs -o /dev/null "$base/health" && return 0; sleep 0.25; done
  echo "server did not start" >&2; tail -20 "$out/server.log" >&2; exit 1
}
: > "$out/server.log"
"$app" serve --demo --data "$data" --port "$PORT" >> "$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "$base/health" && break; sleep 0.25; done
"$app" user add --data "$data" --email crash@bench.example --name "محرر القياس" --role editor --password-stdin <<< "a-long-enough-password-for-bench" >/dev/null
token=$("$app" token create --data "$data" --email crash@bench.example --name "crash bench")
section=$(curl -fs "$base/api/v1/sections" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
article=$(curl -fs "$base/api/v1/articles" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
views0=$(sqlite3 "$data/nashir.db" "SELECT view_count FROM article WHERE id = $article")

# The load: acknowledged writes are appended to files as they are acknowledged; it runs until killed.
cat > "$work/load.py" <<'PY'
import sys, threading, time, json, urllib.request, urllib.parse, itertools
base, token, section, article, work = sys.argv[1:6]
counter = itertools.count()
lock = threading.Lock()
def ack(name, line):
    with lock, open(f"{work}/{name}", "a") as f:
        f.write(line + "\n"); f.flush()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
opener = urllib.request.build_opener(NoRedirect)
def send(req):
    try:
        with opener.open(req, timeout=5) as r: return r.status, r.read()
    except urllib.error.HTTPError as e: return e.code, b""
    except Exception: return 0, b""
def writer():
    while True:
        n = next(counter)
        body = json.dumps({"title": f"خبر القياس رقم {n}", "body_html": f"<p>نص الخبر {n}</p>", "section": section, "status": "published"}).encode()
        s, b = send(urllib.request.Request(f"{base}/api/v1/articles", data=body, method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"}))
        if s == 201: ack("articles", str(json.loads(b)["id"]))
        if s == 0: time.sleep(0.2)
def commenter():
    while True:
        n = next(counter)
        form = urllib.parse.urlencode({"name": "قارئ", "email": f"r{n}@bench.example", "comment": f"تعليق القياس {n}"}).encode()
        s, _ = send(urllib.request.Request(f"{base}/article/{article}/comments", data=form, method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"}))
        if s == 303: ack("comments", f"تعليق القياس {n}")
        if s == 0: time.sleep(0.2)
        time.sleep(0.05)
def beacons():
    while True:
        n = next(counter)
        s, _ = send(urllib.request.Request(f"{base}/views/{article}", data=b"", method="POST",
            headers={"User-Agent": f"reader-{n}-{time.time()}"}))
        if s in (200, 202, 204): ack("beacons", str(time.time()))
        if s == 0: time.sleep(0.2)
        time.sleep(0.01)
for f in (writer, writer, commenter, beacons, beacons):
    threading.Thread(target=f, daemon=True).start()
while True: time.sleep(1)
PY
python3 "$work/load.py" "$base" "$token" "$section" "$article" "$work" &
load=$!
kills=()
for cycle in $(seq 1 "$CYCLES"); do
  sleep $(( 3 + RANDOM % 4 ))
  kill -9 "$server"; wait "$server" 2>/dev/null || true
  kills+=("$(date +%s.%N)")
  start
done
sleep 3
kill $load; wait $load 2>/dev/null || true
sleep 2  # the last beacons flushed
acked_articles=$(sort -u "$work/articles" | wc -l)
missing_articles=$(sort -u "$work/articles" | while read -r id; do [ "$(sqlite3 "$data/nashir.db" "SELECT count(*) FROM article WHERE id = $id")" = 1 ] || echo "$id"; done | wc -l)
acked_comments=$(sort -u "$work/comments" | wc -l)
sqlite3 "$data/nashir.db" "SELECT body FROM comment" | sort -u > "$work/stored-comments"
missing_comments=$(sort -u "$work/comments" | comm -23 - "$work/stored-comments" | wc -l)
beacons=$(wc -l < "$work/beacons")
views=$(( $(sqlite3 "$data/nashir.db" "SELECT view_count FROM article WHERE id = $article") - views0 ))
first=$(head -1 "$work/beacons"); last=$(tail -1 "$work/beacons")
rate=$(python3 -c "print(f'{$beacons / ($last - $first):.0f}')")
integrity=$(sqlite3 "$data/nashir.db" "PRAGMA integrity_check")
indexed=$(curl -fs "$base/metrics" | awk '/^nashir_search_documents/ {print int($2)}')
{
  echo "cycles: $CYCLES kill -9 under load"
  echo "articles acknowledged: $acked_articles, lost: $missing_articles"
  echo "comments acknowledged: $acked_comments, lost: $missing_comments"
  echo "view beacons acknowledged: $beacons (about $rate a second), views stored: $views, lost: $((beacons - views)) = $(python3 -c "print(f'{($beacons - $views) / $CYCLES:.0f}')") per kill = $(python3 -c "print(f'{($beacons - $views) / $CYCLES / $rate:.2f}')") s of beacons per kill"
  echo "integrity check: $integrity"
  echo "search index: $indexed articles; database: $(sqlite3 "$data/nashir.db" "SELECT count(*) FROM article WHERE status = 'published'") published"
} | tee "$out/summary.txt"
