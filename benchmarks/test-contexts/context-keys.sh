#!/usr/bin/env bash
# Lists every Spring test context key of helpdesk-app's test classes (what Spring's context cache compares), the classes
# sharing each, and the keys that differ only in inlined properties. Optional: a "fork-N class" list of a surefire run
# to count the contexts each fork builds, e.g. from a run's reports:
#   for f in helpdesk-app/target/surefire-reports/TEST-*.xml; do
#     echo "$(grep -o 'backstop.test.fork" value="fork-[0-9]*' $f | grep -o 'fork-[0-9]*') $(basename $f .xml | sed 's/TEST-dev.backstop.helpdesk.//')"
#   done > /tmp/forks.txt
# Usage (from the repository root, after ./mvnw -pl helpdesk-app test-compile): benchmarks/test-contexts/context-keys.sh [/tmp/forks.txt ...]
# Issue 19, ADR "fast build".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../../helpdesk-app"
cp_file="$(mktemp)"
../mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
java -Dlogback.configurationFile="$here/logback-quiet.xml" \
  -cp "target/test-classes:target/classes:$(cat "$cp_file")" "$here/ContextKeys.java" target/test-classes "$@" 2>/dev/null
rm -f "$cp_file"
