#!/usr/bin/env bash
# Screen-pop latency with 200 open workspace pages on one node with PostgreSQL (issue 16).
# Usage: benchmarks/telephony/screen-pop.sh
# Knobs: AGENTS (200 signed-in channel agents, one pop stream each), RATE (20 calls/s), SECONDS_ (60 s of arrivals),
#        PORT (18190), BUILD=false to reuse the built jar, OFFLINE=-o for an offline Maven,
#        RESULT (benchmarks/telephony/screen-pop-result.txt: the summary below is also written there).
# Starts a fresh embedded PostgreSQL 17 (the tests' zonky binaries) and the app jar with demo data on it, adds channel
# agents until the desk has AGENTS (bench001…, password demo), then runs PopLatency.java: every agent signs in and
# holds its pop stream, calls arrive on the channel hotline (ringing every channel agent), and it prints p50/p95/p99 of
# newCall → pop. Meanwhile the app's RSS and thread count are sampled every second. Needs JDK >= 21 and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
port=${PORT:-18190}
agents=${AGENTS:-200}
rate=${RATE:-20}
seconds=${SECONDS_:-60}
jar=${JAR:-helpdesk-app/target/helpdesk-app.jar} # JAR: another build of the app (e.g. the commit before) with this client
result=${RESULT:-benchmarks/telephony/screen-pop-result.txt}
: >"$result"
say() { echo "$@" | tee -a "$result"; }
if [ "${BUILD:-true}" = true ]; then
  ./mvnw -q -B -ntp ${OFFLINE:-} -DskipTests package
fi
data=$(mktemp -d)
./mvnw -q -B -ntp ${OFFLINE:-} -pl helpdesk-app dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$data/cp.txt" >/dev/null
pg_port=$((port + 1))
mkfifo "$data/pg.in"
PG_STAT_STATEMENTS=true "$JAVA" -cp "$(cat "$data/cp.txt")" benchmarks/load/EmbeddedPostgresServer.java "$pg_port" <"$data/pg.in" >"$data/pg.log" 2>&1 &
pg_pid=$!
exec 3>"$data/pg.in"   # the server runs until this is closed
until grep -q READY "$data/pg.log"; do
  kill -0 $pg_pid 2>/dev/null || { echo "PostgreSQL did not start, see $data/pg.log" >&2; exit 1; }
  sleep 0.5
done
db_url="jdbc:postgresql://localhost:$pg_port/backstop"
# APP_OPTS: JVM options of the app (the README's production recommendation; none by default)
BACKSTOP_DATA_DIR=$data SERVER_PORT=$port BACKSTOP_KNOWLEDGE_DENSE=${DENSE:-false} "$JAVA" ${APP_OPTS:-} \
  --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar "$jar" \
  --spring.profiles.active=postgres --spring.datasource.url="$db_url" \
  --spring.datasource.username=postgres --spring.datasource.password=postgres >"$data/app.log" 2>&1 &
pid=$!
sampler=
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; [ -n "$sampler" ] && kill $sampler 2>/dev/null
      exec 3>&-; wait $pg_pid 2>/dev/null; echo "app log and samples: $data"' EXIT
until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  kill -0 $pid 2>/dev/null || { echo "app died, see $data/app.log" >&2; exit 1; }
  sleep 0.5
done
sleep 5   # demo data settles
# CPU seconds (user + system, children that ended included) of processes and all their descendants
cpu() {
  ps -e -o pid=,ppid= | awk -v roots="$*" 'BEGIN { n = split(roots, r, " "); for (i = 1; i <= n; i++) keep[r[i]] = 1 }
    { parent[$1] = $2 } END { changed = 1; while (changed) { changed = 0
      for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } }
      for (p in keep) print p }' | while read -r p; do cat "/proc/$p/stat" 2>/dev/null; done |
    sed 's/^.*) //' | awk -v hz="$(getconf CLK_TCK)" '{ t += $12 + $13 + $14 + $15 } END { printf "%.2f", t / hz }'
}
"$JAVA" -cp "$(cat "$data/cp.txt")" benchmarks/telephony/BenchAgents.java "$db_url" postgres postgres "$agents" >"$data/users.txt"
say "run: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
say "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$("$JAVA" -version 2>&1 | head -1), PostgreSQL 17 (embedded), $(wc -l <"$data/users.txt") agents, $rate calls/s"
say "app before streams: RSS $(ps -o rss= -p $pid) KiB, threads $(ps -o nlwp= -p $pid)"
POP_GO="$data/go" "$JAVA" benchmarks/telephony/PopLatency.java "http://localhost:$port" demo-pbx "$data/users.txt" demo "$rate" "$seconds" \
  >"$data/latency.txt" 2>"$data/latency.err" &
client=$!
until grep -q STREAMS-OPEN "$data/latency.txt" 2>/dev/null; do
  kill -0 $client 2>/dev/null || { cat "$data/latency.txt" "$data/latency.err" >&2; exit 1; }
  sleep 0.5
done
say "app with $(grep -o 'streams open: [0-9]*' "$data/latency.txt" | grep -o '[0-9]*$') streams, before calls: RSS $(ps -o rss= -p $pid) KiB, threads $(ps -o nlwp= -p $pid)"
"$JAVA" -cp "$(cat "$data/cp.txt")" benchmarks/telephony/SqlCounts.java "$db_url" postgres postgres reset
# PostgreSQL's postmaster runs detached from its Java starter: find it by its port
pg_root=$(ps -e -o pid=,args= | awk -v p="-p $pg_port" 'index($0, p) && /postgres/ && !/java/ {print $1}' | tr '\n' ' ')
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
if [ "${JFR:-false}" = true ]; then # JFR=true: a flight recording of the app during the calls (profile settings)
  $jcmd $pid JFR.start name=calls settings=profile >/dev/null
fi
app_cpu0=$(cpu $pid); pg_cpu0=$(cpu $pg_root); t0=$(date +%s.%N)
touch "$data/go" # the calls start now
( while kill -0 $client 2>/dev/null; do ps -o rss=,nlwp= -p $pid; sleep 1; done ) >"$data/samples.txt" &
sampler=$!
until grep -q CALLS-DONE "$data/latency.txt" 2>/dev/null || ! kill -0 $client 2>/dev/null; do sleep 0.2; done
app_cpu1=$(cpu $pid); pg_cpu1=$(cpu $pg_root); t1=$(date +%s.%N)
if [ "${JFR:-false}" = true ]; then
  $jcmd $pid JFR.stop name=calls filename="$data/calls.jfr" >/dev/null
fi
wait $client || true
grep -v 'STREAMS-OPEN\|CALLS-DONE' "$data/latency.txt" | tee -a "$result"
requests=$(grep -o 'CALLS-DONE [0-9]*' "$data/latency.txt" | cut -d' ' -f2)
awk -v a0="$app_cpu0" -v a1="$app_cpu1" -v p0="$pg_cpu0" -v p1="$pg_cpu1" -v t0="$t0" -v t1="$t1" -v n="${requests:-0}" \
  'BEGIN { w = t1 - t0; printf "CPU during calls (%.0f s wall, 2 cores = %.0f CPU s): app %.1f s (%.1f ms per CTI request), PostgreSQL %.1f s (%.1f ms per CTI request)\n", w, 2 * w, a1 - a0, n ? (a1 - a0) * 1000 / n : 0, p1 - p0, n ? (p1 - p0) * 1000 / n : 0 }' |
  tee -a "$result"
"$JAVA" -cp "$(cat "$data/cp.txt")" benchmarks/telephony/SqlCounts.java "$db_url" postgres postgres report "${requests:-1}" |
  tee -a "$result"
sort -n "$data/samples.txt" | tail -1 | awk '{print "app during calls: max RSS " $1 " KiB"}' | tee -a "$result"
sort -n -k2 "$data/samples.txt" | tail -1 | awk '{print "app during calls: max threads " $2}' | tee -a "$result"
say "errors in the app log: $(grep -c ' ERROR ' "$data/app.log" || true); pool timeouts: $(grep -c 'Connection is not available' "$data/app.log" || true)"
grep -c . "$data/latency.err" >/dev/null && head -5 "$data/latency.err" | tee -a "$result" || true
if [ "${JFR:-false}" = true ]; then
  echo "flight recording of the calls: $data/calls.jfr (e.g. jfr view hot-methods $data/calls.jfr)"
fi
echo "result: $result"
