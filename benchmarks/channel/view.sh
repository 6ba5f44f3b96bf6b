#!/usr/bin/env bash
# The channel desk's distributor view under load: 5,000 distributors, 1,000,000 orders, ~1,000,000 shipments,
# 500,000 invoices on an embedded PostgreSQL 17; open loop at a fixed rate + wrk for the maximum throughput, snapshot
# mode then REST mode (WireMock stub answering in 50 ms). Writes benchmarks/channel/RESULTS.md and EXPLAIN.md.
# Needs JDK >= 21 and wrk (apt-get install -y wrk). A full run takes ~8 min (data set generation 1–2 min); REUSE_DATA=true
# reuses helpdesk-app/target/channel-bench/pgdata. Knobs (environment): see README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
OFFLINE=${OFFLINE:-}
./mvnw -q -B -ntp $OFFLINE install -DskipTests
./mvnw -B -ntp $OFFLINE -pl helpdesk-app surefire:test -Dtest=ChannelViewBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbackstop.benchmark.out=$(pwd)/benchmarks/channel/RESULTS.md --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir=$(pwd)/helpdesk-app/target/tmp" | grep -E "Tests run|ERROR|FAIL" || true
cat benchmarks/channel/RESULTS.md
