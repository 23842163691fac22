# frozen_string_literal: true

# A Rack app whose memory rises, falls back and then holds a level below its
# peak.  Every request stores a SMALL_BYTES session entry; every
# BIG_EVERY_EARLY-th request of the first EXPIRE_AFTER requests (a burst of
# uploads at boot) also stores a BIG_BYTES upload, later only every
# BIG_EVERY_LATE-th request does.  Entries expire EXPIRE_AFTER requests after
# they were stored (default 30% of TEST_COUNT), and an expired entry's buffer
# is released at once.  The boot uploads are above glibc's mmap threshold, so
# releasing them returns their pages: RSS peaks at EXPIRE_AFTER requests,
# falls over the next EXPIRE_AFTER requests and is flat afterwards, well
# below the peak.
#
# REQUEST_SLEEP (seconds, default 0.02) paces the requests.

REQUEST_SLEEP = Float(ENV.fetch("REQUEST_SLEEP", "0.02"))
SMALL_BYTES = Integer(ENV.fetch("SMALL_BYTES", "2000"))
BIG_BYTES = Integer(ENV.fetch("BIG_BYTES", "262144"))
BIG_EVERY_EARLY = Integer(ENV.fetch("BIG_EVERY_EARLY", "25"))
BIG_EVERY_LATE = Integer(ENV.fetch("BIG_EVERY_LATE", "75"))
EXPIRE_AFTER = Integer(ENV.fetch("EXPIRE_AFTER") { [Integer(ENV.fetch("TEST_COUNT", "1000")) * 3 / 10, 1].max.to_s })

$store = {} # request number => [payload, ...], insertion-ordered
$request_count = 0

class SessionApp
  def payload(bytes, n)
    body = "abcdefghij" * (bytes / 10) # one malloc of exactly `bytes`
    body[0, 16] = format("request %-8d", n)
    body
  end

  def call(env)
    n = ($request_count += 1)
    entry = [payload(SMALL_BYTES, n)]
    big_every = n <= EXPIRE_AFTER ? BIG_EVERY_EARLY : BIG_EVERY_LATE
    entry << payload(BIG_BYTES, n) if (n % big_every).zero?
    $store[n] = entry
    while (oldest = $store.first) && oldest[0] + EXPIRE_AFTER <= n
      $store.shift[1].each(&:clear) # release the buffers now, not at the next major GC
    end
    sleep REQUEST_SLEEP if REQUEST_SLEEP > 0
    [200, { "Content-Type" => "text/plain" }, ["#{$store.size} sessions\n"]]
  end
end

run SessionApp.new
