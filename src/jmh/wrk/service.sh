# Sourced by the wrk benchmarks (write-path.sh, growth.sh, shadow.sh): one packaged service on an empty store, in a
# working directory of its own, killed when the benchmark exits. The caller sets port first; this sets project,
# pg_url (PG_URL, default jdbc:postgresql://127.0.0.1:5432/test) and script (the wrk qualify script, qualify.lua).
#
#   start_service STORE APP SCHEMA   starts it (STORE h2 or postgresql; APP the quarkus-app directory of a packaged
#                                    build; SCHEMA the PostgreSQL schema, dropped and created again) and waits until
#                                    it is ready; sets work, log, pid, db, started, ready
#   secret ROLE                      the secret the service generated for the role
#   store_bytes                      the store's size: H2's file while it runs, or the schema's tables, indexes and TOAST
#   cpu_mark, cpu_since_mark         the machine's CPU between the two (/proc/stat): busy, and stolen by the hypervisor;
#                                    on a shared machine a run with CPU stolen is not comparable with one without
#
# Settings: JAVA_OPTS (-Xmx512m), H2_FLUSH (SYNC or WRITE).

project=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
pg_url=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
script="$project/src/jmh/wrk/qualify.lua"

start_service() {
  store=${1:?h2 or postgresql}
  local app
  app=$(cd "${2:?the quarkus-app directory of a packaged build}" && pwd)
  schema=$3
  work=$(mktemp -d)
  log="$work/service.log"
  local env=(LEAD_QUALIFIER_POLICY_DIR="$project" PORT="$port" LEAD_QUALIFIER_H2_FLUSH="${H2_FLUSH:-SYNC}")
  if [ "$store" = postgresql ]; then
    db=${pg_url##*/}; db=${db%%\?*}
    psql -q -h 127.0.0.1 -U postgres -d "$db" -c "drop schema if exists $schema cascade; create schema $schema"
    env+=(POSTGRES_URL="$pg_url?currentSchema=$schema")
  fi
  started=$(date +%s.%N)
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  (cd "$work" && env "${env[@]}" java ${JAVA_OPTS:--Xmx512m} -Dlead-qualifier.policy.watch=false -jar "$app/quarkus-run.jar" \
    >"$log" 2>&1) &
  pid=
  trap 'kill $pid 2>/dev/null || true' EXIT
  until curl -sf "localhost:$port/q/health/ready" >/dev/null; do sleep 0.2; done
  ready=$(date +%s.%N)
  pid=$(pgrep -f "$app/quarkus-run.jar" | head -1)
}

secret() { grep "^$1=" "$work/data/credentials.properties" | cut -d= -f2; }

store_bytes() {
  if [ "$store" = h2 ]; then
    stat -c %s "$work"/data/lead-qualifier.mv.db
  else
    psql -tA -h 127.0.0.1 -U postgres -d "$db" -c "select sum(pg_total_relation_size(c.oid)) from pg_class c
      join pg_namespace n on n.oid = c.relnamespace where n.nspname = '$schema' and c.relkind in ('r', 't', 'm')"
  fi
}

# The first line of /proc/stat: cpu user nice system idle iowait irq softirq steal ..., in ticks since boot.
cpu_mark() { read -r -a cpu_at_mark </proc/stat; }

cpu_since_mark() {
  local was=("${cpu_at_mark[@]}") total=0 d=() i
  cpu_mark
  for i in 1 2 3 4 5 6 7 8; do d[i]=$(( cpu_at_mark[i] - was[i] )); total=$(( total + d[i] )); done
  [ "$total" -gt 0 ] || total=1
  echo "machine CPU: busy $(( 100 * (total - d[4] - d[5] - d[8]) / total )) %, stolen $(( 100 * d[8] / total )) %"
}
