#!/usr/bin/env bash
# The Citus test profile (docs/SCALING.md): the database test group against a Citus coordinator, its database
# migrated and distributed by province (src/test/resources/citus/distribute.sql) before the application starts.
# Usage: GONGKAI_TEST_CITUS_URL=jdbc:postgresql://127.0.0.1:5432/gongkai scripts/citus-tests.sh
#        (GONGKAI_TEST_DB_USER / GONGKAI_TEST_DB_PASSWORD as for GONGKAI_TEST_JDBC_URL; the database is emptied)
# Without GONGKAI_TEST_CITUS_URL it says so and exits 0: Citus is not installable on this project's machines.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${GONGKAI_TEST_CITUS_URL:-}" ]; then
    echo "Citus test profile skipped: no coordinator configured (set GONGKAI_TEST_CITUS_URL to run it)"
    exit 0
fi
echo "database tests against the Citus coordinator at $GONGKAI_TEST_CITUS_URL"
exec ./mvnw -B -o surefire:test -Dgroups=database "$@"
