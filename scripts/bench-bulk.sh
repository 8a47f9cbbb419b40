#!/usr/bin/env bash
# Bulk load alone: generates REPORTS reports (default 20,000; fault share 0), starts the packaged service on a fresh
# embedded PostgreSQL in a temporary folder, posts the file to POST /api/reports/bulk in one request (curl, so that no
# client JVM shares the cores) and prints the wall time and the CPU seconds of the service and of its PostgreSQL.
# With RAW=1 it then COPYs the same report rows and figures into empty copies of the tables (as `gongkai bench` does)
# and prints that time too: bulk ÷ raw COPY. With STEPS=1 it prints the bulk writer's time per step, summed over the
# batches (its debug line), and the folds' time.
# CLIENT=1 posts with `gongkai load` (a client JVM with java.net.http, as `gongkai bench` did until 2026-12-06) instead
# of curl, and prints its CPU; SAMPLE=1 scrapes /q/metrics every 250 ms meanwhile, as the bench's memory sampler did.
# FAULT_SHARE=0.02 injects faults into that share of the reports, as `gongkai bench` does.
# KEEP_LOG=FILE keeps the service's log there. THREADS=1 prints the service's CPU by thread (garbage collector, JIT,
# request threads).
# Usage: [CLIENT=1] [SAMPLE=1] [FAULT_SHARE=S] [RAW=1] [STEPS=1] [THREADS=1] [KEEP_LOG=FILE] scripts/bench-bulk.sh [REPORTS]   (after ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-common.sh
reports="${1:-20000}"
jar="${GONGKAI_JAR:-target/quarkus-app/quarkus-run.jar}"
work="$(mktemp -d)"
port="${BENCH_PORT:-18080}"
db_port="${BENCH_DB_PORT:-54380}"
token="bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
password="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
service=""
sampler=""
trap '[ -n "$sampler" ] && kill "$sampler" 2>/dev/null;
      [ -n "$service" ] && { kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; };
      [ -n "${KEEP_LOG:-}" ] && cp "$work/service.log" "$KEEP_LOG"; rm -rf "$work"' EXIT
java -jar "$jar" generate --reports "$reports" --fault-share "${FAULT_SHARE:-0}" --no-truth --out "$work/gen" >/dev/null
steps=()
[ -n "${STEPS:-}" ] && steps=('-Dquarkus.log.category."org.gongkai.storage.BulkWriter".level=DEBUG')
GONGKAI_ADMIN_TOKEN="$token" GONGKAI_EMBEDDED_DATA_DIR="$work/pg" GONGKAI_EMBEDDED_PORT="$db_port" \
    GONGKAI_EMBEDDED_PASSWORD="$password" QUARKUS_HTTP_PORT="$port" \
    java -Xmx512m "${steps[@]}" -jar "$jar" >"$work/service.log" 2>&1 &
service=$!
wait_ready "$port"
read -r jvm_before pg_before < <(service_ticks "$service" "$work/pg")
start=$(date +%s.%N)
if [ -n "${SAMPLE:-}" ]; then
    # as `gongkai bench` sampled the service's heap while it loaded, until 2026-12-06
    (while :; do curl -s -H "Authorization: Bearer $token" "http://localhost:$port/q/metrics" >/dev/null; sleep 0.25; done) &
    sampler=$!
fi
if [ -n "${CLIENT:-}" ]; then
    /usr/bin/time -f "client (gongkai load): %U s user, %S s system" \
        java -jar "$jar" load --quiet --url "http://localhost:$port" --token "$token" "$work/gen/reports.ndjson" | tail -n 1
else
    curl -sf -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/x-ndjson" \
        -T "$work/gen/reports.ndjson" "http://localhost:$port/api/reports/bulk" | tail -n 1
fi
end=$(date +%s.%N)
[ -n "$sampler" ] && { kill "$sampler"; sampler=""; }
cpu=$(cpu_spent "$jvm_before" "$pg_before" "$service" "$work/pg")
bulk=$(echo "$end - $start" | bc)
echo "bulk load of $reports reports: $bulk s wall; $cpu"
[ -n "${THREADS:-}" ] && thread_cpu "$service"
if [ -n "${STEPS:-}" ]; then
    python3 - "$work/service.log" <<'PY'
import re, sys
steps = ["prepare", "build rows", "copy figures", "checks and sources", "review items"]
sums, batches, appended, folds, folding = [0] * 5, 0, 0, 0, 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"prepare (\d+) ms, build rows (\d+) ms, copy figures (\d+) ms, checks, sources and roll-up sums"
                  r" (\d+) ms .*review items (\d+) ms", line)
    if m:
        sums = [a + int(b) for a, b in zip(sums, m.groups())]
        batches += 1
    m = re.search(r"roll-up sums appended (\d+) ms", line)
    if m:
        appended += int(m.group(1))
    m = re.search(r"roll-up fold (\d+) ms", line)
    if m:
        folds += 1
        folding += int(m.group(1))
print(f"writer steps over {batches} batches (s): "
      + ", ".join(f"{k} {v / 1000:.1f}" for k, v in zip(steps, sums))
      + f", roll-up sums appended {appended / 1000:.1f}; {folds} folds {folding / 1000:.1f} s (beside the batches)")
PY
fi
if [ -n "${RAW:-}" ]; then
    psql_() { PGPASSWORD="$password" psql -h 127.0.0.1 -p "$db_port" -U postgres -X -q -d postgres "$@"; }
    psql_ -c "\\copy report to '$work/report.copy'" -c "\\copy (select * from figure) to '$work/figure.copy'"
    psql_ -c "create table bench_report (like report including all)" \
        -c "create table bench_figure (like figure including all) partition by range (year)"
    psql_ -At -c "select 'create table bench_' || c.relname || ' partition of bench_figure '
                         || pg_get_expr(c.relpartbound, c.oid) || ';'
                  from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'figure'::regclass" |
        psql_
    start=$(date +%s.%N)
    psql_ -c "\\copy bench_report from '$work/report.copy'" -c "\\copy bench_figure from '$work/figure.copy'"
    end=$(date +%s.%N)
    raw=$(echo "$end - $start" | bc)
    echo "raw COPY of the same rows: $raw s; bulk ÷ raw COPY = $(echo "scale=1; 100 * $raw / $bulk" | bc) %"
fi
