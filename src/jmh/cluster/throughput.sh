#!/usr/bin/env bash
# Qualify throughput with 1, 2 and 3 instances on one PostgreSQL, in one run, with the same load generator: three
# packaged instances (built for PostgreSQL) on one fresh schema (lq_cluster_bench), HAProxy in front, and wrk on
# loopback through it with 1, then 2, then 3 backends enabled (45 s warm-up first, as for write-path.sh).
#
#   ./mvnw package -DskipTests -Ppostgresql && src/jmh/cluster/throughput.sh target/quarkus-app
#
# Needs wrk, haproxy and psql (Debian packages). Settings: WARMUP (45s), MEASURE (30s), CONNECTIONS (16),
# PG_URL (jdbc:postgresql://127.0.0.1:5432/test).
set -euo pipefail
app=$(cd "${1:?the quarkus-app directory of a PostgreSQL build}" && pwd)
project=$(cd "$(dirname "$0")/../../.." && pwd)
script="$project/src/jmh/wrk/qualify.lua"
warmup=${WARMUP:-45s}
measure=${MEASURE:-30s}
connections=${CONNECTIONS:-16}
pg_url=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
db=${pg_url##*/}; db=${db%%\?*}
work=$(mktemp -d)
mkdir -p "$work/policy" && cp -r "$project/rules" "$project/decision-tables" "$work/policy/"
psql -q -h 127.0.0.1 -U postgres -d "$db" -c "drop schema if exists lq_cluster_bench cascade; create schema lq_cluster_bench"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
launch() { # instance number, port
  mkdir -p "$work/i$1"
  (cd "$work/i$1" && exec env POSTGRES_URL="$pg_url?currentSchema=lq_cluster_bench" PORT="$2" \
    LEAD_QUALIFIER_POLICY_DIR="$work/policy" LEAD_QUALIFIER_CREDENTIALS_FILE="$work/credentials.properties" \
    java -Xmx512m -Dlead-qualifier.policy.watch=false -jar "$app/quarkus-run.jar" >"$work/i$1.log" 2>&1) &
  pids+=($!)
}
ready() { until curl -sf "localhost:$1/q/health/ready" >/dev/null; do sleep 0.3; done; }
ports=(18101 18102 18103)
launch 1 "${ports[0]}"; ready "${ports[0]}"   # creates the schema and the credentials the others read
launch 2 "${ports[1]}"; launch 3 "${ports[2]}"; ready "${ports[1]}"; ready "${ports[2]}"
crm=$(grep '^crm=' "$work/credentials.properties" | cut -d= -f2)
lb() { # number of backends
  [ -n "${hap:-}" ] && kill "$hap" 2>/dev/null && wait "$hap" 2>/dev/null || true
  { printf 'global\n  maxconn 512\ndefaults\n  mode http\n  timeout connect 2s\n  timeout client 60s\n  timeout server 60s\n'
    printf 'frontend f\n  bind 127.0.0.1:18100\n  default_backend b\nbackend b\n  balance roundrobin\n'
    for i in $(seq 1 "$1"); do printf '  server s%d 127.0.0.1:%s\n' "$i" "${ports[$((i-1))]}"; done; } >"$work/haproxy.cfg"
  haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 & hap=$!
  until curl -sf localhost:18100/q/health/ready >/dev/null; do sleep 0.2; done
}
lb 3
echo "warm-up: $warmup at $connections connections through HAProxy, 3 instances"
wrk -t2 -c"$connections" -d"$warmup" -s "$script" http://127.0.0.1:18100 -- "$crm" >/dev/null
for n in 1 2 3; do
  lb "$n"
  echo "--- $n instance(s), POST /api/v1/qualify, $connections connections, $measure"
  wrk -t2 -c"$connections" -d"$measure" -s "$script" http://127.0.0.1:18100 -- "$crm" | grep -E "Requests/sec|p50|requests|Non-2xx|Socket errors" || true
done
kill "$hap"
