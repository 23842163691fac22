# frozen_string_literal: true

# A Rack app that is big from boot and then creeps up slowly: BALLAST_MB of
# reference data is loaded at boot, every request renders a ~GARBAGE_BYTES
# response that becomes garbage at once, and appends LEAK_BYTES of it to one
# global audit log string that is never trimmed.  One growing buffer (not one
# object per request) keeps the rise smooth: RSS grows as its pages are
# written, steadily, by under 2% of its level over the run (30,000 requests):
# below the practical threshold, but a clear trend, without any warm-up.
#
# REQUEST_SLEEP (seconds, default 0.02) paces the requests.

REQUEST_SLEEP = Float(ENV.fetch("REQUEST_SLEEP", "0.02"))
BALLAST_MB = Integer(ENV.fetch("BALLAST_MB", "180"))
GARBAGE_BYTES = Integer(ENV.fetch("GARBAGE_BYTES", "2000"))
LEAK_BYTES = Integer(ENV.fetch("LEAK_BYTES", "120"))

$reference_data = Array.new(BALLAST_MB) { |i| "r#{i}".ljust(1 << 20, "abcdefghij") }
$audit_log = String.new(capacity: 1 << 16)
$request_count = 0

class CreepingApp
  def call(env)
    n = ($request_count += 1)
    body = "abcdefghij" * (GARBAGE_BYTES / 10)
    $audit_log << format("%-10d", n) << body[0, LEAK_BYTES - 10]
    sleep REQUEST_SLEEP if REQUEST_SLEEP > 0
    [200, { "Content-Type" => "text/plain" }, ["#{n} requests logged, #{$audit_log.bytesize} bytes of log\n"]]
  end
end

run CreepingApp.new
