#!/usr/bin/env bash
# TRIALS (default 20) crash trials against the packaged service (build it first: ./mvnw -B package -DskipTests) on a
# fresh data directory under /tmp/gongkai-trials/crash: bulk loads and single posts stream in, kill -9 hits the
# service's JVM (odd trials) or its embedded PostgreSQL postmaster (even trials) at a random moment, the service
# recovers with no hand, and psql and the API check what was acknowledged. Prints acknowledged, found, lost and
# half-written; exit 0 when nothing is lost or half-written and the roll-ups agree. Needs psql on PATH.
# More options: scripts/crash_trials.py --help.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 2; }
export GONGKAI_TOKEN="${GONGKAI_TOKEN:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}"
exec python3 scripts/crash_trials.py "${1:-20}" "${@:2}"
