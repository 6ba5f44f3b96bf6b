#!/usr/bin/env bash
# A simulated day at the channel desk: FIFO vs value-based routing vs routing with reserved agents.
# Writes benchmarks/routing/SIMULATION.md. Needs JDK >= 21 (see the README). Takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -ntp -pl helpdesk-app -am test-compile -DskipTests
./mvnw -B -ntp -pl helpdesk-app surefire:test -Dtest=RoutingSimulationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbackstop.benchmark.out=$(pwd)/benchmarks/routing/SIMULATION.md" | grep -v "^\[INFO\] Download" || true
cat benchmarks/routing/SIMULATION.md
