#!/usr/bin/env bash
# Times the first XLSX export after a start (issue 21's cold export): a year of daily sales, as
# GET /api/reports/sales/export?format=xlsx&group=day, three times in a row (the first is the cold one), with
# the CPU Payara spent on each when PAYARA_PID is given. Run it right after the server answers its readiness
# check and before anything else exports.
# Usage: first-export.sh BASE_URL [PAYARA_PID]   (BASE_URL: the plain HTTP root, e.g. http://localhost:24080)
set -euo pipefail
base=${1:?base url}; pid=${2:-}
token=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"admin@cuadra.demo","password":"Admin-Cuadra-2026!"}' \
  "$base/api/auth/login" | jq -r .accessToken)
to=$(date -u +%F); from=$(date -u -d '1 year ago' +%F)
cpu() { [ -n "$pid" ] && awk '{print $14 + $15}' "/proc/$pid/stat" || echo 0; }
for run in 1 2 3; do
  before=$(cpu)
  out=$(curl -s -o /tmp/first-export-$$.xlsx -w '%{http_code} %{time_total} %{size_download}' \
    -H "Authorization: Bearer $token" "$base/api/reports/sales/export?format=xlsx&group=day&from=$from&to=$to")
  after=$(cpu)
  read -r status seconds size <<<"$out"
  printf 'export %d: HTTP %s, %.0f ms, %s bytes, Payara CPU %s ms (load average %s)\n' "$run" "$status" \
    "$(echo "$seconds * 1000" | bc -l)" "$size" "$(( (after - before) * 10 ))" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -f /tmp/first-export-$$.xlsx
