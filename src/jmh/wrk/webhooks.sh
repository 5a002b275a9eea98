#!/usr/bin/env bash
# The webhook delivery benchmark of README "Benchmarks": the packaged service on an empty H2 store, one subscription to
# every lifecycle event on a loopback receiver (webhook-receiver.py), then qualify load of new hot MQLs (wrk, 16
# connections, asOf = the moment of the request; each decision makes 2 messages): WARMUP, a drain, then MEASURE. Once the
# outbox is empty the receiver reports deliveries per second and the delay from each event (asOf) to its arrival.
#
#   ./mvnw package -DskipTests && src/jmh/wrk/webhooks.sh target/quarkus-app
#
# Needs wrk and python3. Settings: WARMUP (45s), MEASURE (30s), RATE (wrk connections, 16), PORT (18092), RECEIVER_PORT (18099).
set -euo pipefail
app=$(cd "${1:?the quarkus-app directory of a packaged build}" && pwd)
project=$(cd "$(dirname "$0")/../../.." && pwd)
port=${PORT:-18092}
receiver_port=${RECEIVER_PORT:-18099}
work=$(mktemp -d)
python3 "$project/src/jmh/wrk/webhook-receiver.py" "$receiver_port" > "$work/receiver.log" 2>&1 &
receiver=$!
(cd "$work" && env LEAD_QUALIFIER_POLICY_DIR="$project" PORT="$port" java -Xmx512m -Dlead-qualifier.policy.watch=false \
  -jar "$app/quarkus-run.jar" > "$work/service.log" 2>&1) &
trap 'kill $receiver 2>/dev/null || true; kill $(pgrep -f "$app/quarkus-run.jar") 2>/dev/null || true' EXIT
until curl -sf "localhost:$port/q/health/ready" >/dev/null; do sleep 0.2; done
secret() { grep "^$1=" "$work/data/credentials.properties" | cut -d= -f2; }
[ "${SUBSCRIBE:-1}" = 0 ] || curl -sf -u "admin:$(secret admin)" -H 'Content-Type: application/json' "localhost:$port/api/v1/webhooks" -d "{\"url\":\"http://127.0.0.1:$receiver_port/hooks\",
  \"eventTypes\":[\"lead.stage_changed\",\"lead.handed_off\",\"lead.sales_event\",\"sla.breached\",\"sla.escalated\",\"lead.recycled\"]}" >/dev/null
cat > "$work/now.lua" <<'LUA'
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("prefix", "hook-" .. os.time() .. "-" .. threads .. "-")
end
function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Basic " .. args[1]
end
function request()
  counter = counter + 1
  local body = '{"leadId":"' .. prefix .. counter .. '","asOf":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ") .. '",'
    .. '"contact":{"email":"p' .. counter .. '@acme.fr","seniority":"DIRECTOR"},'
    .. '"company":{"industry":"SOFTWARE","employees":250,"country":"FR"},'
    .. '"activities":[{"type":"DEMO_REQUEST","at":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 3600) .. '"}]}'
  return wrk.format(nil, "/api/v1/qualify", nil, body)
end
LUA
basic=$(printf 'crm:%s' "$(secret crm)" | base64 -w0)
id=$(curl -s -u "admin:$(secret admin)" "localhost:$port/api/v1/webhooks" | python3 -c 'import sys,json; l=json.load(sys.stdin); print(l[0]["id"] if l else "")')
pending() { [ -z "$id" ] && echo 0 && return; curl -s -u "admin:$(secret admin)" "localhost:$port/api/v1/webhooks/$id/deliveries?status=PENDING&size=1" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["total"])'; }
drain() { while true; do left=$(pending); [ "$left" = 0 ] && break; echo "pending $left"; sleep 5; done; }
wrk -t2 -c"${RATE:-16}" -d"${WARMUP:-45s}" -s "$work/now.lua" "http://127.0.0.1:$port" -- "$basic" >/dev/null
drain
kill -USR1 $receiver
echo "--- qualify (new hot MQLs), ${RATE:-16} connections, ${MEASURE:-30s}"
wrk -t2 -c"${RATE:-16}" -d"${MEASURE:-30s}" -s "$work/now.lua" "http://127.0.0.1:$port" -- "$basic" | grep -E "Requests/sec|requests in|Non-2xx" || true
drain
kill -TERM $receiver; wait $receiver || true
cat "$work/receiver.log"
echo "decisions: $(curl -s -u "admin:$(secret admin)" "localhost:$port/q/metrics" | grep -E '^leadqualifier_decisions_total' | awk '{s+=$2} END {print s}');"\
  "delivered: $(curl -s -u "admin:$(secret admin)" "localhost:$port/api/v1/webhooks/$id/deliveries?status=DELIVERED&size=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)["total"])');"\
  "failed: $(curl -s -u "admin:$(secret admin)" "localhost:$port/api/v1/webhooks/$id/deliveries?status=FAILED&size=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)["total"])')"
