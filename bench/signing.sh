#!/usr/bin/env bash
# Signing benchmark: a one-page PDF signed and validated through CongVan's API against bare EU DSS
# on the same file with the same key (ratios in the same run), then a large PDF (default 1 GiB)
# registered, signed and validated by a server whose heap is capped, with its peak heap read from
# the GC log. Results go to bench/results/.
#   bench/signing.sh                 # 1 GiB large PDF, 256 MB heap
#   LARGE_MB=300 HEAP=192m RUNS=20 bench/signing.sh
#   SERVER_OPTS=-XX:+UseBiasedLocking bench/signing.sh   # extra options of the server's JVM
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-15}
LARGE_MB=${LARGE_MB:-1024}
HEAP=${HEAP:-256m}
PORT=${PORT:-18282}
WORK=${WORK:-bench/work-signing}
PASSWORD=Bench-password-2026
[ -f target/congvan.jar ] || ./mvnw -B -ntp -q -DskipTests package
[ -f target/bench-classpath.txt ] || ./mvnw -B -ntp -q dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
rm -rf "$WORK"
mkdir -p "$WORK/client" bench/results
# The server runs a copy of the jar: a build during the run must not replace its classes under it.
cp target/congvan.jar "$WORK/congvan.jar"
result="bench/results/signing-$(date -u +%Y%m%dT%H%M%SZ).md"

java bench/LargePdf.java "$WORK/one-page.pdf" 0 >/dev/null
if [ "$LARGE_MB" -gt 0 ]; then java bench/LargePdf.java "$WORK/large.pdf" "$LARGE_MB"; fi

CONGVAN_DATA_DIR="$WORK/data" CONGVAN_DEMO_PASSWORD="$PASSWORD" CONGVAN_UPLOAD_MAX_FILE_SIZE=4GB \
  java -Xmx"$HEAP" ${SERVER_OPTS:-} -Xlog:gc:file="$WORK/gc.log":uptimemillis -jar "$WORK/congvan.jar" --server.port="$PORT" \
  --congvan.signing.level=B-B \
  > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
# The demo's certificates and documents are made in the background after start: measure on a quiet server.
for _ in $(seq 1 720); do
  grep -q "Issued demo certificates" "$WORK/server.log" && grep -q "Seeded the demo documents" "$WORK/server.log" && break
  sleep 0.5
done

large=()
if [ "$LARGE_MB" -gt 0 ]; then large=("$WORK/large.pdf"); fi
java bench/SigningBench.java "http://localhost:$PORT" "$PASSWORD" "$RUNS" "$WORK/one-page.pdf" "$WORK/client" \
  "${large[@]}" | tee "$WORK/congvan.txt"
key=$(awk '/^chairman-key/ {print $2}' "$WORK/congvan.txt")
java -cp "$(cat target/bench-classpath.txt)" bench/BareDssBench.java "$WORK/one-page.pdf" \
  "$WORK/data/pki/keys/$key.p12" "$PASSWORD" "$WORK/data/pki/demo-root-ca.pem" "$WORK/client/signed-one-page.pdf" \
  "$RUNS" 2>/dev/null | tee "$WORK/bare.txt"

python3 - "$WORK" "$HEAP" "$LARGE_MB" <<'PY' | tee "$result"
import re, subprocess, sys
work, heap, large_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
def figures(name):
    out = {}
    for line in open(f"{work}/{name}.txt"):
        m = re.match(r"^(congvan|bare) ([\w-]+) .*?(?:p50_)?ms=([\d.]+)", line)
        if m:
            out[m.group(2)] = float(m.group(3))
    return out
congvan, bare = figures("congvan"), figures("bare")
cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
print(f"# Signing benchmark\n\nMachine: {cores} cores; {java}; server heap capped at {heap}\n")
print("| operation | CongVan p50 ms | bare DSS p50 ms | CongVan / bare DSS |\n| --- | ---: | ---: | ---: |")
for op, label in (("sign-one-page", "sign a one-page PDF (PAdES B-B or the configured level)"),
                  ("validate-one-page", "validate that signed PDF")):
    print(f"| {label} | {congvan[op]:.0f} | {bare[op]:.0f} | {congvan[op] / bare[op]:.1f} |")
if large_mb > 0:
    # G1 "Pause … 180M->60M(256M)": the heap in use before a collection is the peak since the last one.
    peak = max(int(m.group(1)) for m in (re.search(r"(\d+)M->(\d+)M\(\d+M\)", l) for l in open(f"{work}/gc.log")) if m)
    print(f"\nLarge PDF ({large_mb} MiB, scanned pages): registration {congvan['register-large'] / 1000:.0f} s, "
          f"signing {congvan['sign-large'] / 1000:.0f} s, validation {congvan['validate-large'] / 1000:.0f} s "
          f"(each alone: the background validations on intake, {congvan['intake-validation-after-register'] / 1000:.0f} s "
          f"after the registration and {congvan['intake-validation-after-sign'] / 1000:.0f} s after the signature, "
          f"were waited for first); "
          f"peak heap of the whole server run (start-up, demo seeding, every request above) {peak} MB "
          f"under a cap of {heap}.")
PY
echo "Written to $result"
