#!/bin/sh
# Peak heap of a dry run and of the apply of the same ~100 MB orders file (the upload limit) with -Xmx512m, on the
# embedded default (H2 in a file, fresh per run), through the real job runner. Both must finish with the same counts.
# Options: BYTES (file size, default 100 MB - 4 KB), XMX (default 512m), JVM_OPTS. See README.md in this folder.
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -ntp -o -q -pl helpdesk-app -am verify -DskipTests=false -Dtest=DryRunHeapBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Denforcer.skip=true \
  -DargLine="-Xmx${XMX:-512m} ${JVM_OPTS:-} -Djava.io.tmpdir=target/tmp -Dbench.bytes=${BYTES:-104853504}" \
  -Dsurefire.redirectTestOutputToFile=false | grep BENCHMARK || true
grep -h BENCHMARK helpdesk-app/target/surefire-reports/*DryRunHeapBenchmark-output.txt 2>/dev/null || true
