#!/usr/bin/env bash
# Mixed load on loopback for SECONDS (default 300): single report posts, bulk loads, document posts, queries and views
# from concurrent clients against the packaged service (build it first: ./mvnw -B package -DskipTests), started on a
# fresh data directory under /tmp/gongkai-trials/load. Prints throughput, p50/p95 per kind and errors; exit 0 when
# there is no error and the single-POST p95 is at most 500 ms. More options: scripts/load_trial.py --help.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 2; }
export GONGKAI_TOKEN="${GONGKAI_TOKEN:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}"
exec python3 scripts/load_trial.py "${1:-300}" "${@:2}"
