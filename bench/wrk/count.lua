-- wrk script for bench/run.sh: prints one machine-readable line of the run's figures.
--
-- It defines no response() on purpose. With one, wrk keeps every response's body and copies it into Lua: for a
-- 520 KB page that halved what the bare server itself manages (bench/Ceiling's constant 520 KB: 3,507 req/s without
-- it, 1,780 with it), on the same two cores as the app. wrk counts a status of 400 or more as an error by itself
-- (summary.errors.status); bench/run.sh counts redirects (a lost session is a redirect to the sign-in page) from the
-- app's own request log for the page's run.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d bytes_per_request=%.0f socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, summary.requests > 0 and summary.bytes / summary.requests or 0,
    e.connect + e.read + e.write + e.timeout))
end
