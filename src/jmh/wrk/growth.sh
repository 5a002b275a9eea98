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
# PG_URL (jdbc:postgresql://127.0.0.1:5432/test; schema lq_growth), JAVA_OPTS (-Xmx512m).
set -euo pipefail
store=${1:?h2 or postgresql}
app=$(cd "${2:?the quarkus-app directory of a packaged build}" && pwd)
project=$(cd "$(dirname "$0")/../../.." && pwd)
target=${TARGET:-100000}
round=${ROUND:-5s}
port=${PORT:-18092}
pg_url=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
work=$(mktemp -d)
env=(LEAD_QUALIFIER_POLICY_DIR="$project" PORT="$port")
if [ "$store" = postgresql ]; then
  db=${pg_url##*/}; db=${db%%\?*}
  psql -q -h 127.0.0.1 -U postgres -d "$db" -c "drop schema if exists lq_growth cascade; create schema lq_growth"
  env+=(POSTGRES_URL="$pg_url?currentSchema=lq_growth")
fi

started=$(date +%s.%N)
(cd "$work" && env "${env[@]}" java ${JAVA_OPTS:--Xmx512m} -Dlead-qualifier.policy.watch=false -jar "$app/quarkus-run.jar" >"$work/service.log" 2>&1) &
pid=
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "localhost:$port/q/health/ready" >/dev/null; do sleep 0.2; done
ready=$(date +%s.%N)
pid=$(pgrep -f "$app/quarkus-run.jar" | head -1)
secret() { grep "^$1=" "$work/data/credentials.properties" | cut -d= -f2; }
crm=$(secret crm)
admin=$(secret admin)
echo "store $store; ready in $(echo "$ready - $started" | bc) s; RSS $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"

# Decisions recorded, from the counter of answered decisions (one per stage).
decisions() {
  curl -s -u "admin:$admin" "localhost:$port/q/metrics" | awk '/^leadqualifier_decisions_total/ { n += $NF } END { printf "%d", n }'
}
size() {
  if [ "$store" = h2 ]; then
    stat -c %s "$work"/data/lead-qualifier.mv.db
  else
    psql -tA -h 127.0.0.1 -U postgres -d "$db" -c "select sum(pg_total_relation_size(c.oid)) from pg_class c
      join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'lq_growth' and c.relkind in ('r', 't', 'm')"
  fi
}

printf '%10s %14s %10s %9s\n' decisions "store bytes" "B/decision" "RSS MiB"
count=0
while [ "$count" -lt "$target" ]; do
  wrk -t2 -c16 -d"$round" -s "$project/src/jmh/wrk/qualify.lua" "http://127.0.0.1:$port" -- "$crm" >/dev/null
  count=$(decisions)
  bytes=$(size)
  printf '%10d %14d %10d %9d\n' "$count" "$bytes" $(( bytes / count )) $(( $(ps -o rss= -p "$pid") / 1024 ))
done
