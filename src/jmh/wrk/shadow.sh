#!/usr/bin/env bash
# Qualify throughput with and without a shadow policy attached, in one run (README "Shadow policies"): starts the
# packaged service on an empty store, warms it up with qualify load, then alternates ROUNDS times: qualify at
# 16 connections with no shadow, then with the shadow attached (wrk on loopback, src/jmh/wrk/qualify.lua).
# Reports req/s of each measurement, the ratio with/without, and the shadow's evaluated/dropped/failed counts.
#
#   ./mvnw package -DskipTests
#   src/jmh/wrk/shadow.sh h2 target/quarkus-app
#   SHADOW_FILE=/path/to/stage-thresholds.xlsx src/jmh/wrk/shadow.sh h2 target/quarkus-app   # a disagreeing shadow
#
# The shadow is the serving version attached again (same rules, every decision agrees) unless SHADOW_FILE names a
# changed policy file, laid over the serving ones as PUT /api/v1/policy/shadow does. Needs wrk and, for PostgreSQL,
# psql. Settings: WARMUP (45s), MEASURE (30s), ROUNDS (2), CONNECTIONS (16), PORT (18091),
# PG_URL (jdbc:postgresql://127.0.0.1:5432/test; schema lq_bench_shadow), H2_FLUSH (SYNC or WRITE),
# JAVA_OPTS (-Xmx512m).
set -euo pipefail
port=${PORT:-18091}
warmup=${WARMUP:-45s}
measure=${MEASURE:-30s}
rounds=${ROUNDS:-2}
connections=${CONNECTIONS:-16}
# shellcheck source=service.sh
. "$(dirname "$0")/service.sh"
start_service "${1:-}" "${2:-}" lq_bench_shadow
crm=$(secret crm)
revops=$(secret revops)
api="http://127.0.0.1:$port/api/v1/policy"

attach() {
  if [ -n "${SHADOW_FILE:-}" ]; then
    curl -sf -u "revops:$revops" -X PUT -F "file=@$SHADOW_FILE" "$api/shadow" >/dev/null
  else
    curl -sf -u "revops:$revops" -X PUT -F "version=$(curl -s -u "revops:$revops" "$api" | grep -o '"version":"[^"]*"' | cut -d'"' -f4)" \
      "$api/shadow" >/dev/null
  fi
}
detach() { curl -sf -u "revops:$revops" -X DELETE "$api/shadow"; }
qualify() {
  wrk -t2 -c"$connections" -d"$measure" -s "$script" "http://127.0.0.1:$port" -- "$crm" \
    | tee "$work/wrk.out" | grep -E "Non-2xx|Socket errors" >&2 || true
  grep "Requests/sec" "$work/wrk.out" | awk '{print $2}'
}

echo "store $store; shadow: ${SHADOW_FILE:-the serving version}; warm-up $warmup (half without, half with the shadow)"
half=$(( ${warmup%s} / 2 ))s
wrk -t2 -c"$connections" -d"$half" -s "$script" "http://127.0.0.1:$port" -- "$crm" >/dev/null
attach
wrk -t2 -c"$connections" -d"$half" -s "$script" "http://127.0.0.1:$port" -- "$crm" >/dev/null
detach
without_total=0; with_total=0
for round in $(seq 1 "$rounds"); do
  without=$(qualify)
  attach
  with=$(qualify)
  agreement=$(curl -s -u "revops:$revops" "$api/shadow" | grep -o '"agreement":{"since":"[^"]*","evaluated":[0-9]*,"dropped":[0-9]*,"failed":[0-9]*' \
    | sed 's/"agreement":{//')
  detach
  echo "round $round: qualify at $connections connections, $measure each: without shadow $without req/s, with $with req/s" \
    "($(echo "scale=1; 100 * $with / $without" | bc) %); shadow $agreement"
  without_total=$(echo "$without_total + $without" | bc); with_total=$(echo "$with_total + $with" | bc)
done
echo "all rounds: with the shadow at $(echo "scale=1; 100 * $with_total / $without_total" | bc) % of the throughput without (target ≥ 90 %)"
