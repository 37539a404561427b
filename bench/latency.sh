#!/usr/bin/env bash
# Maho DataSync latency benchmark: the service (datasync run) keeps a destination in sync while plain SQL on the source
# commits changes at a steady rate; prints the time from each change's commit to when it can be read on the destination
# (p50, p95, p99, max), measured from outside by bench/LatencyProbe.java, and the service's own histogram.
#
#   bench/latency.sh                        100 changes/s for 60 s on a shop of 5,000 customers
#   bench/latency.sh --rate 200 --seconds 120 --customers 20000
#   bench/latency.sh --keep                 keep the lat_* databases afterwards
#
# The MariaDB server: DATASYNC_DEST_HOST, _PORT, _USER, _PASS (default 127.0.0.1:3306, root, no password).
# It creates and drops the databases lat_src and lat_dst there, and runs the service on port 9877.
set -euo pipefail

HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RATE=100
SECONDS_RUN=60
CUSTOMERS=5000
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) RATE="$2"; shift 2 ;;
    --seconds) SECONDS_RUN="$2"; shift 2 ;;
    --customers) CUSTOMERS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "Unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done

HOST="${DATASYNC_DEST_HOST:-127.0.0.1}"
PORT="${DATASYNC_DEST_PORT:-3306}"
USER_NAME="${DATASYNC_DEST_USER:-root}"
PASS="${DATASYNC_DEST_PASS:-}"
SRC=lat_src
DST=lat_dst
SERVICE_PORT=9877
TOKEN="latency-bench-$$"
OUT="$HOME_DIR/target/bench/latency-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

db() { MYSQL_PWD="$PASS" mariadb -h "$HOST" -P "$PORT" -u "$USER_NAME" "$@"; }
export DATASYNC_DEST_HOST="$HOST" DATASYNC_DEST_PORT="$PORT" DATASYNC_DEST_USER="$USER_NAME" DATASYNC_DEST_PASS="$PASS" \
  DATASYNC_DEST_DB="$DST" DATASYNC_LIVE_HOST="$HOST" DATASYNC_LIVE_PORT="$PORT" DATASYNC_LIVE_USER="$USER_NAME" \
  DATASYNC_LIVE_PASS="$PASS" DATASYNC_LIVE_DB="$SRC" DATASYNC_API_TOKEN="$TOKEN"
datasync() { "$HOME_DIR/bin/datasync" "$@"; }

echo "Building DataSync..."
datasync --version > /dev/null
DRIVER=$(ls "$HOME_DIR"/target/lib/mysql-connector-j-*.jar | head -1)

db -e "DROP DATABASE IF EXISTS $SRC; DROP DATABASE IF EXISTS $DST"
echo "Generating a source shop of $CUSTOMERS customers and an empty destination, syncing them, installing the tracker..."
datasync generate --db-name "$SRC" --customers "$CUSTOMERS" --products 100 --orders 0 > "$OUT/generate.txt"
datasync generate --db-name "$DST" --layout destination --customers 0 >> "$OUT/generate.txt"
datasync sync all lat -a openmage > "$OUT/sync-all.txt" 2>&1
datasync tracker install > "$OUT/tracker.txt"

echo "Starting the service (poll every $(grep '^datasync.service.poll-millis' "$HOME_DIR/config/application.properties" | awk '{print $3}') ms)..."
DATASYNC_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC -XX:NewRatio=1 -Dcamel.server.port=$SERVICE_PORT" \
  "$HOME_DIR/bin/datasync" run lat > "$OUT/service.txt" 2>&1 &
service_pid=$!
trap 'kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  if curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$SERVICE_PORT/observe/health" > /dev/null; then
    break
  fi
  sleep 0.5
done

echo "$RATE changes/s for $SECONDS_RUN s by plain SQL on the source..."
JDBC="jdbc:mysql://$HOST:$PORT/%s?user=$USER_NAME&password=$PASS"
java -cp "$DRIVER" "$HOME_DIR/bench/LatencyProbe.java" "$(printf "$JDBC" "$SRC")" "$(printf "$JDBC" "$DST")" \
  "$RATE" "$SECONDS_RUN" "$CUSTOMERS" | tee "$OUT/latency.txt"

curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$SERVICE_PORT/observe/metrics" > "$OUT/metrics.txt"
echo "The service's histogram (datasync_change_latency_seconds; the tracker's times are whole seconds):"
grep '^datasync_change_latency_seconds_\(bucket\|count\|sum\)' "$OUT/metrics.txt" | sed 's/^/  /'
echo "Runs in the service's history: $(db -N "$DST" -e "SELECT COUNT(*) FROM datasync_run WHERE cause = 'schedule'")"
echo "Output in $OUT"

if [ "$KEEP" -eq 0 ]; then
  kill "$service_pid" 2>/dev/null || true
  wait "$service_pid" 2>/dev/null || true
  db -e "DROP DATABASE IF EXISTS $SRC; DROP DATABASE IF EXISTS $DST"
fi
