#!/usr/bin/env bash
# A 2 GiB attachment through the edXML writer and back through the reader under a 128 MB heap:
# prints the times, whether the attachment came back byte for byte, and the peak heap (GC log).
#   bench/edxml-large.sh              # 2048 MiB
#   SIZE_MB=256 bench/edxml-large.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-2048}
HEAP=${HEAP:-128m}
WORK=${WORK:-bench/work-edxml}
[ -d target/classes/vn ] || ./mvnw -B -ntp -q -DskipTests compile
[ -f target/bench-classpath.txt ] || ./mvnw -B -ntp -q dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
rm -rf "$WORK" && mkdir -p "$WORK" bench/results
java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log":uptimemillis -cp "target/classes:$(cat target/bench-classpath.txt)" \
  bench/LargeEdxml.java "$WORK" "$SIZE_MB" | tee "$WORK/out.txt"
peak=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$WORK/gc.log" | sed -E 's/M->.*//' | sort -n | tail -1)
echo "peak heap before a collection: ${peak:-?} MB under a cap of $HEAP"
