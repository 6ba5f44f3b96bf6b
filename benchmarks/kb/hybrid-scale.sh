#!/usr/bin/env bash
# Hybrid search latency at 100,000 articles (issue 18), query embedding included; -Dkb.n=N for another size.
# About 10 minutes on 2 shared cores (HNSW build of 100,000 vectors); writes benchmarks/kb/hybrid-scale-100000.txt.
# Options are passed to the JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
OFFLINE="${OFFLINE:--o}"
./mvnw -q -B -ntp $OFFLINE -pl knowledge-base test-compile
./mvnw -B -ntp $OFFLINE -pl knowledge-base surefire:test -Dtest=HybridScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbackstop.repo.root=$(pwd) -Dbackstop.benchmark.out=$(pwd)/benchmarks/kb/hybrid-scale-100000.txt $* -Dfile.encoding=UTF-8 --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir=$(pwd)/knowledge-base/target/tmp" \
  | grep -E "Tests run|ERROR|FAIL" || true
cat benchmarks/kb/hybrid-scale-100000.txt
