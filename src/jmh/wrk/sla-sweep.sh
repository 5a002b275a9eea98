#!/usr/bin/env bash
# The SLA sweep benchmark of README "Benchmarks": N open hand-offs past respondBy (100,000 by default) are written
# straight into an empty store, then one sweep breaches and escalates them all (2 events, 1 transition each), and a
# second sweep finds nothing left to do. Prints the time of each sweep as the service reports it.
#
#   ./mvnw package -DskipTests                                  # H2 jar
#   src/jmh/wrk/sla-sweep.sh h2 target/quarkus-app
#   ./mvnw package -DskipTests -Dquarkus.profile=postgres       # PostgreSQL jar
#   src/jmh/wrk/sla-sweep.sh postgresql target/quarkus-app      # schema lq_sweep in PG_URL's database
#
# Needs psql for PostgreSQL. Settings: HANDOFFS (100000), PORT (18091), PG_URL (jdbc:postgresql://127.0.0.1:5432/test).
set -euo pipefail
store=${1:?h2 or postgresql}
app=$(cd "${2:?the quarkus-app directory of a packaged build}" && pwd)
project=$(cd "$(dirname "$0")/../../.." && pwd)
count=${HANDOFFS:-100000}
port=${PORT:-18091}
pg_url=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
work=$(mktemp -d)
env=(LEAD_QUALIFIER_POLICY_DIR="$project" PORT="$port" LEAD_QUALIFIER_SLA_SWEEP_EVERY=off)
if [ "$store" = postgresql ]; then
  db=${pg_url##*/}; db=${db%%\?*}
  psql -q -h 127.0.0.1 -U postgres -d "$db" -c "drop schema if exists lq_sweep cascade; create schema lq_sweep"
  env+=(POSTGRES_URL="$pg_url?currentSchema=lq_sweep")
fi

start() {
  (cd "$work" && env "${env[@]}" java -Xmx1g -Dlead-qualifier.policy.watch=false -jar "$app/quarkus-run.jar" >>"$work/service.log" 2>&1) &
  until curl -sf "localhost:$port/q/health/ready" >/dev/null; do sleep 0.2; done
  pid=$(pgrep -f "$app/quarkus-run.jar" | head -1)
}
stop() {
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}
trap 'kill $pid 2>/dev/null || true' EXIT

start   # creates the schema
stop
fill="
insert into lead_state (lead_id, status, stage, route, source, handoff_id, recycle_count, first_seen_at, changed_at)
  select 'sweep-' || x, 'HANDED_OFF', 'MQL', 'SDR', 'WEBSITE', 'h-' || x, 0, current_timestamp, current_timestamp from RANGE;
insert into handoff (id, lead_id, stage, queue, assignee, turn, opened_at, respond_by, escalate_to, recycle_at)
  select 'h-' || x, 'sweep-' || x, 'MQL', 'SDR', 'camille.durand', x, current_timestamp - interval '2' day,
         current_timestamp - interval '1' hour, 'SDR_MANAGER', current_timestamp + interval '30' day from RANGE;"
if [ "$store" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -d "$db" -c "set search_path = lq_sweep; ${fill//RANGE/generate_series(1, $count) as g(x)}"
else
  h2=$(ls "$app"/lib/main/com.h2database.h2-*.jar)
  java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/lead-qualifier" -user sa \
    -sql "${fill//RANGE/system_range(1, $count) as r(x)}" >/dev/null
fi
start
admin=$(grep '^admin=' "$work/data/credentials.properties" | cut -d= -f2)
echo "store $store: $count open hand-offs past respondBy"
echo "first sweep:  $(curl -s -u "admin:$admin" -X POST "localhost:$port/api/v1/sla/sweep")"
echo "second sweep: $(curl -s -u "admin:$admin" -X POST "localhost:$port/api/v1/sla/sweep")"
auditor=$(grep '^auditor=' "$work/data/credentials.properties" | cut -d= -f2)
echo "lifecycle chain: $(curl -s -u "auditor:$auditor" "localhost:$port/api/v1/audit/lifecycle/verify" | cut -c1-120)"
stop
rm -rf "$work"
