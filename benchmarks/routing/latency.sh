#!/usr/bin/env bash
# Routing decision latency with 10,000 waiting tickets and 200 agents on an embedded PostgreSQL 17.
# Writes benchmarks/routing/LATENCY.md. Needs JDK >= 21 (see the README). Takes about two minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -ntp ${OFFLINE:-} install -DskipTests
./mvnw -B -ntp ${OFFLINE:-} -pl helpdesk-app surefire:test -Dtest=RoutingLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbackstop.benchmark.out=$(pwd)/benchmarks/routing/LATENCY.md --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir=$(pwd)/helpdesk-app/target/tmp" | grep -E "Tests run|ERROR" || true
cat benchmarks/routing/LATENCY.md
