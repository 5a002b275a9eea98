#!/usr/bin/env bash
# How the store and the process grow with the decisions recorded (README "Benchmarks", the write path): starts the
# packaged service on an empty store, reports start-up time, then qualifies at 16 connections (wrk, loopback) in
# rounds of ROUND seconds until TARGET decisions are recorded, printing after each round the decisions recorded, the
# store's size and bytes per decision (H2: the file while running; PostgreSQL: tables, indexes and TOAST) and RSS.
#
#   ./mvnw package -DskipTests && src/jmh/wrk/growth.sh h2 target/quarkus-app
#   ./mvnw package -DskipTests -Dquarkus.profile=postgres && src/jmh/wrk/growth.sh postgresql target/quarkus-app
#
# Needs wrk and, for PostgreSQL, psql. Settings: TARGET (100000), ROUND (5s), PORT (18092),
# PG_URL (jdbc:postgresql://127.0.0.1:5432/test; schema lq_growth), JAVA_OPTS (-Xmx512m),
# H2_FLUSH (SYNC or WRITE).
set -euo pipefail
target=${TARGET:-100000}
round=${ROUND:-5s}
port=${PORT:-18092}
# shellcheck source=service.sh
. "$(dirname "$0")/service.sh"
start_service "${1:-}" "${2:-}" lq_growth
crm=$(secret crm)
admin=$(secret admin)
echo "store $store; ready in $(echo "$ready - $started" | bc) s; RSS $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"

# Decisions recorded, from the counter of answered decisions (one per stage).
decisions() {
  curl -s -u "admin:$admin" "localhost:$port/q/metrics" | awk '/^leadqualifier_decisions_total/ { n += $NF } END { printf "%d", n }'
}

printf '%10s %14s %10s %9s\n' decisions "store bytes" "B/decision" "RSS MiB"
count=0
while [ "$count" -lt "$target" ]; do
  wrk -t2 -c16 -d"$round" -s "$script" "http://127.0.0.1:$port" -- "$crm" >/dev/null
  count=$(decisions)
  bytes=$(store_bytes)
  printf '%10d %14d %10d %9d\n' "$count" "$bytes" $(( bytes / count )) $(( $(ps -o rss= -p "$pid") / 1024 ))
done
