#!/usr/bin/env bash
# The write-path benchmark of README "Benchmarks": starts the packaged service on an empty store, warms it up
# with qualify load, then measures in one run /q/health/live and POST /api/v1/qualify at 16 connections and
# qualify at 1 connection (wrk on loopback), and reports bytes per decision on disk, start-up time and RSS.
#
#   ./mvnw package -DskipTests                                  # H2 jar
#   src/jmh/wrk/write-path.sh h2 target/quarkus-app
#   ./mvnw package -DskipTests -Dquarkus.profile=postgres       # PostgreSQL jar
#   src/jmh/wrk/write-path.sh postgresql target/quarkus-app     # schema lq_bench in PG_URL's database
#
# Needs wrk (Debian: apt-get install wrk) and, for PostgreSQL, psql. Settings: WARMUP (45s), MEASURE (30s),
# PORT (18090), PG_URL (jdbc:postgresql://127.0.0.1:5432/test), H2_FLUSH (SYNC or WRITE), JAVA_OPTS (-Xmx512m).
set -euo pipefail
store=${1:?h2 or postgresql}
app=$(cd "${2:?the quarkus-app directory of a packaged build}" && pwd)
project=$(cd "$(dirname "$0")/../../.." && pwd)
script="$project/src/jmh/wrk/qualify.lua"
port=${PORT:-18090}
warmup=${WARMUP:-45s}
measure=${MEASURE:-30s}
pg_url=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
work=$(mktemp -d)
log="$work/service.log"
env=(LEAD_QUALIFIER_POLICY_DIR="$project" PORT="$port" LEAD_QUALIFIER_H2_FLUSH="${H2_FLUSH:-SYNC}")
if [ "$store" = postgresql ]; then
  db=${pg_url##*/}; db=${db%%\?*}
  psql -q -h 127.0.0.1 -U postgres -d "$db" -c "drop schema if exists lq_bench cascade; create schema lq_bench"
  env+=(POSTGRES_URL="$pg_url?currentSchema=lq_bench")
fi

started=$(date +%s.%N)
(cd "$work" && env "${env[@]}" java ${JAVA_OPTS:--Xmx512m} -Dlead-qualifier.policy.watch=false -jar "$app/quarkus-run.jar" >"$log" 2>&1) &
pid=
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "localhost:$port/q/health/ready" >/dev/null; do sleep 0.2; done
ready=$(date +%s.%N)
pid=$(pgrep -f "$app/quarkus-run.jar" | head -1)
secret() { grep "^$1=" "$work/data/credentials.properties" | cut -d= -f2; }
crm=$(secret crm)
auditor=$(secret auditor)
echo "store $store; ready in $(echo "$ready - $started" | bc) s ($(grep -o 'started in [0-9.]*s' "$log" | head -1))"

decisions() { curl -s -u "auditor:$auditor" "localhost:$port/api/v1/audit/verify" | grep -o '"checked":[0-9]*' | cut -d: -f2; }
rss() { echo "$(( $(ps -o rss= -p "$pid") / 1024 )) MiB"; }

wrk -t2 -c16 -d"$warmup" -s "$script" "http://127.0.0.1:$port" -- "$crm" >/dev/null
echo "after warm-up: $(decisions) decisions, RSS $(rss)"
echo "--- /q/health/live, 16 connections, $measure"
wrk -t2 -c16 -d"$measure" --latency "http://127.0.0.1:$port/q/health/live" | grep -E "Requests/sec|99%|50%|Non-2xx|Socket errors" || true
echo "--- POST /api/v1/qualify, 16 connections, $measure"
wrk -t2 -c16 -d"$measure" -s "$script" "http://127.0.0.1:$port" -- "$crm" | grep -E "Requests/sec|p50|requests|Non-2xx|Socket errors" || true
echo "--- POST /api/v1/qualify, 1 connection, $measure"
wrk -t1 -c1 -d"$measure" -s "$script" "http://127.0.0.1:$port" -- "$crm" | grep -E "Requests/sec|p50|requests|Non-2xx" || true

count=$(decisions)
echo "decisions recorded: $count; RSS $(rss)"
curl -s -u "admin:$(secret admin)" "localhost:$port/q/metrics" | grep -E '^leadqualifier_decisions_group_size(_max| ?\{quantile)' || true
if [ "$store" = h2 ]; then
  bytes=$(stat -c %s "$work"/data/lead-qualifier.mv.db)
else
  bytes=$(psql -tA -h 127.0.0.1 -U postgres -d "$db" -c "select sum(pg_total_relation_size(c.oid)) from pg_class c
    join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'lq_bench' and c.relkind in ('r', 't', 'm')")
fi
echo "store size: $bytes bytes, $(( bytes / count )) bytes per decision"
echo "verify: $(curl -s -u "auditor:$auditor" "localhost:$port/api/v1/audit/verify" | cut -c1-120)"
