#!/usr/bin/env bash
# Maho DataSync benchmark: a generated shop through `sync all` into an empty destination, against a raw
# mariadb-dump | mariadb copy of the same database; the same with --anonymize into another; then changes on the
# source through `incremental`.
# Prints records/s and rows written/s per entity, wall times, the JVM's peak heap and the process's peak RSS.
#
#   bench/run.sh                          the default scale (50,000 customers, 20,000 products,
#                                         100,000 orders, 20,000 subscribers, 10,000 changes)
#   bench/run.sh --customers 5000 --products 2000 --orders 10000 --subscribers 2000 --changes 1000
#   bench/run.sh --keep                   keep the bench_* databases afterwards
#   bench/run.sh --source magento2        instead: the same shop generated as an OpenMage and as a Magento 2 shop
#                                         (generate --layout magento2), each through `sync all` into an empty
#                                         destination, records/s per entity type side by side
#   bench/run.sh --source agent           instead: the same shop through `sync all` read directly (-a openmage) and
#                                         through the source agent (-a agent, agent/datasync-agent.php under PHP's
#                                         built-in server on 127.0.0.1, plain HTTP), each into an empty destination
#   bench/run.sh --targets                instead: `sync all` into an empty destination three times (--runs N), each
#                                         against a raw copy made just before it, then once more unchanged; the
#                                         median of each figure against the performance targets (bench/README.md)
#   bench/run.sh --targets --source-db bench_big --runs 1 --sync-only
#                                         the same with a source database generated beforehand (kept afterwards),
#                                         without the unchanged re-run and verify (--sync-only)
#
# The MariaDB server: DATASYNC_DEST_HOST, _PORT, _USER, _PASS (default 127.0.0.1:3306, root, no password).
# It creates and drops the databases bench_src, bench_dst, bench_raw, bench_ano and bench_res there.
set -euo pipefail

HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CUSTOMERS=50000
PRODUCTS=20000
ORDERS=100000
SUBSCRIBERS=20000
CHANGES=10000
KEEP=0
SOURCE=openmage
TARGETS=0
RUNS=3
SOURCE_DB=
SYNC_ONLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --customers) CUSTOMERS="$2"; shift 2 ;;
    --products) PRODUCTS="$2"; shift 2 ;;
    --orders) ORDERS="$2"; shift 2 ;;
    --subscribers) SUBSCRIBERS="$2"; shift 2 ;;
    --changes) CHANGES="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --source) SOURCE="$2"; shift 2 ;;
    --targets) TARGETS=1; shift ;;
    --runs) RUNS="$2"; shift 2 ;;
    --source-db) SOURCE_DB="$2"; shift 2 ;;
    --sync-only) SYNC_ONLY=1; shift ;;
    *) echo "Unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done

HOST="${DATASYNC_DEST_HOST:-127.0.0.1}"
PORT="${DATASYNC_DEST_PORT:-3306}"
USER_NAME="${DATASYNC_DEST_USER:-root}"
PASS="${DATASYNC_DEST_PASS:-}"
SRC="${SOURCE_DB:-bench_src}"
DST=bench_dst
RAW=bench_raw
RES=bench_res
ANO=bench_ano
OUT="$HOME_DIR/target/bench/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

db() { MYSQL_PWD="$PASS" mariadb -h "$HOST" -P "$PORT" -u "$USER_NAME" "$@"; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
export DATASYNC_DEST_HOST="$HOST" DATASYNC_DEST_PORT="$PORT" DATASYNC_DEST_USER="$USER_NAME" DATASYNC_DEST_PASS="$PASS" \
  DATASYNC_DEST_DB="$DST" DATASYNC_LIVE_HOST="$HOST" DATASYNC_LIVE_PORT="$PORT" DATASYNC_LIVE_USER="$USER_NAME" \
  DATASYNC_LIVE_PASS="$PASS" DATASYNC_LIVE_DB="$SRC" DATASYNC_ANONYMIZE_SECRET="benchmark-secret-of-the-fakes"
datasync() { "$HOME_DIR/bin/datasync" "$@"; }

# Runs a DataSync command with the launcher's JVM options (a 512 MB heap), its report with rows written and peak heap, and the peak RSS of its process
# (the kernel's high-water mark, read while it runs) appended to the output file.
measured() {
  local output="$1"; shift
  # started directly, not through a function: $! is then the launcher, which becomes the JVM (exec)
  DATASYNC_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC -XX:NewRatio=1 -Ddatasync.report.stats=true" "$HOME_DIR/bin/datasync" "$@" \
    > "$output" 2>&1 &
  local pid=$! peak=0 hwm
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    if [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ]; then peak=$hwm; fi
    sleep 0.2
  done
  local code=0
  wait "$pid" || code=$?
  echo "peak RSS: $((peak / 1024)) MB" >> "$output"
  echo "exit code: $code" >> "$output"
}

# A report's entity, records read and records/s, a line each; an entity type sync all runs twice (store, cms_block: to
# link what the first pass could not) counts once, its first
rates() {
  awk '/^entity +read/ { t = 1; next } /^entity +rows written/ || /^$/ { t = 0 } t && NF >= 9 && !seen[$1]++ { print $1, $2, $NF }' "$1"
}

# sync all -a openmage of bench_src into bench_dst, the yardstick of the other adapters; sets OM_SECONDS
sync_openmage() {
  echo "sync all -a openmage $SRC -> $DST..."
  local started
  started=$(now)
  measured "$OUT/sync-all-openmage.txt" sync all bench -a openmage
  OM_SECONDS=$(seconds "$started" "$(now)")
}

# A table row per entity type: records, openmage's records/s, the other report's records/s, and their ratio
side_by_side() {
  join <(rates "$OUT/sync-all-openmage.txt" | sort) <(rates "$1" | sort) \
    | awk '{ printf "| %s | %s | %s | %s | %.2f |\n", $1, $4, $3, $5, ($3 > 0 ? $5 / $3 : 0) }'
}

# The source shop at the chosen scale in bench_src, and the given databases as empty destinations
generate_shops() {
  echo "Generating the source shop ($CUSTOMERS customers, $PRODUCTS products, $ORDERS orders, $SUBSCRIBERS subscribers)..."
  local started destination
  started=$(now)
  datasync generate --db-name "$SRC" --customers "$CUSTOMERS" --addresses 1.5 --products "$PRODUCTS" --orders "$ORDERS" \
    --subscribers "$SUBSCRIBERS" > "$OUT/generate.txt"
  for destination in "$@"; do
    datasync generate --db-name "$destination" --layout destination --customers 0 >> "$OUT/generate.txt"
  done
  echo "  $(seconds "$started" "$(now)") s"
}

# The yardstick: a raw mariadb-dump | mariadb of a source database into bench_raw; sets RAW_SECONDS
raw_copy() {
  echo "Raw copy: mariadb-dump $1 | mariadb $RAW..."
  db -e "CREATE DATABASE $RAW"
  local started
  started=$(now)
  MYSQL_PWD="$PASS" mariadb-dump -h "$HOST" -P "$PORT" -u "$USER_NAME" --single-transaction --quick "$1" | db "$RAW"
  RAW_SECONDS=$(seconds "$started" "$(now)")
  echo "  $RAW_SECONDS s"
}

echo "Building DataSync..."
"$HOME_DIR/bin/datasync" --version > /dev/null

# The magento2 adapter against the openmage one: the same generated shop read from either, into empty destinations
if [ "$SOURCE" = magento2 ]; then
  M2=bench_m2
  M2_DST=bench_m2_dst
  db -e "DROP DATABASE IF EXISTS $SRC; DROP DATABASE IF EXISTS $DST; DROP DATABASE IF EXISTS $RAW; DROP DATABASE IF EXISTS $M2;
    DROP DATABASE IF EXISTS $M2_DST"
  echo "Generating the shop as OpenMage and as Magento 2 keep it ($CUSTOMERS customers, $PRODUCTS products, $ORDERS orders)..."
  start=$(now)
  SIZE=(--customers "$CUSTOMERS" --addresses 1.5 --products "$PRODUCTS" --orders "$ORDERS" --subscribers "$SUBSCRIBERS")
  datasync generate --db-name "$SRC" "${SIZE[@]}" > "$OUT/generate.txt"
  datasync generate --db-name "$M2" --layout magento2 "${SIZE[@]}" >> "$OUT/generate.txt"
  datasync generate --db-name "$DST" --layout destination --customers 0 >> "$OUT/generate.txt"
  datasync generate --db-name "$M2_DST" --layout destination --customers 0 >> "$OUT/generate.txt"
  echo "  $(seconds "$start" "$(now)") s"
  raw_copy "$M2"
  sync_openmage
  echo "sync all -a magento2 $M2 -> $M2_DST, then verify..."
  start=$(now)
  DATASYNC_LIVE_DB="$M2" DATASYNC_DEST_DB="$M2_DST" measured "$OUT/sync-all-magento2.txt" sync all bench -a magento2
  M2_SECONDS=$(seconds "$start" "$(now)")
  DATASYNC_LIVE_DB="$M2" DATASYNC_DEST_DB="$M2_DST" measured "$OUT/verify-magento2.txt" verify bench -a magento2
  {
    echo "## Maho DataSync benchmark, magento2 adapter, $(date -u '+%Y-%m-%d %H:%M') UTC"
    echo
    echo "Machine: $(nproc) cores, $(db -N -e 'SELECT VERSION()'). Scale: $CUSTOMERS customers, $PRODUCTS products, $ORDERS orders,"
    echo "$SUBSCRIBERS subscribers, the same shop generated as OpenMage and as Magento 2 keep it."
    echo
    echo "| entity | records | openmage records/s | magento2 records/s | magento2 / openmage |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    side_by_side "$OUT/sync-all-magento2.txt"
    echo
    echo "\`sync all -a magento2\`: $M2_SECONDS s, \`sync all -a openmage\` of the same shop: $OM_SECONDS s, against a raw copy of"
    echo "the Magento 2 database of $RAW_SECONDS s (ratio $(awk -v a="$M2_SECONDS" -v b="$RAW_SECONDS" 'BEGIN { printf "%.1f", a / b }'))."
    echo "\`verify -a magento2\` afterwards: exit code $(awk '/^exit code:/ { print $3 }' "$OUT/verify-magento2.txt") (0: every record equal)."
  } | tee "$OUT/results.md"
  if [ "$KEEP" = 0 ]; then
    db -e "DROP DATABASE IF EXISTS $SRC; DROP DATABASE IF EXISTS $DST; DROP DATABASE IF EXISTS $RAW; DROP DATABASE IF EXISTS $M2;
      DROP DATABASE IF EXISTS $M2_DST"
  fi
  exit 0
fi

# The agent adapter against the openmage one: the same shop read through the source agent and directly
if [ "$SOURCE" = agent ]; then
  AG_DST=bench_agent_dst
  db -e "DROP DATABASE IF EXISTS $SRC; DROP DATABASE IF EXISTS $DST; DROP DATABASE IF EXISTS $RAW; DROP DATABASE IF EXISTS $AG_DST"
  generate_shops "$DST" "$AG_DST"
  raw_copy "$SRC"
  AGENT_ROOT="$OUT/agent"
  mkdir -p "$AGENT_ROOT"
  cp "$HOME_DIR/agent/datasync-agent.php" "$AGENT_ROOT/"
  export DATASYNC_AGENT_SECRET="benchmark-agent-secret-$(date +%s%N)"
  cat > "$AGENT_ROOT/datasync-agent.config.php" <<PHP
<?php
return ['secret' => '$DATASYNC_AGENT_SECRET', 'allow_http' => true, 'nonce_dir' => '$AGENT_ROOT/nonces',
  'db' => ['host' => '$HOST', 'port' => $PORT, 'dbname' => '$SRC', 'user' => '$USER_NAME', 'password' => '$PASS', 'prefix' => '']];
PHP
  AGENT_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  PHP_CLI_SERVER_WORKERS=4 php -S "127.0.0.1:$AGENT_PORT" -t "$AGENT_ROOT" > "$OUT/agent-server.log" 2>&1 &
  AGENT_PID=$!
  # the server's workers are its children: stop them with it
  stop_agent() { pkill -P "$AGENT_PID" 2>/dev/null || true; kill "$AGENT_PID" 2>/dev/null || true; }
  trap stop_agent EXIT
  sleep 1
  if ! kill -0 "$AGENT_PID" 2>/dev/null; then
    echo "PHP's built-in server did not start: $(cat "$OUT/agent-server.log")" >&2
    exit 1
  fi
  sync_openmage
  echo "sync all -a agent (http://127.0.0.1:$AGENT_PORT) $SRC -> $AG_DST, then verify..."
  start=$(now)
  DATASYNC_DEST_DB="$AG_DST" measured "$OUT/sync-all-agent.txt" sync all bench -a agent --url "http://127.0.0.1:$AGENT_PORT/datasync-agent.php"
  AG_SECONDS=$(seconds "$start" "$(now)")
  DATASYNC_DEST_DB="$AG_DST" measured "$OUT/verify-agent.txt" verify bench -a agent --url "http://127.0.0.1:$AGENT_PORT/datasync-agent.php"
  stop_agent
  {
    echo "## Maho DataSync benchmark, agent adapter, $(date -u '+%Y-%m-%d %H:%M') UTC"
    echo
    echo "Machine: $(nproc) cores, $(db -N -e 'SELECT VERSION()'), $(php -r 'echo "PHP ", PHP_VERSION;') built-in server (4 workers, plain HTTP"
    echo "on 127.0.0.1: no TLS, no network). Scale: $CUSTOMERS customers, $PRODUCTS products, $ORDERS orders, $SUBSCRIBERS subscribers."
    echo
    echo "| entity | records | openmage records/s | agent records/s | agent / openmage |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    side_by_side "$OUT/sync-all-agent.txt"
    echo
    echo "\`sync all -a agent\`: $AG_SECONDS s, \`sync all -a openmage\` of the same shop: $OM_SECONDS s (the agent's overhead:"
    echo "$(awk -v a="$AG_SECONDS" -v b="$OM_SECONDS" 'BEGIN { printf "%+.0f", (a / b - 1) * 100 }') %), against a raw copy of the source database of $RAW_SECONDS s."
    echo "\`verify -a agent\` afterwards: exit code $(awk '/^exit code:/ { print $3 }' "$OUT/verify-agent.txt") (0: every record equal)."
  } | tee "$OUT/results.md"
  if [ "$KEEP" = 0 ]; then
    db -e "DROP DATABASE IF EXISTS $SRC; DROP DATABASE IF EXISTS $DST; DROP DATABASE IF EXISTS $RAW; DROP DATABASE IF EXISTS $AG_DST"
  fi
  exit 0
fi

# The performance targets: sync all against the raw copy, RUNS times, then an unchanged re-run; medians
if [ "$TARGETS" = 1 ]; then
  db -e "DROP DATABASE IF EXISTS $DST; DROP DATABASE IF EXISTS $RAW"
  if [ -z "$SOURCE_DB" ]; then
    db -e "DROP DATABASE IF EXISTS $SRC"
    generate_shops
  fi
  median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  : > "$OUT/runs.txt"
  for run in $(seq 1 "$RUNS"); do
    db -e "DROP DATABASE IF EXISTS $DST; DROP DATABASE IF EXISTS $RAW"
    datasync generate --db-name "$DST" --layout destination --customers 0 >> "$OUT/generate.txt"
    raw_copy "$SRC"
    db -e "DROP DATABASE $RAW"
    echo "sync all $SRC -> $DST, run $run of $RUNS..."
    start=$(now)
    measured "$OUT/sync-all-$run.txt" sync all bench -a openmage
    SYNC_SECONDS=$(seconds "$start" "$(now)")
    echo "  $SYNC_SECONDS s"
    echo "$run $SYNC_SECONDS $RAW_SECONDS $(awk '/^exit code:/ { print $3 }' "$OUT/sync-all-$run.txt")" >> "$OUT/runs.txt"
  done
  if [ "$SYNC_ONLY" = 0 ]; then
    echo "sync all $SRC -> $DST again, nothing changed..."
    start=$(now)
    measured "$OUT/sync-all-unchanged.txt" sync all bench -a openmage
    UNCHANGED_SECONDS=$(seconds "$start" "$(now)")
    echo "  $UNCHANGED_SECONDS s"
    measured "$OUT/verify.txt" verify bench
  fi
  # one figure of every run: an entity type's records/s, the run's ratio to its raw copy, its peak heap
  rate_of() { for run in $(seq 1 "$RUNS"); do rates "$OUT/sync-all-$run.txt" | awk -v e="$1" '$1 == e { print $3 }'; done; }
  ratios() { awk '{ printf "%.2f\n", $2 / $3 }' "$OUT/runs.txt"; }
  heaps() { for run in $(seq 1 "$RUNS"); do awk '/^peak heap:/ { print $3 }' "$OUT/sync-all-$run.txt"; done; }
  row() { # name, target, "min" or "max", the figures one per line on stdin
    local figures med met
    figures=$(cat)
    med=$(echo "$figures" | median)
    met=$(awk -v m="$med" -v t="$2" -v w="$3" 'BEGIN { print ((w == "min" ? m >= t : m <= t) ? "met" : "**not met**") }')
    echo "| $1 | $(echo "$figures" | paste -sd ' ' | sed 's/ / · /g') | $med | $([ "$3" = min ] && echo "≥" || echo "≤") $2 | $met |"
  }
  {
    echo "## Maho DataSync benchmark, performance targets, $(date -u '+%Y-%m-%d %H:%M') UTC"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%d GB", $2 / 1048576 }' /proc/meminfo), $(db -N -e 'SELECT VERSION()'),"
    echo "$(java -version 2>&1 | head -1). Source \`$SRC\`: $(db -N "$SRC" -e 'SELECT COUNT(*) FROM customer_entity') customers,"
    echo "$(db -N "$SRC" -e 'SELECT COUNT(*) FROM catalog_product_entity') products, $(db -N "$SRC" -e 'SELECT COUNT(*) FROM sales_flat_order') orders,"
    echo "$(db -N "$SRC" -e 'SELECT COUNT(*) FROM newsletter_subscriber') subscribers. $RUNS runs of \`sync all bench -a openmage\` into an empty"
    echo "destination, each against a raw copy made just before it."
    echo
    echo "| figure | runs | median | target | |"
    echo "| --- | --- | ---: | ---: | --- |"
    ratios | row "sync all / raw copy" 2.0 max
    rate_of customer | row "customers records/s" 5000 min
    rate_of product | row "products records/s" 3000 min
    rate_of order | row "orders records/s" 2500 min
    rate_of invoice | row "invoices records/s" 7000 min
    rate_of shipment | row "shipments records/s" 7000 min
    rate_of stock | row "stock records/s" 50000 min
    rate_of newsletter | row "newsletter records/s" 30000 min
    heaps | row "peak heap MB" 512 max
    if [ "$SYNC_ONLY" = 0 ]; then
      awk -v u="$UNCHANGED_SECONDS" -v r="$(tail -1 "$OUT/runs.txt" | awk '{ print $3 }')" 'BEGIN { printf "%.2f\n", u / r }' \
        | row "unchanged re-run / raw copy" 0.5 max
    fi
    echo
    echo "Runs (sync all s / raw copy s, exit code): $(awk '{ printf "%s%s / %s (%s)", (NR > 1 ? ", " : ""), $2, $3, $4 }' "$OUT/runs.txt")."
    if [ "$SYNC_ONLY" = 0 ]; then
      echo "Unchanged re-run: $UNCHANGED_SECONDS s (against the last run's raw copy). \`verify\` afterwards: exit code"
      echo "$(awk '/^exit code:/ { print $3 }' "$OUT/verify.txt") (0: every record equal)."
    fi
  } | tee "$OUT/results.md"
  echo
  echo "Reports: $OUT"
  if [ "$KEEP" = 0 ]; then
    db -e "DROP DATABASE IF EXISTS $DST"
    [ -n "$SOURCE_DB" ] || db -e "DROP DATABASE IF EXISTS $SRC"
  fi
  exit 0
fi

db -e "DROP DATABASE IF EXISTS $SRC; DROP DATABASE IF EXISTS $DST; DROP DATABASE IF EXISTS $RAW; DROP DATABASE IF EXISTS $RES;
  DROP DATABASE IF EXISTS $ANO"
generate_shops "$DST" "$ANO"

raw_copy "$SRC"

echo "sync all $SRC -> $DST..."
start=$(now)
measured "$OUT/sync-all.txt" sync all bench -a openmage
SYNC_SECONDS=$(seconds "$start" "$(now)")
echo "  $SYNC_SECONDS s"

echo "verify $SRC against $DST..."
start=$(now)
measured "$OUT/verify.txt" verify bench
VERIFY_SECONDS=$(seconds "$start" "$(now)")
echo "  $VERIFY_SECONDS s"

echo "sync all --anonymize $SRC -> $ANO, then verify --anonymize..."
start=$(now)
DATASYNC_DEST_DB="$ANO" measured "$OUT/sync-all-anonymized.txt" sync all bench -a openmage --anonymize
ANONYMIZED_SECONDS=$(seconds "$start" "$(now)")
DATASYNC_DEST_DB="$ANO" measured "$OUT/verify-anonymized.txt" verify bench --anonymize
echo "  $ANONYMIZED_SECONDS s"

echo "Installing the tracker and making $CHANGES changes on the source..."
datasync tracker install > "$OUT/tracker.txt"
customers=$((CHANGES * 4 / 10)); products=$((CHANGES * 3 / 10)); orders=$((CHANGES * 2 / 10)); stock=$((CHANGES - customers - products - orders))
db "$SRC" -e "
  UPDATE customer_entity SET updated_at = updated_at + INTERVAL 1 SECOND ORDER BY entity_id LIMIT $customers;
  UPDATE catalog_product_entity_decimal SET value = value + 1 WHERE store_id = 0 AND attribute_id = (SELECT a.attribute_id FROM
    eav_attribute a JOIN eav_entity_type t USING (entity_type_id) WHERE t.entity_type_code = 'catalog_product' AND a.attribute_code = 'price')
    ORDER BY entity_id LIMIT $products;
  UPDATE sales_flat_order SET updated_at = updated_at + INTERVAL 1 SECOND ORDER BY entity_id LIMIT $orders;
  UPDATE cataloginventory_stock_item SET qty = qty + 1 ORDER BY product_id DESC LIMIT $stock;"
changed=$(now)
measured "$OUT/incremental.txt" incremental bench --mark-synced
INCREMENTAL_SECONDS=$(seconds "$changed" "$(now)")
PENDING=$(db -N "$SRC" -e "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 0")

# Resume: sync all into a new destination, killed with SIGKILL halfway through the orders, then the same command again
echo "sync all $SRC -> $RES, killed halfway through the orders, then run again..."
db -e "DROP DATABASE IF EXISTS $RES"
datasync generate --db-name "$RES" --layout destination --customers 0 >> "$OUT/generate.txt"
DATASYNC_DEST_DB="$RES" "$HOME_DIR/bin/datasync" sync all bench -a openmage > "$OUT/killed.txt" 2>&1 &
killed_pid=$!
KILLED_AT=0
while kill -0 "$killed_pid" 2>/dev/null; do
  KILLED_AT=$(db -N "$RES" -e "SELECT COUNT(*) FROM sales_flat_order" 2>/dev/null || echo 0)
  if [ "$KILLED_AT" -ge $((ORDERS / 2)) ]; then
    kill -9 "$killed_pid"
    break
  fi
  sleep 0.2
done
wait "$killed_pid" 2>/dev/null || true
start=$(now)
DATASYNC_DEST_DB="$RES" measured "$OUT/resumed.txt" sync all bench -a openmage
RESUMED_SECONDS=$(seconds "$start" "$(now)")
DATASYNC_DEST_DB="$RES" measured "$OUT/resumed-verify.txt" verify bench
echo "  killed at $KILLED_AT orders; the run again: $RESUMED_SECONDS s"

# The report: one line per entity from the sync report's tables
report() {
  local file="$1"
  awk '
    /^entity +read/ { table = 1; next }
    /^entity +rows written/ { table = 2; next }
    /^$/ { table = 0 }
    table == 1 && NF >= 9 { read[$1] = $2; secs[$1] = $(NF - 1); rps[$1] = $NF; order[++n] = $1 }
    table == 2 && NF == 3 { rows[$1] = $2; rowsps[$1] = $3 }
    /^peak heap:/ { heap = $3; live = $6 }
    /^peak RSS:/ { rss = $3 }
    END {
      for (i = 1; i <= n; i++) {
        e = order[i]; sub(/s$/, "", secs[e])
        printf "| %s | %s | %s | %s | %s | %s |\n", e, read[e], secs[e], rps[e], rows[e], rowsps[e]
      }
      printf "HEAP %s\nLIVE %s\nRSS %s\n", heap, live, rss
    }' "$file"
}

{
  echo "## Maho DataSync benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%d GB", $2 / 1048576 }' /proc/meminfo), $(db -N -e 'SELECT VERSION()'),"
  echo "$(java -version 2>&1 | head -1). Scale: $CUSTOMERS customers, $PRODUCTS products, $ORDERS orders, $SUBSCRIBERS subscribers."
  echo
  echo "### sync all (\`bin/datasync sync all bench -a openmage\`, heap limit 512 MB)"
  echo
  echo "| entity | records | seconds | records/s | rows written | rows/s |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  report "$OUT/sync-all.txt" | grep '^|'
  echo
  echo "Whole run: $SYNC_SECONDS s; raw copy (mariadb-dump | mariadb of the source database): $RAW_SECONDS s;"
  echo "ratio $(awk -v a="$SYNC_SECONDS" -v b="$RAW_SECONDS" 'BEGIN { printf "%.1f", a / b }'). Peak heap used $(report "$OUT/sync-all.txt" | awk '/^HEAP/ { print $2 }') MB"
  echo "($(report "$OUT/sync-all.txt" | awk '/^LIVE/ { print $2 }') MB kept after a collection), peak RSS $(report "$OUT/sync-all.txt" | awk '/^RSS/ { print $2 }') MB."
  echo
  echo "### verify (\`bin/datasync verify bench\`, heap limit 512 MB)"
  echo
  echo "| entity | source | equal | missing | differing | extra | seconds | records/s |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  awk '/^entity +source/ { t = 1; next } /^$/ { t = 0 } t && NF == 8 { sub(/s$/, "", $7); printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$OUT/verify.txt"
  echo
  echo "Whole run: $VERIFY_SECONDS s, exit code $(awk '/^exit code:/ { print $3 }' "$OUT/verify.txt") (0: every record equal)."
  echo "Peak heap used $(awk '/^peak heap:/ { print $3 }' "$OUT/verify.txt") MB"
  echo "($(awk '/^peak heap:/ { print $6 }' "$OUT/verify.txt") MB kept after a collection), peak RSS $(awk '/^peak RSS:/ { print $3 }' "$OUT/verify.txt") MB."
  echo
  echo "### sync all --anonymize (\`bin/datasync sync all bench -a openmage --anonymize\`, into another empty destination)"
  echo
  echo "| entity | records | seconds | records/s | rows written | rows/s |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  report "$OUT/sync-all-anonymized.txt" | grep '^|'
  echo
  echo "Whole run: $ANONYMIZED_SECONDS s against $SYNC_SECONDS s without --anonymize in the same run:"
  echo "$(awk -v a="$ANONYMIZED_SECONDS" -v b="$SYNC_SECONDS" 'BEGIN { printf "%+.0f", 100 * (a - b) / b }')% (raw copy $RAW_SECONDS s: ratio $(awk -v a="$ANONYMIZED_SECONDS" -v b="$RAW_SECONDS" 'BEGIN { printf "%.1f", a / b }')). Peak heap used $(report "$OUT/sync-all-anonymized.txt" | awk '/^HEAP/ { print $2 }') MB."
  echo "\`verify bench --anonymize\` afterwards: exit code $(awk '/^exit code:/ { print $3 }' "$OUT/verify-anonymized.txt") (0: every record equal and no source value"
  echo "of an anonymized field on the destination); $(grep -o 'Personal data:.*' "$OUT/verify-anonymized.txt" | head -1)"
  echo
  echo "### incremental (\`bin/datasync incremental bench --mark-synced\`) after $CHANGES changes"
  echo
  echo "| entity | records | seconds | records/s | rows written | rows/s |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  report "$OUT/incremental.txt" | grep '^|'
  echo
  echo "From the last change on the source to the destination committed and acknowledged: $INCREMENTAL_SECONDS s"
  echo "(includes starting the JVM); changes still pending afterwards: $PENDING. Peak heap used"
  echo "$(report "$OUT/incremental.txt" | awk '/^HEAP/ { print $2 }') MB, peak RSS $(report "$OUT/incremental.txt" | awk '/^RSS/ { print $2 }') MB."
  echo
  echo "### resume (\`sync all\` killed with SIGKILL halfway through the orders, then the same command again)"
  echo
  echo "| entity | records | seconds | records/s | rows written | rows/s |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  report "$OUT/resumed.txt" | grep '^|' | awk -F'|' '$3 + 0 > 0'
  echo
  echo "Killed when the destination held $KILLED_AT of $ORDERS orders. The run again: $RESUMED_SECONDS s, exit code"
  echo "$(awk '/^exit code:/ { print $3 }' "$OUT/resumed.txt"), $(awk -v a="$RESUMED_SECONDS" -v b="$SYNC_SECONDS" 'BEGIN { printf "%.0f", 100 * a / b }')% of the uninterrupted \`sync all\` ($SYNC_SECONDS s);"
  echo "verify afterwards: exit code $(awk '/^exit code:/ { print $3 }' "$OUT/resumed-verify.txt") (0: every record equal)."
} | tee "$OUT/results.md"

echo
echo "Reports: $OUT"
if [ "$KEEP" = 0 ]; then
  db -e "DROP DATABASE IF EXISTS $SRC; DROP DATABASE IF EXISTS $DST; DROP DATABASE IF EXISTS $RAW; DROP DATABASE IF EXISTS $RES;
    DROP DATABASE IF EXISTS $ANO"
fi
