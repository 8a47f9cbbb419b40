#!/usr/bin/env bash
# Where the time goes while documents come in. Starts a throw-away PostgreSQL from Debian's packages with
# pg_stat_statements (scripts/external-postgres.sh) and the packaged service on it, ingests WARM_UP generated documents
# untimed (default 3,000: the JIT compiles the document path meanwhile), resets the statement statistics, ingests
# DOCUMENTS more (default 3,000) and prints documents/s, the CPU seconds of the service and of `gongkai ingest`, and
# the statements that took the most time (their time includes waiting for locks). With JFR=FILE the service records
# a JFR profile of the timed part. Any further arguments go to `gongkai ingest` (`--concurrency 1`, `--batch 100`…).
# Usage: [WARM_UP=N] [JFR=FILE] scripts/profile-ingest.sh [DOCUMENTS] [INGEST OPTIONS…]   (after ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-common.sh
documents="${1:-3000}"
shift || true
warm_up="${WARM_UP:-3000}"
jar="$(pwd)/${GONGKAI_JAR:-target/quarkus-app/quarkus-run.jar}"
work="$(mktemp -d)"
chmod 755 "$work" # the PostgreSQL server runs as postgres when this runs as root
port="${BENCH_PORT:-18084}"
db_port="${BENCH_DB_PORT:-54384}"
token="bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
service=""
cleanup() {
    [ -n "$service" ] && { kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; }
    scripts/external-postgres.sh stop "$work/pg" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
url=$(PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c max_locks_per_transaction=256" \
    scripts/external-postgres.sh start "$work/pg" "$db_port")
psql_() { psql -h 127.0.0.1 -p "$db_port" -U postgres -X -q "$@"; }
psql_ -c "create extension pg_stat_statements"
generate_documents "$jar" "$work" "$documents" "$warm_up"
GONGKAI_ADMIN_TOKEN="$token" QUARKUS_DATASOURCE_JDBC_URL="$url" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=unused QUARKUS_HTTP_PORT="$port" java -Xmx512m -jar "$jar" >"$work/service.log" 2>&1 &
service=$!
wait_ready "$port"
ingest() { java -jar "$jar" ingest --url "http://localhost:$port" --token "$token" "$@" 2>/dev/null; }
[ "$warm_up" -gt 0 ] && ingest "$@" "$work/warm-up" | tail -n 1 | sed 's/^/warm-up: /'
psql_ -c "select pg_stat_statements_reset()" >/dev/null
[ -n "${JFR:-}" ] && jcmd "$service" JFR.start settings=profile filename="$(realpath -m "$JFR")" >/dev/null
cpu() { awk '{print $14 + $15}' "/proc/$service/stat"; }
before=$(cpu)
/usr/bin/time -o "$work/client.time" -f "%U %S" java -jar "$jar" ingest --url "http://localhost:$port" \
    --token "$token" "$@" "$work/gen/documents" 2>/dev/null | tail -n 1
after=$(cpu)
[ -n "${JFR:-}" ] && jcmd "$service" JFR.stop >/dev/null
read -r user sys < "$work/client.time"
echo "CPU: service $(((after - before) / $(getconf CLK_TCK))) s, gongkai ingest ${user} s user + ${sys} s system"
psql_ -c "select round(total_exec_time) as ms, calls, rows,
                 left(regexp_replace(query, '\s+', ' ', 'g'), 110) as statement
          from pg_stat_statements order by total_exec_time desc limit 15"
