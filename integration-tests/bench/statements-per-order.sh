#!/usr/bin/env bash
# Counts the SQL statements one counter sale costs: POST /api/orders with 3 lines paid by Yape + cash, with
# PostgreSQL logging every statement (log_statement=all, each line prefixed by its backend and virtual
# transaction) for the few seconds around it; then prints the statements per transaction of that window.
# Usage: statements-per-order.sh BASE_URL PG_PORT LOG
#   BASE_URL  the server's plain HTTP root (e.g. http://localhost:35080/cuadra or http://localhost:25080)
#   PG_PORT   its PostgreSQL (superuser postgres/postgres, the embedded one of the tests or the run command)
#   LOG       that PostgreSQL's log file, or its log directory (the newest file is read): for an Arquillian run
#             started with -Dcuadra.it.pg.logging_collector=on, integration-tests/target/it-pgdata/log
# Background work (outbox pollers, timers) also shows up: each transaction is printed with its statements so
# the order's own transaction and its deliveries are told apart by reading them.
set -euo pipefail
base=${1:?base url}; port=${2:?pg port}; log=${3:?log file or directory}
if [ -d "$log" ]; then log=$(ls -t "$log"/*.log | head -1); fi
psqlc() { local args=(); for sql in "$@"; do args+=(-c "$sql"); done
  PGPASSWORD=postgres psql -h localhost -p "$port" -U postgres -d cuadra -qtA "${args[@]}"; }
token=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"admin@cuadra.demo","password":"Admin-Cuadra-2026!"}' \
  "$base/api/auth/login" | jq -r .accessToken)
auth=(-H "Authorization: Bearer $token")
location=$(curl -sf "${auth[@]}" "$base/api/locations" | jq '[.[] | select(.active != false)][0].id')
items=$(curl -sf "${auth[@]}" "$base/api/catalog/items?type=SERVICE&active=true&size=50" | jq -c '.items[0:3]')
lines=$(jq -c '[.[] | {itemId: .id, quantity: 1}]' <<<"$items")
total=$(jq -r '[.[] | .price | tonumber] | add' <<<"$items")
cash=$(python3 -c "import math; print('%.2f' % (math.ceil($total)))")
sale() { echo "{\"locationId\":$location,\"channel\":\"COUNTER\",\"lines\":$lines,\"payments\":[{\"methodCode\":\"YAPE\",\"amount\":\"10.00\",\"reference\":\"$1\"},{\"methodCode\":\"EFECTIVO\",\"amount\":\"$cash\"}]}"; }
ref="SPO-$RANDOM$RANDOM"
# one warm-up sale so that caches and prepared statements are those of a running server
curl -sf -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -H "Idempotency-Key: spo-warm-$RANDOM$RANDOM" -d "$(sale "SPW-$RANDOM$RANDOM")" "$base/api/orders"
sleep 3
psqlc "alter system set log_line_prefix = 'SPO %p %v '" "alter system set log_statement = 'all'" "select pg_reload_conf()" >/dev/null
sleep 1
start=$(wc -l < "$log")
status=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: spo-$RANDOM$RANDOM" -d "$(sale "$ref")" "$base/api/orders")
sleep 5   # the invoice's delivery to SUNAT runs after commit
psqlc "alter system reset log_statement" "alter system reset log_line_prefix" "select pg_reload_conf()" >/dev/null
echo "POST /api/orders answered $status"
# the order's own transaction is the one whose parameters carry the Yape reference of this sale
tail -n +"$start" "$log" | grep -ao 'SPO [0-9]* [0-9/]* *\(LOG\|DETAIL\):  .*' \
  | grep -av 'pg_reload_conf\|alter system' \
  | sed -E 's/^SPO ([0-9]+) ([0-9/]*) *(LOG|DETAIL): +/\1 \2\t\3\t/' \
  | awk -F'\t' -v ref="$ref" '$2 == "DETAIL" {if (index($3, ref) && last != "") mine[last] = 1; next}
         {key=$1; t=$3; last=key; if (!(key in n)) {order[++k]=key; n[key]=0}
         if (t !~ /^(execute [^:]*|statement): /) next
         if (t ~ /^(execute [^:]*|statement): (BEGIN|COMMIT|ROLLBACK)/) {tx[key]++; next}
         n[key]++; text[key]=text[key] "\n    " substr(t,1,170)}
         END {total=0; for (i=1;i<=k;i++) {key=order[i]; total+=n[key]; if (key in mine) own=n[key]
                printf "backend/transaction %s%s: %d statements (+%d BEGIN/COMMIT)%s\n", key, (key in mine) ? " [THE ORDER]" : "", n[key], tx[key], text[key]}
              printf "TOTAL %d statements in %d transactions in the window; the order'"'"'s own transaction: %d\n", total, k, own}'
