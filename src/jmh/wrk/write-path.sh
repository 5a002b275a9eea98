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
port=${PORT:-18090}
warmup=${WARMUP:-45s}
measure=${MEASURE:-30s}
# shellcheck source=service.sh
. "$(dirname "$0")/service.sh"
start_service "${1:-}" "${2:-}" lq_bench
crm=$(secret crm)
auditor=$(secret auditor)
echo "store $store; ready in $(echo "$ready - $started" | bc) s ($(grep -o 'started in [0-9.]*s' "$log" | head -1))"

decisions() { curl -s -u "auditor:$auditor" "localhost:$port/api/v1/audit/verify" | grep -o '"checked":[0-9]*' | cut -d: -f2; }
rss() { echo "$(( $(ps -o rss= -p "$pid") / 1024 )) MiB"; }

wrk -t2 -c16 -d"$warmup" -s "$script" "http://127.0.0.1:$port" -- "$crm" >/dev/null
echo "after warm-up: $(decisions) decisions, RSS $(rss)"
echo "--- /q/health/live, 16 connections, $measure"
cpu_mark
wrk -t2 -c16 -d"$measure" --latency "http://127.0.0.1:$port/q/health/live" | grep -E "Requests/sec|99%|50%|Non-2xx|Socket errors" || true
cpu_since_mark
echo "--- POST /api/v1/qualify, 16 connections, $measure"
cpu_mark
wrk -t2 -c16 -d"$measure" -s "$script" "http://127.0.0.1:$port" -- "$crm" | grep -E "Requests/sec|p50|requests|Non-2xx|Socket errors" || true
cpu_since_mark
echo "--- POST /api/v1/qualify, 1 connection, $measure"
cpu_mark
wrk -t1 -c1 -d"$measure" -s "$script" "http://127.0.0.1:$port" -- "$crm" | grep -E "Requests/sec|p50|requests|Non-2xx" || true
cpu_since_mark

count=$(decisions)
echo "decisions recorded: $count; RSS $(rss)"
curl -s -u "admin:$(secret admin)" "localhost:$port/q/metrics" | grep -E '^leadqualifier_decisions_group_size(_max| ?\{quantile)' || true
bytes=$(store_bytes)
echo "store size: $bytes bytes, $(( bytes / count )) bytes per decision"
echo "verify: $(curl -s -u "auditor:$auditor" "localhost:$port/api/v1/audit/verify" | cut -c1-120)"
