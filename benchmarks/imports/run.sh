#!/bin/sh
# Orders import vs PostgreSQL COPY (see README.md in this folder). Runs with a 256 MB heap: finishing proves the bound.
# Options: ROWS (default 1000000), BATCH (default 2000), REWRITE (reWriteBatchedInserts, default true).
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -ntp -o -q -pl helpdesk-app -am verify -DskipTests=false -Dtest=OrdersImportBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Denforcer.skip=true \
  -DargLine="-Xmx256m ${JVM_OPTS:-} -Djava.io.tmpdir=target/tmp -Dbench.rows=${ROWS:-1000000} -Dbench.batch=${BATCH:-2000} -Dbench.rewrite=${REWRITE:-true}" \
  -Dsurefire.redirectTestOutputToFile=false | grep BENCHMARK || true
grep -h BENCHMARK helpdesk-app/target/surefire-reports/*OrdersImportBenchmark-output.txt 2>/dev/null || true
