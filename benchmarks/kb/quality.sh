#!/usr/bin/env bash
# Search quality of the knowledge base over the labelled queries in benchmarks/kb/queries.jsonl:
# nDCG@10, Recall@10, MRR overall, zh vs en, tuned vs held-out, and the worst queries.
# Writes benchmarks/kb/RESULTS.md (QUALITY.md is the hand-written analysis). Takes under a minute.
# Options are passed to the JVM, e.g. -Dkb.synonyms=benchmarks/kb/other-synonyms.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
OFFLINE="${OFFLINE:--o}"
./mvnw -q -B -ntp $OFFLINE -pl knowledge-base test-compile
./mvnw -B -ntp $OFFLINE -pl knowledge-base surefire:test -Dtest=SearchQualityBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbackstop.repo.root=$(pwd) -Dbackstop.benchmark.out=$(pwd)/benchmarks/kb/RESULTS.md $* -Dfile.encoding=UTF-8 --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir=$(pwd)/knowledge-base/target/tmp" \
  | grep -E "Tests run|ERROR|FAIL" || true
cat benchmarks/kb/RESULTS.md
