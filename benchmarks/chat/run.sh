#!/usr/bin/env bash
# Web-chat message delivery latency: 100 conversations at once on one node (embedded PostgreSQL 17), POST by one side
# → event on the other side's SSE stream, p50/p95/p99. Writes benchmarks/chat/RESULTS.md. Needs JDK >= 21.
# Knobs: -Dchat.conversations=100 -Dchat.messages=30 via CHAT_OPTS. Takes ~3 minutes (most of it starting the app).
set -euo pipefail
cd "$(dirname "$0")/../.."
OFFLINE=${OFFLINE:-}
./mvnw -q -B -ntp $OFFLINE install -DskipTests
./mvnw -B -ntp $OFFLINE -pl helpdesk-app surefire:test -Dtest=ChatLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbackstop.benchmark.out=$(pwd)/benchmarks/chat/RESULTS.md ${CHAT_OPTS:-} --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir=$(pwd)/helpdesk-app/target/tmp -Duser.language=en -Duser.country=US -Dfile.encoding=UTF-8" | grep -E "Tests run|ERROR|FAIL" || true
cat benchmarks/chat/RESULTS.md
