#!/usr/bin/env bash
# Lexical vs dense vs hybrid search over the law-only set (issue 18); writes benchmarks/kb/HYBRID-RESULTS.md.
# Embeds the 930 law articles with bge-small-zh-v1.5 (about a minute on 2 cores), then runs every variant.
# Options are passed to the JVM, e.g. -Dkb.glossary=benchmarks/kb/other-glossary.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
OFFLINE="${OFFLINE:--o}"
./mvnw -q -B -ntp $OFFLINE -pl knowledge-base test-compile
./mvnw -B -ntp $OFFLINE -pl knowledge-base surefire:test -Dtest=HybridQualityBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbackstop.repo.root=$(pwd) -Dbackstop.benchmark.out=$(pwd)/benchmarks/kb/HYBRID-RESULTS.md $* -Dfile.encoding=UTF-8 --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir=$(pwd)/knowledge-base/target/tmp" \
  | grep -E "Tests run|ERROR|FAIL" || true
cat benchmarks/kb/HYBRID-RESULTS.md
