# frozen_string_literal: true

# A Rack app with a slow warm-up: every request asks for one of KEY_SPACE
# pages, drawn by a seeded PRNG, and memoises the rendered page (a
# PAYLOAD_BYTES string) forever.  The number of distinct pages seen after n
# requests is KEY_SPACE * (1 - exp(-n / KEY_SPACE)) (coupon collector), so RSS
# rises fast, then ever more slowly, and is flat once every page is cached:
# with the default KEY_SPACE (9% of TEST_COUNT) 95% of the rise is reached
# after ~27% of the requests and 99% after ~41%.
#
# REQUEST_SLEEP (seconds, default 0.02) paces the requests.

REQUEST_SLEEP = Float(ENV.fetch("REQUEST_SLEEP", "0.02"))
PAYLOAD_BYTES = Integer(ENV.fetch("PAYLOAD_BYTES", "40000"))
KEY_SPACE = Integer(ENV.fetch("KEY_SPACE") { [Integer(ENV.fetch("TEST_COUNT", "1000")) * 9 / 100, 1].max.to_s })

$pages = {}
$keys = Random.new(42)

class MemoisingApp
  def call(env)
    key = $keys.rand(KEY_SPACE)
    page = $pages[key] ||= begin
      body = "abcdefghij" * (PAYLOAD_BYTES / 10) # one malloc of exactly PAYLOAD_BYTES
      body[0, 16] = format("page %-11d", key)
      body
    end
    sleep REQUEST_SLEEP if REQUEST_SLEEP > 0
    [200, { "Content-Type" => "text/plain" }, ["#{$pages.size} pages cached, page #{page[5, 11].strip}\n"]]
  end
end

run MemoisingApp.new
