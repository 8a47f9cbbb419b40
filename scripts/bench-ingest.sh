#!/usr/bin/env bash
# Documents in, end to end: generates DOCUMENTS reports rendered as documents (the official HTML tables, as
# `generate --documents-every 1` writes them; default 3,000), starts the packaged service on a fresh embedded
# PostgreSQL in a temporary folder, and times `gongkai ingest` of the folder; prints documents/s and the CPU seconds
# the service and its PostgreSQL spent. With WARM_UP=N in the environment, N further documents are ingested first,
# untimed, so that the timed ones meet a service whose JIT has compiled the hot paths (a fresh JVM spends much of
# its first minute compiling). Any further arguments go to `gongkai ingest`: `--batch 1 --concurrency 1` is the old
# way (one POST /api/documents at a time).
# Usage: [WARM_UP=N] scripts/bench-ingest.sh [DOCUMENTS] [INGEST OPTIONS…]   (after ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-common.sh
documents="${1:-3000}"
shift || true
warm_up="${WARM_UP:-0}"
jar="${GONGKAI_JAR:-target/quarkus-app/quarkus-run.jar}"
work="$(mktemp -d)"
port="${BENCH_PORT:-18083}"
db_port="${BENCH_DB_PORT:-54383}"
token="bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
service=""
trap '[ -n "$service" ] && { kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; }; rm -rf "$work"' EXIT
generate_documents "$jar" "$work" "$documents" "$warm_up"
GONGKAI_ADMIN_TOKEN="$token" GONGKAI_EMBEDDED_DATA_DIR="$work/pg" GONGKAI_EMBEDDED_PORT="$db_port" \
    QUARKUS_HTTP_PORT="$port" java -Xmx512m -jar "$jar" >"$work/service.log" 2>&1 &
service=$!
wait_ready "$port"
ingest() { java -jar "$jar" ingest --url "http://localhost:$port" --token "$token" "$@" 2>/dev/null || true; }
if [ "$warm_up" -gt 0 ]; then
    ingest "$@" "$work/warm-up" | tail -n 1 | sed 's/^/warm-up: /'
fi
read -r jvm_before pg_before < <(service_ticks "$service" "$work/pg")
files=$(find "$work/gen/documents" -type f | wc -l)
start=$(date +%s.%N)
ingest "$@" "$work/gen/documents"
end=$(date +%s.%N)
cpu=$(cpu_spent "$jvm_before" "$pg_before" "$service" "$work/pg")
seconds=$(echo "$end - $start" | bc)
after=""
[ "$warm_up" -gt 0 ] && after=", after $warm_up untimed"
echo "gongkai ingest of $files documents ($*$after): $seconds s wall =" \
    "$(echo "$files / $seconds" | bc) documents/s; $cpu"
