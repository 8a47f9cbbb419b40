#!/usr/bin/env bash
# Two service instances on one PostgreSQL primary with a streaming replica, all on loopback, under a mixed load of
# dashboard readers and report writers for SECONDS (default 300); one instance is killed (kill -9, while it runs a
# scheduled export when it can be caught at it) and the replica is killed and later started again during the run.
# Prints throughput, p50/p95 and errors (those within the settling time after a kill apart), the replica's states as an
# instance's health saw them, and whether each scheduled run was recorded once. Build first:
# ./mvnw -B package -DskipTests. More options: scripts/cluster_trial.py --help.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 2; }
export GONGKAI_TOKEN="${GONGKAI_TOKEN:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}"
exec python3 scripts/cluster_trial.py "${1:-300}" "${@:2}"
