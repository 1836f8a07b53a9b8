#!/usr/bin/env bash
# Statistics benchmark: generates a synthetic province (DOCS documents over MONTHS months, UNITS
# units; the generator then counts every figure with the full recomputation), starts CongVan on it
# and measures getRanking and getUnitStatistics, each as a ratio to a baseline read (getUnit)
# measured in the same run. Results go to bench/results/.
#   bench/statistics.sh                                   # 300,000 documents, 2,000 units, 12 months
#   DOCS=10000000 UNITS=2000 MONTHS=36 bench/statistics.sh  # the province of issue 6
#   REUSE=1 bench/statistics.sh                           # measure again on the last generated province
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${DOCS:-300000}
UNITS=${UNITS:-2000}
PEOPLE=${PEOPLE:-$((UNITS * 4))}
MONTHS=${MONTHS:-12}
THREADS=${THREADS:-4}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
PORT=${PORT:-18182}
WORK=${WORK:-bench/work-statistics}
[ -f target/congvan.jar ] || ./mvnw -B -ntp -q -DskipTests package
if [ "${REUSE:-0}" != 1 ]; then rm -rf "$WORK"; fi
mkdir -p "$WORK" bench/results
export CONGVAN_DATA_DIR="$WORK/data" CONGVAN_DEMO_ENABLED=false
export CONGVAN_DEMO_PASSWORD=${CONGVAN_DEMO_PASSWORD:-Bench-password-2026}
result="bench/results/statistics-$(date -u +%Y%m%dT%H%M%SZ).md"

if [ "${REUSE:-0}" != 1 ] || [ ! -f "$WORK/generate.log" ]; then
  echo "Generating $DOCS documents over $MONTHS months, $UNITS units and $PEOPLE people…"
  start=$(date +%s)
  java -Xmx2g -jar target/congvan.jar --congvan.generate.documents="$DOCS" --congvan.generate.months="$MONTHS" \
    --congvan.generate.units="$UNITS" --congvan.generate.people="$PEOPLE" | tee "$WORK/generate.log" \
    | grep -E "^(Generated|Counted)"
  echo "Generation took $(( $(date +%s) - start )) s" | tee -a "$WORK/generate.log"
fi

java -Xmx2g -jar target/congvan.jar --server.port="$PORT" > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf "localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
{
  echo "# Statistics benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
  grep -E "^(Generated|Counted|Generation)" "$WORK/generate.log"
  echo
  java bench/StatisticsBench.java "http://localhost:$PORT" "$CONGVAN_DEMO_PASSWORD" "$THREADS" "$SECONDS_PER_RUN"
} | tee "$result"
echo "Written to $result"
