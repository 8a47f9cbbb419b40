#!/usr/bin/env bash
# Documents in, end to end: generates DOCUMENTS reports rendered as documents (the official HTML tables, as
# `generate --documents-every 1` writes them; default 3,000), starts the packaged service on a fresh embedded
# PostgreSQL in a temporary folder, and times `gongkai ingest` of the folder; prints documents/s. Any further
# arguments go to `gongkai ingest`: `--batch 1 --concurrency 1` is the old way (one POST /api/documents at a time).
# Usage: scripts/bench-ingest.sh [DOCUMENTS] [INGEST OPTIONS…]   (after ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
documents="${1:-3000}"
shift || true
jar="${GONGKAI_JAR:-target/quarkus-app/quarkus-run.jar}"
work="$(mktemp -d)"
port="${BENCH_PORT:-18083}"
db_port="${BENCH_DB_PORT:-54383}"
token="bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
service=""
trap '[ -n "$service" ] && { kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; }; rm -rf "$work"' EXIT
java -jar "$jar" generate --reports "$documents" --no-truth --documents-every 1 --out "$work/gen" >/dev/null
GONGKAI_ADMIN_TOKEN="$token" GONGKAI_EMBEDDED_DATA_DIR="$work/pg" GONGKAI_EMBEDDED_PORT="$db_port" \
    QUARKUS_HTTP_PORT="$port" java -Xmx512m -jar "$jar" >"$work/service.log" 2>&1 &
service=$!
for _ in $(seq 1 180); do
    curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break
    sleep 1
done
files=$(find "$work/gen/documents" -type f | wc -l)
start=$(date +%s.%N)
java -jar "$jar" ingest --url "http://localhost:$port" --token "$token" "$@" "$work/gen/documents" 2>/dev/null || true
end=$(date +%s.%N)
seconds=$(echo "$end - $start" | bc)
echo "gongkai ingest of $files documents ($*): $seconds s wall = $(echo "$files / $seconds" | bc) documents/s"
