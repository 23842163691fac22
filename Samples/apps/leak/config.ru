# frozen_string_literal: true

# A Rack app with an unbounded leak: every request builds a ~20 kB payload
# and appends it to a global array that is never cleared, so RSS grows
# linearly with the number of requests.
#
# REQUEST_SLEEP (seconds, default 0.02) paces the requests so that a
# derailed perf:mem_over_time run with a given TEST_COUNT lasts long enough.

$leaked_payloads = []

REQUEST_SLEEP = Float(ENV.fetch("REQUEST_SLEEP", "0.02"))
PAYLOAD_BYTES = Integer(ENV.fetch("PAYLOAD_BYTES", "20000"))

class LeakyApp
  def call(env)
    n = $leaked_payloads.size
    payload = String.new("request #{n} ", capacity: PAYLOAD_BYTES)
    payload << ("abcdefghij" * (PAYLOAD_BYTES / 10))
    $leaked_payloads << payload
    sleep REQUEST_SLEEP if REQUEST_SLEEP > 0
    [200, { "Content-Type" => "text/plain" }, ["leaked #{$leaked_payloads.size} payloads\n"]]
  end
end

run LeakyApp.new
