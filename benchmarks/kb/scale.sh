#!/bin/sh
# Knowledge-base search at scale: Lucene (knowledge-base library) beside PostgreSQL 17 full-text + pg_trgm,
# same generated corpus, one run (see SCALE.md in this folder). Not part of `verify`.
# Options (environment): ARTICLES (default 1000000), THROUGHPUT_SECONDS (default 60), ROUNDS (Lucene rounds over
# the query list, default 5), WARMUP_ROUNDS (untimed rounds first, default 6), PG_ROUNDS (default 1), PG_WARMUP (queries run once before PG is measured, default 240),
# PG_QUERIES (PG's single-thread pass uses every k-th query to get this many, default 240), INDEX_THREADS (default 2), CHUNK (default 10000),
# HEAP (default 4g), POSTGRES (false to skip it), HR_LAW (hr_articles.jsonl), JVM_OPTS (extra JVM flags).
# Needs Temurin 25 (or any JDK >= 21) in JAVA_HOME. The 1M run takes a long while on 2 cores: run it with nohup.
set -e
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
ARTICLES=${ARTICLES:-1000000}
OUT="$(pwd)/benchmarks/kb/scale-$ARTICLES.txt"
./mvnw -B -ntp -o -q -pl helpdesk-app -am verify -Dtest=KbScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Denforcer.skip=true -DenableAssertions=false \
  -DargLine="-Xms${HEAP:-4g} -Xmx${HEAP:-4g} -XX:+UseG1GC --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 -Djava.io.tmpdir=target/tmp -Dfile.encoding=UTF-8 -Duser.language=en -Duser.country=US ${JVM_OPTS:-} \
 -Dkb.articles=$ARTICLES -Dkb.throughputSeconds=${THROUGHPUT_SECONDS:-60} -Dkb.rounds=${ROUNDS:-5} -Dkb.warmupRounds=${WARMUP_ROUNDS:-6} \
 -Dkb.pgRounds=${PG_ROUNDS:-1} -Dkb.pgWarmupQueries=${PG_WARMUP:-240} -Dkb.pgQueries=${PG_QUERIES:-240} -Dkb.indexThreads=${INDEX_THREADS:-2} -Dkb.chunk=${CHUNK:-10000} \
 -Dkb.postgres=${POSTGRES:-true} -Dkb.reuseIndex=${REUSE_INDEX:-false} -Dkb.corpus=${HR_LAW:-/work/shared/corpora/hr-law/hr_articles.jsonl} -Dkb.out=$OUT" \
  | grep -E "Tests run|ERROR|FAIL" || true
# Surefire runs the JVM with assertions on unless told otherwise (enableAssertions=false above): Lucene's own
# asserts (e.g. a stream over every postings block in VectorUtil.findNextGEQ) made searches ~10x slower.
grep -h KBSCALE helpdesk-app/target/surefire-reports/*KbScaleBenchmark-output.txt 2>/dev/null || true
echo "results: $OUT"
