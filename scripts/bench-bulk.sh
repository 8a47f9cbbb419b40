#!/usr/bin/env bash
# Bulk load alone: generates REPORTS reports (default 20,000; fault share 0), starts the packaged service on a fresh
# embedded PostgreSQL in a temporary folder, and times `gongkai load` of the file through POST /api/reports/bulk.
# Usage: scripts/bench-bulk.sh [REPORTS]   (after ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
reports="${1:-20000}"
jar="${GONGKAI_JAR:-target/quarkus-app/quarkus-run.jar}"
work="$(mktemp -d)"
port="${BENCH_PORT:-18080}"
trap 'kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; rm -rf "$work"' EXIT
java -jar "$jar" generate --reports "$reports" --fault-share 0 --no-truth --out "$work/gen" >/dev/null
GONGKAI_EMBEDDED_DATA_DIR="$work/pg" QUARKUS_HTTP_PORT="$port" java -jar "$jar" >"$work/service.log" 2>&1 &
service=$!
for _ in $(seq 1 180); do
    curl -sf ${GONGKAI_TOKEN:+-H "Authorization: Bearer $GONGKAI_TOKEN"} "http://localhost:$port/q/health/ready" >/dev/null && break
    sleep 1
done
start=$(date +%s.%N)
java -jar "$jar" load --quiet --url "http://localhost:$port" "$work/gen/reports.ndjson" | tail -1 || true
end=$(date +%s.%N)
echo "bulk load of $reports reports: $(echo "$end - $start" | bc) s wall"
