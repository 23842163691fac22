# frozen_string_literal: true

# A plain Ruby job worker (no derailed) whose RSS is sampled from outside
# with `ps -o rss= -p PID` (KiB integers).  Each job parses a JOB_BYTES
# payload and keeps a KEEP_BYTES summary in a global list that is never
# trimmed, so RSS grows steadily.  Runs for SECONDS seconds, JOBS_PER_SECOND
# jobs a second.

SECONDS_TO_RUN = Float(ENV.fetch("SECONDS", "100"))
JOBS_PER_SECOND = Integer(ENV.fetch("JOBS_PER_SECOND", "100"))
JOB_BYTES = Integer(ENV.fetch("JOB_BYTES", "30000"))
KEEP_BYTES = Integer(ENV.fetch("KEEP_BYTES", "4000"))

$summaries = []
deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + SECONDS_TO_RUN
job = 0
while Process.clock_gettime(Process::CLOCK_MONOTONIC) < deadline
  job += 1
  payload = "abcdefghij" * (JOB_BYTES / 10)
  $summaries << payload[0, KEEP_BYTES].sub("abcdefghij", format("%-10d", job))
  sleep 1.0 / JOBS_PER_SECOND
end
