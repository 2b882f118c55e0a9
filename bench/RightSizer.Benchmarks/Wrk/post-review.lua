-- wrk script for `load --client wrk`: posts the AdmissionReview in the file named by RIGHTSIZER_REVIEW, and prints
-- one line the load command parses: requests, p50 and p99 latency in microseconds, and errors of any kind.
wrk.method = "POST"
wrk.path = wrk.path .. "?timeout=5s"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open(os.getenv("RIGHTSIZER_REVIEW"), "rb"))
wrk.body = file:read("*a")
file:close()

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d\n", summary.requests, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
