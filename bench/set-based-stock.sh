#!/usr/bin/env bash
# What a set-based stock write would cost, against `sync stock` on the same shops: the experiment behind
# "Set-based stock and subscribers" in bench/README.md.
#
#   bench/set-based-stock.sh SOURCE_DB DESTINATION_DB [SOURCE_NAME]
#       a destination `sync all SOURCE_NAME` has filled (default bench: bench_src and bench_dst after bench/run.sh --keep)
#
# Both ways start from a destination without stock items (its items and their registry rows are deleted first):
#   1. `datasync sync stock`: the per-record path, its records/s as the report gives it;
#   2. set-based: the source's items read with their sku (the page a job reads), sent as multi-row inserts into a
#      temporary table on the destination, then one INSERT ... SELECT joining it to the products by sku, and one
#      INSERT ... SELECT of the registry rows; timed end to end in one session.
# The destination's MariaDB: DATASYNC_DEST_HOST, _PORT, _USER, _PASS (default 127.0.0.1:3306, root, no password); the
# source is read on the same server.
set -euo pipefail

HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="${1:?source database}"
DST="${2:?destination database}"
NAME="${3:-bench}"
VAR="DATASYNC_$(echo "$NAME" | tr '[:lower:]-' '[:upper:]_')"
HOST="${DATASYNC_DEST_HOST:-127.0.0.1}"
PORT="${DATASYNC_DEST_PORT:-3306}"
USER_NAME="${DATASYNC_DEST_USER:-root}"
PASS="${DATASYNC_DEST_PASS:-}"
db() { MYSQL_PWD="$PASS" mariadb -h "$HOST" -P "$PORT" -u "$USER_NAME" "$@"; }
now() { date +%s.%N; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

empty_stock() {
  db "$DST" -e "DELETE FROM cataloginventory_stock_item; DELETE FROM datasync_entity_registry WHERE entity_type = 'stock'"
}

COLUMNS=$(db -N "$SRC" -e "SELECT GROUP_CONCAT(column_name ORDER BY ordinal_position) FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'cataloginventory_stock_item' AND column_name NOT IN ('item_id', 'product_id')")
ITEMS=$(db -N "$SRC" -e "SELECT COUNT(*) FROM cataloginventory_stock_item")

echo "1. sync stock (per record), $ITEMS items"
empty_stock
export DATASYNC_DEST_HOST="$HOST" DATASYNC_DEST_PORT="$PORT" DATASYNC_DEST_USER="$USER_NAME" DATASYNC_DEST_PASS="$PASS" \
  DATASYNC_DEST_DB="$DST" "${VAR}_HOST=$HOST" "${VAR}_PORT=$PORT" "${VAR}_USER=$USER_NAME" "${VAR}_PASS=$PASS" "${VAR}_DB=$SRC"
"$HOME_DIR/bin/datasync" sync stock "$NAME" -a openmage > "$WORK/sync.txt"
grep -E '^stock ' "$WORK/sync.txt"

echo "2. set-based, $ITEMS items"
empty_stock
start=$(now)
# the source's page: each item with its product's sku, as multi-row inserts of 500 (a job's batch)
db -N -B "$SRC" -e "SELECT CONCAT('(', s.item_id, ',', QUOTE(p.sku), ',', CONCAT_WS(',', $(echo "$COLUMNS" \
  | sed 's/\([a-z_][a-z_]*\)/IFNULL(QUOTE(s.\1),'"'"'NULL'"'"')/g')), ')')
  FROM cataloginventory_stock_item s JOIN catalog_product_entity p ON p.entity_id = s.product_id ORDER BY s.item_id" \
  | awk -v cols="source_id,sku,$COLUMNS" 'NR % 500 == 1 { if (NR > 1) print ";"; printf "INSERT INTO staged (%s) VALUES %s", cols, $0; next }
      { printf ",%s", $0 } END { print ";" }' > "$WORK/staged.sql"
read_done=$(now)
{
  echo "CREATE TEMPORARY TABLE staged LIKE cataloginventory_stock_item;"
  echo "ALTER TABLE staged DROP PRIMARY KEY, DROP KEY UNQ_CATALOGINVENTORY_STOCK_ITEM_PRODUCT_ID_STOCK_ID,"
  echo "  DROP KEY IDX_CATALOGINVENTORY_STOCK_ITEM_PRODUCT_ID, DROP KEY IDX_CATALOGINVENTORY_STOCK_ITEM_STOCK_ID,"
  echo "  DROP COLUMN item_id, DROP COLUMN product_id, ADD source_id INT UNSIGNED NOT NULL FIRST,"
  echo "  ADD sku VARCHAR(64) NOT NULL AFTER source_id, ADD KEY (sku);"
  echo "SET @t0 = NOW(6);"
  echo "START TRANSACTION;"
  cat "$WORK/staged.sql"
  echo "SET @t1 = NOW(6);"
  echo "INSERT INTO cataloginventory_stock_item (product_id,$COLUMNS) SELECT p.entity_id,$(echo "$COLUMNS" | sed 's/\([a-z_][a-z_]*\)/s.\1/g')"
  echo "  FROM staged s JOIN catalog_product_entity p ON p.sku = s.sku"
  echo "  ON DUPLICATE KEY UPDATE $(echo "$COLUMNS" | tr ',' '\n' | grep -v '^stock_id$' | sed 's/.*/&=VALUES(&)/' | paste -sd,);"
  echo "SET @t2 = NOW(6);"
  echo "INSERT INTO datasync_entity_registry (source_system, entity_type, source_id, target_id, external_ref, synced_at)"
  echo "  SELECT '$NAME', 'stock', s.source_id, i.item_id, CONCAT(LOWER(p.sku), '|', s.stock_id), NOW() FROM staged s"
  echo "  JOIN catalog_product_entity p ON p.sku = s.sku JOIN cataloginventory_stock_item i ON i.product_id = p.entity_id"
  echo "  AND i.stock_id = s.stock_id ON DUPLICATE KEY UPDATE target_id = VALUES(target_id), synced_at = VALUES(synced_at);"
  echo "COMMIT;"
  echo "SELECT ROUND(TIMESTAMPDIFF(MICROSECOND, @t0, @t1) / 1e6, 2) AS staged_s,"
  echo "  ROUND(TIMESTAMPDIFF(MICROSECOND, @t1, @t2) / 1e6, 2) AS items_s,"
  echo "  ROUND(TIMESTAMPDIFF(MICROSECOND, @t2, NOW(6)) / 1e6, 2) AS registry_s;"
} > "$WORK/set-based.sql"
db "$DST" < "$WORK/set-based.sql"
end=$(now)
written=$(db -N "$DST" -e "SELECT COUNT(*) FROM cataloginventory_stock_item")
awk -v a="$start" -v b="$read_done" -v c="$end" -v n="$ITEMS" -v w="$written" 'BEGIN {
  printf "read %.2f s, written %.2f s, in all %.2f s: %d records/s (%d items on the destination)\n", b - a, c - b, c - a, n / (c - a), w }'
