#!/usr/bin/env bash
# The parser's throughput on one core: standard-format documents per second, then the real corpus documents
# (src/test/resources/corpus) per second. Usage: scripts/bench-parser.sh [DOCUMENTS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -cp "target/classes:$(cat target/cp.txt)" org.gongkai.tools.bench.ParserBenchmark "${1:-3000}" "${2:-5}" src/test/resources/corpus
java -cp "target/classes:$(cat target/cp.txt)" org.gongkai.parsing.PagedBenchmark src/test/resources/corpus/*.pdf src/test/resources/corpus/*.docx
