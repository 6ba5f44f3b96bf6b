#!/usr/bin/env bash
# E-mail in at volume: MESSAGES (default 10,000) messages in a GreenMail IMAP mailbox (a tenth answers, a hundredth
# auto-replies, 2 % delivered twice) read into tickets on an embedded PostgreSQL 17, then read again after the server
# lost its flags. Writes benchmarks/mail/RESULTS.md. Needs JDK >= 21. OFFLINE=-o to build offline.
set -euo pipefail
cd "$(dirname "$0")/../.."
OFFLINE=${OFFLINE:-}
./mvnw -q -B -ntp $OFFLINE install -DskipTests
./mvnw -B -ntp $OFFLINE -pl helpdesk-app surefire:test -Dtest=MailIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbackstop.benchmark.out=$(pwd)/benchmarks/mail/RESULTS.md --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir=$(pwd)/helpdesk-app/target/tmp" | grep -E "Tests run|ERROR|FAIL" || true
cat benchmarks/mail/RESULTS.md
