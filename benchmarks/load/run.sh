#!/usr/bin/env bash
# Mixed API load at 20 and 100 concurrent clients against the app on localhost (bounded: REQUESTS per level).
# Usage: benchmarks/load/run.sh            (embedded default: H2, local index, demo data; a fresh data directory)
#        DB=postgres benchmarks/load/run.sh   (a fresh embedded PostgreSQL 17, the tests' zonky binaries)
#        DB_URL=jdbc:postgresql://localhost:5432/backstop DB_USER=backstop DB_PASSWORD=… benchmarks/load/run.sh
# Knobs: LEVELS ("20 100"), REQUESTS (2000 per level), PORT (18090), BUILD=false to reuse the built jar.
# Needs JDK >= 21 (JAVA_HOME or java on PATH) and curl. Prints errors, p50 and p99 per request kind and in all.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
port=${PORT:-18090}
levels=${LEVELS:-"20 100"}
requests=${REQUESTS:-2000}
jar=helpdesk-app/target/helpdesk-app.jar
if [ "${BUILD:-true}" = true ]; then
  ./mvnw -q -B -ntp ${OFFLINE:-} -DskipTests package
fi
data=$(mktemp -d)
pg_pid=
if [ "${DB:-}" = postgres ] && [ -z "${DB_URL:-}" ]; then
  ./mvnw -q -B -ntp ${OFFLINE:-} -pl helpdesk-app dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$data/cp.txt" >/dev/null
  pg_port=$((port + 1))
  mkfifo "$data/pg.in"
  "$JAVA" -cp "$(cat "$data/cp.txt")" benchmarks/load/EmbeddedPostgresServer.java "$pg_port" <"$data/pg.in" >"$data/pg.log" 2>&1 &
  pg_pid=$!
  exec 3>"$data/pg.in"   # the server runs until this is closed
  until grep -q READY "$data/pg.log"; do
    kill -0 $pg_pid 2>/dev/null || { echo "PostgreSQL did not start, see $data/pg.log" >&2; exit 1; }
    sleep 0.5
  done
  DB_URL="jdbc:postgresql://localhost:$pg_port/backstop" DB_USER=postgres DB_PASSWORD=postgres
fi
args=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar "$jar")
if [ -n "${DB_URL:-}" ]; then
  args+=(--spring.profiles.active=postgres --spring.datasource.url="$DB_URL"
         --spring.datasource.username="${DB_USER:-backstop}" --spring.datasource.password="${DB_PASSWORD:-}")
fi
BACKSTOP_DATA_DIR=$data SERVER_PORT=$port "$JAVA" "${args[@]}" >"$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; if [ -n "$pg_pid" ]; then exec 3>&-; wait $pg_pid 2>/dev/null; fi
      echo "app log: $data/app.log"' EXIT
until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  kill -0 $pid 2>/dev/null || { echo "app died, see $data/app.log" >&2; exit 1; }
  sleep 0.5
done
sleep 5   # demo data settles
token=$(curl -fs -u admin:demo -H 'Content-Type: application/json' -d '{"name":"load","username":"agent"}' \
  "http://localhost:$port/api/v1/admin/api-tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -1)," \
  "database: ${DB_URL:-embedded H2}"
for clients in $levels; do
  "$JAVA" benchmarks/load/LoadClient.java "http://localhost:$port" "$token" "$clients" "$requests"
done
echo "500s in the app log: $(grep -c 'Connection is not available' "$data/app.log" || true) pool timeouts"
