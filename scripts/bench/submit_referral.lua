-- wrk: POSTs a request for an assessment to the JSON API, each with its own idempotency key
-- (thread number and a counter), so every request is a new referral.
--   wrk -t2 -c16 -d20s --latency -s scripts/bench/submit_referral.lua http://127.0.0.1:3100
local counter = 0

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

wrk.method = "POST"
wrk.path = "/api/v1/referrals"
wrk.headers["content-type"] = "application/json"
-- A partner key (scripts/bench.sh makes one with `server api-key create`).
wrk.headers["authorization"] = "Bearer " .. (os.getenv("PORTAL_API_KEY") or "")
wrk.body = [[{"for":"self","kind":"assessment","person":{"given_name":"Amara","family_name":"Okafor","date_of_birth":"1948-03-02","address_line_1":"12 Mill Lane","town":"Exampletown","postcode":"EX1 2AB","phone":"01632 960001","email":"amara@example.org","preferred_contact":"phone","language":"English","interpreter_needed":false,"communication_needs":""},"referrer":null,"consent":{"person_agrees":true},"needs":{"summary":"Struggling to wash and cook since a fall","outcomes":["nutrition"]},"trackers":[]}]]

function request()
  counter = counter + 1
  wrk.headers["idempotency-key"] = string.format("bench-%d-%d-%d", thread_id or 0, counter, math.random(1, 1000000000))
  return wrk.format()
end


function done(summary, latency, requests)
  io.write(string.format("requests: %d, errors (connect/read/write/timeout/status): %d/%d/%d/%d/%d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status))
  io.write(string.format("p50 %.1f ms, p99 %.1f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
