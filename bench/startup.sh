#!/usr/bin/env bash
# Time from `java -jar` to a healthy /actuator/health: a first start (embedded PostgreSQL created,
# demo province seeded) and a restart on the same data, as the README's first command runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18282}
WORK=${WORK:-bench/work-startup}
[ -f target/congvan.jar ] || ./mvnw -B -ntp -q -DskipTests package
rm -rf "$WORK"
mkdir -p "$WORK"
export CONGVAN_DATA_DIR="$WORK/data" CONGVAN_DEMO_PASSWORD=${CONGVAN_DEMO_PASSWORD:-Startup-2026}

healthy_after() {
  local started=$1
  for _ in $(seq 1 600); do
    if curl -sf "localhost:$PORT/actuator/health" >/dev/null 2>&1; then
      echo "scale=1; ($(date +%s%N) - $started) / 1000000000" | bc
      return 0
    fi
    sleep 0.1
  done
  echo "never"
}

for run in first restart; do
  started=$(date +%s%N)
  java -jar target/congvan.jar --server.port="$PORT" > "$WORK/$run.log" 2>&1 &
  server=$!
  echo "$run start: healthy after $(healthy_after "$started") s"
  kill "$server"
  wait "$server" 2>/dev/null || true
done
