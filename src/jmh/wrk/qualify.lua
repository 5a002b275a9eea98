-- wrk script: POST /api/v1/qualify with a varied lead (leadId, industry, activities), HTTP Basic as crm.
-- wrk -t2 -c16 -d60s -s src/jmh/wrk/qualify.lua http://127.0.0.1:8080 -- "$(grep '^crm=' data/credentials.properties | cut -d= -f2)"
local counter = 0
local industries = {"SOFTWARE", "RETAIL", "FINANCE", "EDUCATION"}
-- Instants relative to now, as a CRM sends them: a lead qualified "as of" days ago would have its hand-off
-- breached by the next SLA sweep, a load no real day has.
local function ago(seconds)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - seconds)
end
local day = 86400
local activities = {
  '[{"type":"CONTENT_DOWNLOAD","at":"' .. ago(2 * day) .. '"},{"type":"WEBINAR_ATTENDED","at":"' .. ago(10 * day) .. '"}]',
  '[{"type":"DEMO_REQUEST","at":"' .. ago(1 * day) .. '"},{"type":"EMAIL_OPEN","at":"' .. ago(2 * day) .. '"}]',
  '[{"type":"EMAIL_OPEN","at":"' .. ago(3 * day) .. '"}]',
  '[]'
}
local asOf = ago(0)

local function base64(data)
  local b = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  return ((data:gsub('.', function(x)
    local r, byte = '', x:byte()
    for i = 8, 1, -1 do r = r .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and '1' or '0') end
    return r
  end) .. '0000'):gsub('%d%d%d?%d?%d?%d?', function(x)
    if #x < 6 then return '' end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == '1' and 2 ^ (6 - i) or 0) end
    return b:sub(c + 1, c + 1)
  end) .. ({ '', '==', '=' })[#data % 3 + 1])
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Basic " .. base64("crm:" .. (args[1] or ""))
end

function request()
  counter = counter + 1
  local body = '{"leadId":"wrk-' .. counter .. '","asOf":"' .. asOf .. '",'
    .. '"contact":{"email":"p' .. counter .. '@acme.fr","seniority":"DIRECTOR"},'
    .. '"company":{"industry":"' .. industries[counter % 4 + 1] .. '","employees":' .. (counter % 900 + 20) .. ',"country":"FR"},'
    .. '"activities":' .. activities[counter % 4 + 1] .. '}'
  return wrk.format(nil, "/api/v1/qualify", nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
