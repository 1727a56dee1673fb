#!/usr/bin/env bash
# WordPress import in bounded memory: writes a WXR export of POSTS posts (100,000 by default, cycled from the ANT
# corpora in ../shared/data), then imports it with `import wxr` under a HEAP-sized heap (96 MB by default) with GC
# logging, and prints the import's own summary, its rate, the largest heap in use after a collection and the
# process's peak resident memory. Needs ../shared.
#   bench/wxr-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS=${POSTS:-100000}
HEAP=${HEAP:-96m}
SHARED=${SHARED:-$(cd .. && pwd)/shared}
work=target/bench-wxr
out=bench/results
mkdir -p "$out" "$work"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./nashir --help >/dev/null
./mvnw -B -q test -Pbench -Dtest=WxrMemoryBench -Dsurefire.failIfNoSpecifiedTests=false -Dnashir.shared="$SHARED" \
  -Dnashir.bench.posts="$POSTS" -Dnashir.bench.wxr="$PWD/$work/export.xml"
ls -l "$work/export.xml"
rm -rf "$work/data"
start=$(date +%s.%N)
/usr/bin/time -v -o "$out/wxr-time.txt" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx"$HEAP" \
  -Xlog:gc:file="$out/wxr-gc.log" -jar target/nashir.jar import wxr --data "$work/data" "$work/export.xml" | tee "$out/wxr-import.txt"
end=$(date +%s.%N)
python3 - "$out/wxr-gc.log" "$POSTS" "$start" "$end" <<'PY'
import re, sys
after = [int(m.group(1)) for m in re.finditer(r"->(\d+)M\(", open(sys.argv[1]).read())]
posts, secs = int(sys.argv[2]), float(sys.argv[4]) - float(sys.argv[3])
print(f"{posts} posts in {secs:.0f} s = {posts / secs:.0f} posts/s; heap in use after GC: max {max(after) if after else 0} MB over {len(after)} collections")
PY
grep -E "Maximum resident set size" "$out/wxr-time.txt"
