#!/usr/bin/env bash
# Big-dossier benchmark (issue 14, item 6): an exchange hub and two office installations A and B, each in
# its own JVM with its own embedded PostgreSQL and data directory, heaps capped. In A, a planning dossier of
# SIZE_MB MiB (generated as it is sent) and a PDF of PDF_MB MiB go up through the resumable uploads; an
# outgoing document is numbered with both, its PDF signed by the chairman's server-held key and sealed,
# delivered to a unit of A and through the hub to an agency of B; both download the dossier and compare its
# SHA-256 with the original's, B validates the signed PDF (and pdfsig, if installed). Prints every step's
# time and throughput, each server's peak heap (GC logs) and the disk the run took, then removes its work
# directory (KEEP=1 keeps it). Results go to bench/results/. Takes up to 10 × SIZE_MB of disk at its fullest.
#   bench/big-dossier.sh                        # 5 GiB dossier, 64 MiB PDF, A and B at -Xmx384m
#   SIZE_MB=300 PDF_MB=16 KEEP=1 bench/big-dossier.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-5120}
PDF_MB=${PDF_MB:-64}
HEAP=${HEAP:-384m}
HUB_HEAP=${HUB_HEAP:-384m}
HUB_PORT=${HUB_PORT:-18481}
A_PORT=${A_PORT:-18482}
B_PORT=${B_PORT:-18483}
WORK=${WORK:-bench/work-big-dossier}
KEEP=${KEEP:-0}
PASSWORD=Bench-password-2026
SECRET_A=bench-secret-of-a-2026
SECRET_B=bench-secret-of-b-2026
[ -f target/congvan.jar ] || ./mvnw -B -ntp -q -DskipTests package

# What the run takes at its fullest (7.5 to 9.5 × SIZE_MB measured, docs/benchmarks.md): refuse to start without room.
need_mb=$((SIZE_MB * 10 + 4096))
avail_mb=$(df -Pm bench | awk 'NR == 2 {print $4}')
if [ "$avail_mb" -lt "$need_mb" ] && [ "${FORCE:-0}" != 1 ]; then
  echo "Needs about $need_mb MB free on the disk of bench/, $avail_mb MB are (FORCE=1 to try anyway)" >&2
  exit 1
fi

rm -rf "$WORK"
mkdir -p "$WORK" bench/results
WORK=$(cd "$WORK" && pwd)
# The servers run a copy of the jar: a build during the run must not replace its classes under them.
cp target/congvan.jar "$WORK/congvan.jar"
result="bench/results/big-dossier-$(date -u +%Y%m%dT%H%M%SZ).md"

pids=()
sampler=""
cleanup() {
  local status=$?
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # Each server stops its embedded PostgreSQL on the way out: the directories go once they have ended.
  for p in "${pids[@]}"; do
    for _ in $(seq 1 120); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  done
  if [ "$KEEP" = 1 ] || [ "$status" != 0 ]; then
    echo "Kept $WORK ($(du -sh "$WORK" | cut -f1))"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

start_server() { # name port heap environment… -- arguments…
  local name=$1 port=$2 heap=$3; shift 3
  local environment=()
  while [ "$1" != "--" ]; do environment+=("$1"); shift; done
  shift
  mkdir -p "$WORK/$name/tmp"
  env CONGVAN_DATA_DIR="$WORK/$name/data" CONGVAN_DEMO_PASSWORD="$PASSWORD" "${environment[@]}" \
    java -Xmx"$heap" -Djava.io.tmpdir="$WORK/$name/tmp" -Xlog:gc:file="$WORK/$name-gc.log":uptimemillis \
    -jar "$WORK/congvan.jar" --server.port="$port" "$@" > "$WORK/$name.log" 2>&1 &
  pids+=($!)
}

await_healthy() { # name port pid
  for _ in $(seq 1 480); do
    curl -sf "localhost:$2/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$3" 2>/dev/null || break
    sleep 0.5
  done
  echo "server $1 did not become healthy; its log: $WORK/$1.log" >&2
  tail -30 "$WORK/$1.log" >&2
  exit 1
}

axis() { # system id, secret
  echo --congvan.exchange.axis.url="http://localhost:$HUB_PORT" --congvan.exchange.axis.system-id="$1" \
    --congvan.exchange.axis.secret="$2" --congvan.exchange.axis.poll-interval=PT2S \
    --congvan.exchange.axis.directory-interval=PT10S --congvan.exchange.axis.directory-first-delay=PT2S
}

java bench/LargePdf.java "$WORK/main.pdf" "$PDF_MB"

# The hub sweeps contents no row names every 15 s (a day's grace by default), so that the run shows
# what it keeps at rest: the package, not the pieces it came in.
start_server hub "$HUB_PORT" "$HUB_HEAP" CONGVAN_DEMO_ENABLED=false -- \
  --congvan.province.name="Trục liên thông văn bản" --congvan.province.code=000.00.00.H99 \
  --congvan.storage.sweep-grace=PT30S --congvan.storage.sweep-interval=PT15S --congvan.storage.sweep-initial-delay=PT15S \
  --congvan.exchange.hub.enabled=true \
  --congvan.exchange.hub.systems.congvan-a="$SECRET_A" --congvan.exchange.hub.systems.congvan-b="$SECRET_B" \
  --congvan.exchange.hub.initial-organs.congvan-a='*.H10,H10.*' --congvan.exchange.hub.initial-organs.congvan-b='*.H27' \
  ${SERVER_ARGS:-}
hub_pid=${pids[-1]}
# A: the demo province of Bắc Giang (000.00.00.H10) with its accounts, keys and certificates.
# shellcheck disable=SC2046
start_server a "$A_PORT" "$HEAP" -- $(axis congvan-a "$SECRET_A") ${SERVER_ARGS:-}
a_pid=${pids[-1]}
await_healthy hub "$HUB_PORT" "$hub_pid"
await_healthy a "$A_PORT" "$a_pid"
# B trusts A's demo root as it would trust the government CA's: it starts once A has made it.
for _ in $(seq 1 240); do [ -f "$WORK/a/data/pki/demo-root-ca.pem" ] && break; sleep 0.5; done
# shellcheck disable=SC2046
start_server b "$B_PORT" "$HEAP" CONGVAN_DEMO_ENABLED=false -- \
  --congvan.province.name="Ủy ban nhân dân tỉnh Bắc Ninh" --congvan.province.code=000.00.00.H27 \
  --congvan.signing.trust-anchors="$WORK/a/data/pki/demo-root-ca.pem" $(axis congvan-b "$SECRET_B") ${SERVER_ARGS:-}
await_healthy b "$B_PORT" "${pids[-1]}"
# The demo's certificates and documents are made in the background after start: measure on a quiet A.
for _ in $(seq 1 1440); do
  grep -q "Issued demo certificates" "$WORK/a.log" && grep -q "Seeded the demo documents" "$WORK/a.log" && break
  sleep 0.5
done

# The disk the run takes: its work directory (data directories and temporary files), sampled every 2 s.
used() { du -sb "$WORK" 2>/dev/null | cut -f1; }
before=$(used)
echo "$before" > "$WORK/disk-peak"
(
  peak=$before
  while sleep 2; do
    now=$(used) || continue
    if [ -n "$now" ] && [ "$now" -gt "$peak" ]; then peak=$now; echo "$peak" > "$WORK/disk-peak"; fi
  done
) &
sampler=$!

if ! {
  echo "# Big dossier $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg);" \
    "$(java -version 2>&1 | head -1); dossier $SIZE_MB MiB, PDF $PDF_MB MiB; heaps: A and B $HEAP, hub $HUB_HEAP"
  echo
  java bench/BigDossierBench.java "http://localhost:$A_PORT" "http://localhost:$B_PORT" "http://localhost:$HUB_PORT" \
    "$PASSWORD" "$SIZE_MB" "$WORK/main.pdf" "$WORK" "$WORK/a/tmp" "$WORK/a.log" "$WORK/b.log" congvan-a "$SECRET_A"
} 2>&1 | tee "$result"; then
  echo "The run failed; the servers' logs are in $WORK" >&2
  exit 1
fi

after=$(used)
peak=$(cat "$WORK/disk-peak")
python3 - "$WORK" "$before" "$after" "$peak" <<'PY' | tee -a "$result"
import os, re, subprocess, sys
work, before, after, peak = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def heap(name):
    # G1 "Pause … 180M->60M(256M)": in use before a collection (the peak since the last one), and after it.
    found = [(int(m.group(1)), int(m.group(2))) for m in (re.search(r"(\d+)M->(\d+)M\(\d+M\)", l) for l in open(f"{work}/{name}-gc.log")) if m]
    return (max(b for b, _ in found), max(a for _, a in found)) if found else (0, 0)
def du(path, *excluded):
    if not os.path.exists(path):
        return 0
    out = subprocess.run(["du", "-sb", *[f"--exclude={e}" for e in excluded], path], capture_output=True, text=True).stdout
    return int(out.split()[0])
GB = 1e9
print("\n| server | peak heap MB (before a collection) | most heap after a collection MB | data directory GB | temporary files left GB |")
print("| --- | ---: | ---: | ---: | ---: |")
for name in ("hub", "a", "b"):
    before_gc, after_gc = heap(name)
    print(f"| {name} | {before_gc} | {after_gc} | {du(f'{work}/{name}/data') / GB:.2f} | "
          f"{du(f'{work}/{name}/tmp', 'embedded-pg') / GB:.2f} |")
print(f"\nDisk (the work directory): {(after - before) / GB:.2f} GB more at the end than before the first upload, "
      f"{(peak - before) / GB:.2f} GB more at the fullest (sampled every 2 s).")
PY
echo "Written to $result"
