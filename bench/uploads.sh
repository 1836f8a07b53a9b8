#!/usr/bin/env bash
# Upload benchmark: one file (default 1 GiB) sent with curl through CongVan's resumable uploads
# (tus: one POST, then one PATCH streaming the whole file) on loopback, to a server keeping its files
# on disk and to one keeping them in S3 (S3Proxy's runnable jar on its file-system backend), each
# against dd writing the same number of bytes to the same disk in the same run; with each server's
# peak heap read from its GC log, and against the same curl command sending to a bare HTTP sink.
# Results go to bench/results/.
#   bench/uploads.sh                  # 1 GiB, 256 MB heap
#   SIZE_MB=300 HEAP=192m bench/uploads.sh
#   S3=0 bench/uploads.sh             # files on disk only
#   SERVER_OPTS=-XX:StartFlightRecording=filename=up.jfr bench/uploads.sh   # extra options of the servers' JVMs
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-1024}
HEAP=${HEAP:-256m}
PORT=${PORT:-18383}
S3_PORT=${S3_PORT:-18384}
SINK_PORT=${SINK_PORT:-18385}
WORK=${WORK:-bench/work-uploads}
PASSWORD=Bench-password-2026
S3PROXY=${S3PROXY:-$HOME/.m2/repository/org/gaul/s3proxy/2.6.0/s3proxy-2.6.0-jar-with-dependencies.jar}
[ -f target/congvan.jar ] || ./mvnw -B -ntp -q -DskipTests package
[ -f "$S3PROXY" ] || ./mvnw -B -ntp -q dependency:get -Dartifact=org.gaul:s3proxy:2.6.0:jar:jar-with-dependencies
rm -rf "$WORK"
mkdir -p "$WORK" bench/results
# The servers run a copy of the jar: a build during the run must not replace its classes under them.
cp target/congvan.jar "$WORK/congvan.jar"
result="bench/results/uploads-$(date -u +%Y%m%dT%H%M%SZ).md"
head -c $((SIZE_MB * 1024 * 1024)) /dev/urandom > "$WORK/file.bin"

seconds() { python3 -c 'import sys,time; print(f"{time.time():.3f}")'; }

# The baseline: dd writing as many bytes to the same disk, synced at the end.
start=$(seconds)
dd if="$WORK/file.bin" of="$WORK/dd-copy.bin" bs=1M conv=fsync status=none
dd_s=$(python3 -c "print(f'{$(seconds) - $start:.3f}')")
rm -f "$WORK/dd-copy.bin"

servers=()
trap 'for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

# The second baseline: the same curl command to a bare HTTP server that reads the body and drops it.
java bench/UploadSink.java "$SINK_PORT" > "$WORK/sink.log" 2>&1 &
servers+=($!)
for _ in $(seq 1 120); do (exec 3<>/dev/tcp/127.0.0.1/$SINK_PORT) 2>/dev/null && break; sleep 0.5; done
start=$(seconds)
curl -sf -o /dev/null -X PATCH -T "$WORK/file.bin" "http://127.0.0.1:$SINK_PORT/" \
  -H 'Content-Type: application/offset+octet-stream'
sink_s=$(python3 -c "print(f'{$(seconds) - $start:.3f}')")
kill "${servers[-1]}"; wait "${servers[-1]}" 2>/dev/null || true

start_server() { # name, extra arguments...
  local name=$1; shift
  CONGVAN_DATA_DIR="$WORK/$name/data" CONGVAN_DEMO_PASSWORD="$PASSWORD" \
    java -Xmx"$HEAP" ${SERVER_OPTS:-} -Xlog:gc:file="$WORK/$name-gc.log":uptimemillis -jar "$WORK/congvan.jar" \
    --server.port="$PORT" "$@" > "$WORK/$name-server.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 1 240); do
    curl -sf "localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  # The demo's certificates and documents are made in the background after start: measure on a quiet server.
  for _ in $(seq 1 720); do
    grep -q "Issued demo certificates" "$WORK/$name-server.log" \
      && grep -q "Seeded the demo documents" "$WORK/$name-server.log" && return 0
    sleep 0.5
  done
  echo "server $name did not finish its start" >&2; exit 1
}

upload() { # name: prints the seconds of POST + PATCH
  local token="" location start offset
  # The demo accounts come a little after the server answers healthy.
  for _ in $(seq 1 240); do
    token=$(curl -sf "localhost:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
      -d "{\"username\":\"vanthu.ubnd\",\"password\":\"$PASSWORD\"}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' 2>/dev/null) && [ -n "$token" ] && break
    sleep 0.5
  done
  [ -n "$token" ] || { echo "no token from server $1" >&2; exit 1; }
  start=$(seconds)
  location=$(curl -sf -D - -o /dev/null -X POST "localhost:$PORT/api/v1/uploads" -H "Authorization: Bearer $token" \
    -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $(stat -c %s "$WORK/file.bin")" \
    -H "Upload-Metadata: filename $(printf file.bin | base64)" | awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')
  case "$location" in /*) location="http://localhost:$PORT$location" ;; esac
  curl -sf -o /dev/null -X PATCH -T "$WORK/file.bin" "$location" -H "Authorization: Bearer $token" \
    -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' -H 'Content-Type: application/offset+octet-stream'
  local end; end=$(seconds)
  offset=$(curl -sf -I "$location" -H "Authorization: Bearer $token" -H 'Tus-Resumable: 1.0.0' \
    | awk 'tolower($1)=="upload-offset:" {print $2}' | tr -d '\r')
  [ "$offset" = "$(stat -c %s "$WORK/file.bin")" ] || { echo "server $1 holds $offset bytes" >&2; exit 1; }
  python3 -c "print(f'{$end - $start:.3f}')"
}

# SERVER_ARGS: settings to try, e.g. --congvan.storage.uploads.checkpoint=64MB
start_server disk ${SERVER_ARGS:-}
disk_s=$(upload disk)
kill "${servers[-1]}"; wait "${servers[-1]}" 2>/dev/null || true

s3_s=0
if [ "${S3:-1}" = 1 ]; then
mkdir -p "$WORK/s3/objects"
cat > "$WORK/s3/s3proxy.conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench
s3proxy.credential=bench-secret-key
jclouds.provider=filesystem
jclouds.filesystem.basedir=$PWD/$WORK/s3/objects
EOF
java -Xmx256m -jar "$S3PROXY" --properties "$WORK/s3/s3proxy.conf" > "$WORK/s3proxy.log" 2>&1 &
servers+=($!)
for _ in $(seq 1 120); do (exec 3<>/dev/tcp/127.0.0.1/$S3_PORT) 2>/dev/null && break; sleep 0.5; done
start_server s3 --congvan.storage.s3.endpoint="http://127.0.0.1:$S3_PORT" --congvan.storage.s3.bucket=congvan \
  --congvan.storage.s3.access-key=bench --congvan.storage.s3.secret-key=bench-secret-key --congvan.storage.s3.path-style=true \
  ${SERVER_ARGS:-}
s3_s=$(upload s3)
fi

python3 - "$WORK" "$SIZE_MB" "$HEAP" "$dd_s" "$sink_s" "$disk_s" "$s3_s" <<'PY' | tee "$result"
import re, subprocess, sys
work, size_mb, heap, dd, sink, disk, s3 = sys.argv[1], int(sys.argv[2]), sys.argv[3], *map(float, sys.argv[4:])
def peak(name):
    # G1 "Pause … 180M->60M(256M)": the heap in use before a collection is the peak since the last one.
    found = [int(m.group(1)) for m in (re.search(r"(\d+)M->(\d+)M\(\d+M\)", l) for l in open(f"{work}/{name}-gc.log")) if m]
    return max(found) if found else 0
cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
print(f"# Upload benchmark\n\nMachine: {cores} cores; one file of {size_mb} MiB; server heap capped at {heap}\n")
print("| path | seconds | MB/s | / dd | peak heap MB |\n| --- | ---: | ---: | ---: | ---: |")
print(f"| dd to the same disk (baseline, fsync) | {dd:.1f} | {size_mb / dd:.0f} | 1.00 | |")
print(f"| the same curl to a bare sink (reads, drops) | {sink:.1f} | {size_mb / sink:.0f} | {dd / sink:.2f} | |")
print(f"| tus upload, files on disk | {disk:.1f} | {size_mb / disk:.0f} | {dd / disk:.2f} | {peak('disk')} |")
if s3 > 0:
    print(f"| tus upload, files in S3 (S3Proxy on the same disk) | {s3:.1f} | {size_mb / s3:.0f} | {dd / s3:.2f} | {peak('s3')} |")
PY
echo "Written to $result"
