# frozen_string_literal: true

# A Rack app whose memory rises then levels off: every request builds a
# ~20 kB payload and stores it in a bounded LRU cache.  The cache holds at
# most CACHE_ENTRIES entries (default: 20% of TEST_COUNT), so after the
# first ~20% of requests each insert evicts the least recently used entry
# and RSS stays flat.
#
# Two details keep RSS really flat rather than creeping up: each payload is
# one exact-size allocation (no realloc, no temporary), and an evicted payload
# is cleared at once, so its malloc'd buffer is reused by the next request
# instead of lingering as old-generation garbage until a major GC.
#
# REQUEST_SLEEP (seconds, default 0.02) paces the requests.

REQUEST_SLEEP = Float(ENV.fetch("REQUEST_SLEEP", "0.02"))
PAYLOAD_BYTES = Integer(ENV.fetch("PAYLOAD_BYTES", "20000"))
CACHE_ENTRIES = Integer(ENV.fetch("CACHE_ENTRIES") { [Integer(ENV.fetch("TEST_COUNT", "1000")) / 5, 1].max.to_s })

class LruCache
  def initialize(max_entries)
    @max_entries = max_entries
    @store = {}
  end

  def size
    @store.size
  end

  def fetch(key)
    if @store.key?(key)
      value = @store.delete(key) # re-insert to mark as most recently used
      return @store[key] = value
    end
    value = yield
    @store[key] = value
    while @store.size > @max_entries
      _key, evicted = @store.shift # least recently used entry
      evicted.clear # release its buffer now, not at the next major GC
    end
    value
  end
end

$payload_cache = LruCache.new(CACHE_ENTRIES)
$request_count = 0

class CachingApp
  def call(env)
    n = ($request_count += 1)
    $payload_cache.fetch("page-#{n}") do
      payload = "abcdefghij" * (PAYLOAD_BYTES / 10) # one malloc of exactly PAYLOAD_BYTES
      payload[0, 16] = format("request %-8d", n)
      payload
    end
    sleep REQUEST_SLEEP if REQUEST_SLEEP > 0
    [200, { "Content-Type" => "text/plain" }, ["cached #{$payload_cache.size} payloads\n"]]
  end
end

run CachingApp.new
