#!/usr/bin/env bash
# Registry benchmark: generates a synthetic province (DOCS documents, UNITS units, PEOPLE people),
# starts CongVan on it, and measures registration through the API and search, each as a ratio to a
# baseline read (getDocument) measured in the same run. Results go to bench/results/.
#   bench/run.sh                     # 1,000,000 documents, 2,000 units
#   DOCS=100000 UNITS=300 bench/run.sh
#   REUSE=1 bench/run.sh             # measure again on the province generated last time
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${DOCS:-1000000}
UNITS=${UNITS:-2000}
PEOPLE=${PEOPLE:-20000}
THREADS=${THREADS:-4}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
PORT=${PORT:-18181}
WORK=${WORK:-bench/work}
[ -f target/congvan.jar ] || ./mvnw -B -ntp -q -DskipTests package
if [ "${REUSE:-0}" != 1 ]; then rm -rf "$WORK"; fi
mkdir -p "$WORK" bench/results
export CONGVAN_DATA_DIR="$WORK/data" CONGVAN_DEMO_ENABLED=false
export CONGVAN_DEMO_PASSWORD=${CONGVAN_DEMO_PASSWORD:-Bench-password-2026}
result="bench/results/registry-$(date -u +%Y%m%dT%H%M%SZ).md"

if [ "${REUSE:-0}" != 1 ] || [ ! -f "$WORK/generate.log" ]; then
  echo "Generating $DOCS documents over $UNITS units and $PEOPLE people…"
  start=$(date +%s)
  java -Xmx2g -jar target/congvan.jar --congvan.generate.documents="$DOCS" \
    --congvan.generate.units="$UNITS" --congvan.generate.people="$PEOPLE" | tee "$WORK/generate.log" | grep -E "^Generated"
  echo "Generation took $(( $(date +%s) - start )) s"
fi

java -Xmx2g -jar target/congvan.jar --server.port="$PORT" > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf "localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
{
  echo "# Registry benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
  grep -E "^Generated" "$WORK/generate.log"
  echo
  java bench/RegistryBench.java "http://localhost:$PORT" "$CONGVAN_DEMO_PASSWORD" "$THREADS" "$SECONDS_PER_RUN" "$DOCS"
} | tee "$result"
echo "Written to $result"
