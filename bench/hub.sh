#!/usr/bin/env bash
# Hub benchmark: starts CongVan as an exchange hub (embedded PostgreSQL, a fresh data directory) with
# two client systems, then measures packages per second through sendEdoc + getReceivedEdocList +
# getEdoc + updateStatus for small and LARGE_MB packages, each against a bare HTTP round trip of
# the same bytes measured in the same run. Results go to bench/results/.
#   bench/hub.sh                     # 200 small packages, 20 of 10 MB, 4 clients for the parallel runs
#   RUNS=500 LARGE_MB=10 THREADS=4 bench/hub.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-200}
LARGE_MB=${LARGE_MB:-10}
THREADS=${THREADS:-4}
HEAP=${HEAP:-1g}
PORT=${PORT:-18383}
WORK=${WORK:-bench/work-hub}
SENDER_SECRET=bench-sender-secret-2026
RECEIVER_SECRET=bench-receiver-secret-2026
[ -f target/congvan.jar ] || ./mvnw -B -ntp -q -DskipTests package
rm -rf "$WORK"
mkdir -p "$WORK" bench/results
result="bench/results/hub-$(date -u +%Y%m%dT%H%M%SZ).md"

CONGVAN_DATA_DIR="$WORK/data" CONGVAN_DEMO_ENABLED=false CONGVAN_DEMO_PASSWORD=Bench-password-2026 \
  java -Xmx"$HEAP" -jar target/congvan.jar --server.port="$PORT" \
  --congvan.province.code=000.00.00.H99 --congvan.exchange.hub.enabled=true \
  --congvan.exchange.hub.systems.bench-sender="$SENDER_SECRET" \
  --congvan.exchange.hub.systems.bench-receiver="$RECEIVER_SECRET" \
  --congvan.exchange.hub.initial-organs.bench-sender=000.00.41.H10 \
  --congvan.exchange.hub.initial-organs.bench-receiver=000.00.42.H10 \
  > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf "localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
{
  echo "# Hub benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); hub heap $HEAP"
  echo
  java -Xmx2g bench/HubBench.java "http://localhost:$PORT" bench-sender "$SENDER_SECRET" 000.00.41.H10 \
    bench-receiver "$RECEIVER_SECRET" 000.00.42.H10 "$RUNS" "$LARGE_MB" "$THREADS"
} | tee "$result"
echo "Written to $result"
