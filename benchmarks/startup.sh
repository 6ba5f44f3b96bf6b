#!/usr/bin/env bash
# Cold start of the executable jar to healthy, and resident memory after start with demo data.
# Usage: benchmarks/startup.sh [runs]   (build first: ./mvnw -q -DskipTests package)
# Each run uses a fresh data directory, so the demo data is loaded every time (the worst case).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=helpdesk-app/target/helpdesk-app.jar
port=${PORT:-18080}
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -q -DskipTests package" >&2; exit 1; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s.%N)
  BACKSTOP_DATA_DIR=$data SERVER_PORT=$port java --add-modules jdk.incubator.vector \
      --enable-native-access=ALL-UNNAMED -jar "$jar" >"$data/app.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "app died, see $data/app.log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  sleep 5   # let the demo-data load and the first GC settle
  rss=$(awk '/VmRSS/{print $2}' /proc/$pid/status)
  printf 'run %d: healthy after %.1f s, RSS %d MiB (after 5 s idle)\n' "$i" "$(awk -v a="$start" -v b="$end" "BEGIN{print b-a}")" $((rss / 1024))
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
done
