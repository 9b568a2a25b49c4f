-- wrk script for bench/run.sh: counts every response by outcome and prints one machine-readable line.
-- A page that answers anything but 2xx counts as a failure ("non-2xx"); a redirect to the sign-in page
-- (a lost session) is also counted on its own, because wrk itself would count it as a success.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, redirects, to_sign_in, client_errors, server_errors = 0, 0, 0, 0, 0
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  elseif status >= 300 and status < 400 then
    redirects = redirects + 1
    local location = headers["Location"] or headers["location"] or ""
    if string.find(location, "/account/sign-in", 1, true) then
      to_sign_in = to_sign_in + 1
    end
  elseif status < 500 then
    client_errors = client_errors + 1
  else
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  local totals = { ok = 0, redirects = 0, to_sign_in = 0, client_errors = 0, server_errors = 0 }
  for _, thread in ipairs(threads) do
    for key, _ in pairs(totals) do
      totals[key] = totals[key] + thread:get(key)
    end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f ok=%d non2xx=%d redirects=%d to_sign_in=%d client_errors=%d server_errors=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    totals.ok, summary.requests - totals.ok, totals.redirects, totals.to_sign_in, totals.client_errors, totals.server_errors,
    e.connect + e.read + e.write + e.timeout))
end
