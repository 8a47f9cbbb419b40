#!/usr/bin/env bash
# Export writing alone: 100,000 rows (or the number given) to CSV and XLSX, time and heap growth.
# Usage: scripts/bench-exports.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp-test.txt -Dmdep.includeScope=test
java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/cp-test.txt)" org.gongkai.exports.ExportBenchmark "${1:-100000}"
