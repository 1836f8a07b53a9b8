#!/usr/bin/env bash
# Monthly report benchmark: the demo province (whose Department of Information and Communications
# seals the report) plus a generated province of UNITS units and DOCS documents over MONTHS months
# (default twelve; the generator counts their figures). It measures, in the same run, the ranking of the communes for
# last month (getRanking, the baseline) and the making of the reports of the three months before this
# one (generateMonthlyReport: rankings of every level, twelve-month trend, XLSX, PDF, seal, reminders),
# each as a ratio to it; the first is made by a server that has made no PDF yet.
#   bench/reports.sh                       # 200,000 documents, 2,000 units
#   DOCS=50000 UNITS=500 bench/reports.sh
#   DOCS=10000000 MONTHS=36 WORK=bench/work-province bench/reports.sh   # the province of issue 6
#   REUSE=1 MONTHS_BACK="4 5 6" bench/reports.sh   # again on the same province, months not made yet
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${DOCS:-200000}
UNITS=${UNITS:-2000}
PEOPLE=${PEOPLE:-20000}
MONTHS=${MONTHS:-12}
PORT=${PORT:-18182}
RUNS=${RUNS:-10}
WORK=${WORK:-bench/work-reports}
[ -f target/congvan.jar ] || ./mvnw -B -ntp -q -DskipTests package
if [ "${REUSE:-0}" != 1 ]; then rm -rf "$WORK"; fi
mkdir -p "$WORK" bench/results
export CONGVAN_DATA_DIR="$WORK/data" CONGVAN_DEMO_ENABLED=true
export CONGVAN_DEMO_PASSWORD=${CONGVAN_DEMO_PASSWORD:-Bench-password-2026}
result="bench/results/reports-$(date -u +%Y%m%dT%H%M%SZ).md"
base="http://localhost:$PORT"

start_server() {
  java -Xmx2g -jar target/congvan.jar --server.port="$PORT" >> "$WORK/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 480); do
    curl -sf "$base/actuator/health" >/dev/null 2>&1 && return
    sleep 0.5
  done
  echo "the server did not start" >&2
  exit 1
}
stop_server() {
  kill "$server"
  wait "$server" 2>/dev/null || true
}
token() {
  curl -sf "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$CONGVAN_DEMO_PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
seconds() {
  # The time of one call, in seconds, failing on an answer that is not 2xx.
  curl -sf -o /dev/null -w '%{time_total}' "$@"
}
trap 'kill $server 2>/dev/null || true' EXIT

if [ "${REUSE:-0}" != 1 ]; then
  echo "Seeding the demo province and its certificates…"
  start_server
  for _ in $(seq 1 240); do
    grep -q "Issued demo certificates" "$WORK/server.log" && break
    sleep 0.5
  done
  stop_server

  echo "Generating $DOCS documents over $MONTHS months, $UNITS units and $PEOPLE people…"
  start=$(date +%s)
  java -Xmx2g -jar target/congvan.jar --congvan.generate.documents="$DOCS" --congvan.generate.units="$UNITS" \
    --congvan.generate.people="$PEOPLE" --congvan.generate.months="$MONTHS" | tee "$WORK/generate.log" | grep -E "^(Generated|Counted)"
  echo "Generation took $(( $(date +%s) - start )) s" | tee -a "$WORK/generate.log"
fi

start_server
monitor=$(token giamsat.tinh)
first=$(date -u +%Y-%m-01)
last_month=$(date -u -d "$first -1 month" +%Y-%m)
ranking_url="$base/api/v1/statistics/ranking?group=COMMUNES&period=$last_month"
seconds "$ranking_url" -H "Authorization: Bearer $monitor" > /dev/null # warm-up
rankings=()
for _ in $(seq 1 "$RUNS"); do
  rankings+=("$(seconds "$ranking_url" -H "Authorization: Bearer $monitor")")
done
median=$(printf '%s\n' "${rankings[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
rows=()
for back in ${MONTHS_BACK:-1 2 3}; do
  month=$(date -u -d "$first -$back month" +%Y-%m)
  took=$(seconds "$base/api/v1/monthly-reports" -H "Authorization: Bearer $monitor" \
    -H 'Content-Type: application/json' -d "{\"month\":\"$month\"}")
  rows+=("| generateMonthlyReport $month | $took | $(awk -v r="$took" -v b="$median" 'BEGIN {printf "%.1f", r / b}') |")
done
listed=$(curl -sf "$base/api/v1/monthly-reports" -H "Authorization: Bearer $monitor")
{
  echo "# Monthly report benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
  grep -E "^(Generated|Counted|Generation)" "$WORK/generate.log"
  echo
  echo "| operation | seconds | / baseline |"
  echo "| --- | ---: | ---: |"
  echo "| getRanking COMMUNES $last_month, median of $RUNS (baseline) | $median | 1.0 |"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Reports: $listed"
  grep -E "Monthly report .* made in" "$WORK/server.log" || true
} | tee "$result"
echo "Written to $result"
