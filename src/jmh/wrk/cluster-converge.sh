#!/usr/bin/env bash
# Several instances on one PostgreSQL (README "Running several instances"): starts INSTANCES packaged instances on
# one schema (lq_cluster in PG_URL's database), makes CHANGES policy changes through the API of the first (an
# upload of rules/assessment.drl with one more comment line each time) and times, for every other instance, how long
# after the upload was answered it serves the new version (p50 and max over all changes and instances). Then it
# kills (SIGKILL) the instance that ran the latest SLA sweep (a sweep a second) and times how long until another
# instance sweeps.
#
#   ./mvnw package -DskipTests -Dquarkus.profile=postgres       # the PostgreSQL jar
#   src/jmh/wrk/cluster-converge.sh target/quarkus-app
#
# Needs psql, curl. Settings: INSTANCES (3), CHANGES (50), PORT (18101: the first; the next ones follow),
# PG_URL (jdbc:postgresql://127.0.0.1:5432/test), CHECKIN (Quartz's cluster check-in interval, 5s).
set -euo pipefail
app=$(cd "${1:?the quarkus-app directory of a PostgreSQL build}" && pwd)
project=$(cd "$(dirname "$0")/../../.." && pwd)
instances=${INSTANCES:-3}
changes=${CHANGES:-50}
base=${PORT:-18101}
pg_url=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
checkin=${CHECKIN:-5s}
db=${pg_url##*/}; db=${db%%\?*}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
psql -q -h 127.0.0.1 -U postgres -d "$db" -c "drop schema if exists lq_cluster cascade; create schema lq_cluster"
now() { date +%s%3N; }

start() { # instance number
  local i=$1 port=$((base + $1 - 1))
  mkdir -p "$work/policy-$i" && cp -r "$project/rules" "$project/decision-tables" "$work/policy-$i/"
  # One working directory: the instances share the generated credentials (data/credentials.properties).
  (cd "$work" && exec env LEAD_QUALIFIER_POLICY_DIR="$work/policy-$i" PORT="$port" POSTGRES_URL="$pg_url?currentSchema=lq_cluster" \
     LEAD_QUALIFIER_SLA_SWEEP_EVERY=1s LEAD_QUALIFIER_JOBS_CHECKIN_INTERVAL="$checkin" \
     java -Xmx512m -Dquarkus.profile=postgres -jar "$app/quarkus-run.jar" >>"$work/instance-$i.log" 2>&1) &
  pids[$i]=$!
  until curl -sf "localhost:$port/q/health/ready" >/dev/null; do sleep 0.2; done
}
version() { curl -sf -u "admin:$admin" "localhost:$1/api/v1/policy" | sed -E 's/.*"version":"([^"]+)".*/\1/'; }
sweeps() { curl -sf -u "admin:$admin" "localhost:$1/q/metrics" 2>/dev/null \
  | awk '/^leadqualifier_jobs_runs_total\{.*job="sla-sweep"/ {print int($2); found=1} END {if (!found) print 0}'; }

for i in $(seq 1 "$instances"); do start "$i"; done
admin=$(grep '^admin=' "$work/data/credentials.properties" | cut -d= -f2)
echo "$instances instances on ports $base..$((base + instances - 1)), schema lq_cluster of $db"

times=()
for c in $(seq 1 "$changes"); do
  { cat "$project/rules/assessment.drl"; echo "// cluster-converge change $c $(now)"; } > "$work/assessment.drl"
  answer=$(curl -s -u "admin:$admin" -F "file=@$work/assessment.drl;filename=assessment.drl" "localhost:$base/api/v1/policy/files")
  accepted=$(now)
  v=$(echo "$answer" | sed -E 's/.*"version":"([^"]+)".*/\1/')
  for i in $(seq 2 "$instances"); do
    port=$((base + i - 1))
    until [ "$(version "$port")" = "$v" ]; do
      if [ $(( $(now) - accepted )) -gt 60000 ]; then echo "instance $i never served $v"; exit 1; fi
      sleep 0.02
    done
    times+=($(( $(now) - accepted )))
  done
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
echo "policy convergence over $changes changes x $((instances - 1)) followers ($n): p50 ${sorted[$((n / 2))]} ms, p90 ${sorted[$((n * 9 / 10))]} ms, max ${sorted[$((n - 1))]} ms"

# Failover: the instance whose sweep count moves next is the one running the sweep now; it is killed.
declare -A before
for i in $(seq 1 "$instances"); do before[$i]=$(sweeps $((base + i - 1))); done
victim=""
while [ -z "$victim" ]; do
  for i in $(seq 1 "$instances"); do
    if [ "$(sweeps $((base + i - 1)))" -gt "${before[$i]}" ]; then victim=$i; break; fi
  done
  sleep 0.05
done
total=0
for i in $(seq 1 "$instances"); do [ "$i" != "$victim" ] && total=$((total + $(sweeps $((base + i - 1))))); done
kill -9 "${pids[$victim]}"; killed=$(now)
while :; do
  sum=0
  for i in $(seq 1 "$instances"); do [ "$i" != "$victim" ] && sum=$((sum + $(sweeps $((base + i - 1))))); done
  [ "$sum" -gt "$total" ] && break
  if [ $(( $(now) - killed )) -gt 120000 ]; then echo "no sweep on the survivors 2 minutes after the kill"; exit 1; fi
  sleep 0.05
done
echo "failover: instance $victim ran the sweep and was killed; the next sweep on a survivor came $(( $(now) - killed )) ms later (check-in interval $checkin)"
echo "logs: $work"
