# frozen_string_literal: false
#
# A small Rack-ish app whose heap is dumped three times (memreport issue 13), the way
# derailed_benchmarks' `perf:heap_diff` does it: boot, ObjectSpace.trace_object_allocations_start,
# then three rounds of {REQUESTS requests, GC.start, ObjectSpace.dump_all}.
#
#   cd Samples/heap && ruby --disable-gems -I RACK_LIB workload.rb MODE OUTDIR [REQUESTS]
#
# MODE leak:    every response is kept in SessionCache::Unbounded, a class-level Hash keyed by
#               request id that grows every round (the leak a heap diff should find).
# MODE plateau: the same work, kept in SessionCache::LRU (capped at LRU_CAPACITY), so the heap
#               stops growing after the first round.
# Writes OUTDIR/MODE-0.ndjson, -1, -2, then OUTDIR/MODE-2-since.ndjson: a second dump right after
# the last one with `since:` the generation tracing started at (only traced objects, no ROOTs).
#
# Run it from its own folder: allocation sites then read `workload.rb:LINE`, whatever the checkout.
# Deterministic apart from addresses (ASLR and malloc differ per run): srand, fixed clock, fixed ids.
require "rack"
require "erb"
require "json"

MODE = ARGV.fetch(0)
OUTDIR = ARGV.fetch(1)
REQUESTS = Integer(ARGV.fetch(2, "60"))
LRU_CAPACITY = 40
abort "MODE must be leak or plateau" unless %w[leak plateau].include?(MODE)
srand(13)

module Shop
  # A Struct: product rows of the catalogue.
  Product = Struct.new(:sku, :title, :price_cents, :tags)

  CATALOG = (1..48).map do |i|
    Product.new(format("SKU-%04d", i), "Product #{i} & co", 100 + rand(9900), %w[new sale gift bulk].sample(2))
  end.freeze

  class Cart
    attr_reader :items

    def initialize
      @items = []
    end

    def add(product, quantity)
      @items << [product, quantity]
    end

    def total_cents
      @items.sum { |product, quantity| product.price_cents * quantity }
    end
  end

  class Renderer
    def initialize(formatter)
      @formatter = formatter
      # A view file, as an app keeps them; allocations in it read `views/cart.html.erb:LINE`.
      template = ERB.new(File.read(File.join(__dir__, "views", "cart.html.erb")), trim_mode: "-")
      template.def_method(self.class, "render_cart(title, cart)", "views/cart.html.erb")
    end
  end
end

module SessionCache
  # What a response leaves behind: the cache's values.
  class Entry
    attr_reader :request_id, :user_agent, :language, :cart, :html, :json, :stats, :created_at

    def initialize(request_id:, user_agent:, language:, cart:, html:, json:, stats:, created_at:)
      @request_id = request_id
      @user_agent = user_agent
      @language = language
      @cart = cart
      @html = html
      @json = json
      @stats = stats
      @created_at = created_at
    end
  end

  # The leak: a class-level Hash nobody ever prunes.
  class Unbounded
    STORE = {}

    def self.put(id, entry)
      STORE[id] = entry
    end
  end

  # The fix: least recently used first out, capped.
  class LRU
    STORE = {}
    LOCK = Mutex.new

    def self.put(id, entry)
      LOCK.synchronize do
        STORE.delete(id)
        STORE[id] = entry
        STORE.delete(STORE.first[0]) while STORE.size > LRU_CAPACITY
      end
    end
  end
end

class App
  # An anonymous class (never assigned to a constant): per-request counters kept in each entry.
  STATS_CLASS_HOLDER = [Class.new do
    attr_accessor :parse_ms, :render_ms, :bytes

    def initialize(bytes)
      @parse_ms = 1
      @render_ms = 2
      @bytes = bytes
    end
  end]

  PriceFormatter = Struct.new(:currency) do
    def format(cents)
      "#{currency}#{cents / 100}.#{(cents % 100).to_s.rjust(2, "0")}"
    end
  end

  def initialize(cache)
    @cache = cache
    @renderer = Shop::Renderer.new(PriceFormatter.new("$"))
    @clock = 1_700_000_000
  end

  def call(env)
    request = Rack::Request.new(env)
    params = Rack::Utils.parse_nested_query(request.query_string)
    cart = Shop::Cart.new
    params.fetch("items", {}).each do |sku, quantity|
      product = Shop::CATALOG.find { |p| p.sku == sku }
      cart.add(product, Integer(quantity)) if product
    end
    html = @renderer.render_cart("Cart #{params["cart"]}", cart)
    json = JSON.generate({ "cart" => params["cart"], "total_cents" => cart.total_cents,
                           "items" => cart.items.map { |p, q| { "sku" => p.sku, "quantity" => q, "tags" => p.tags } } })
    @clock += 1
    id = env["HTTP_X_REQUEST_ID"]
    @cache.put(id, SessionCache::Entry.new(
      request_id: id, user_agent: request.user_agent, language: env["HTTP_ACCEPT_LANGUAGE"], cart: cart,
      html: html, json: json, stats: STATS_CLASS_HOLDER[0].new(html.bytesize), created_at: Time.at(@clock).utc
    ))
    response = Rack::Response.new([html], 200, { "content-type" => "text/html", "content-length" => html.bytesize.to_s })
    response.finish
  end
end

# A singleton class: the app instance answers health checks through a singleton method.
APP = App.new(MODE == "leak" ? SessionCache::Unbounded : SessionCache::LRU)
def APP.health
  [200, { "content-type" => "text/plain" }, ["ok"]]
end

def request_env(n)
  skus = Shop::CATALOG.sample(1 + rand(4)).map(&:sku)
  query = skus.map { |sku| "items[#{sku}]=#{1 + rand(3)}" }.join("&") + "&cart=c#{n}"
  {
    "REQUEST_METHOD" => "GET", "PATH_INFO" => "/cart", "QUERY_STRING" => query,
    "SERVER_NAME" => "shop.example", "SERVER_PORT" => "443", "rack.url_scheme" => "https",
    # Repeated header values: each request brings its own copy (duplicate strings in the cache).
    "HTTP_USER_AGENT" => "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36",
    "HTTP_ACCEPT_LANGUAGE" => "en-GB,en;q=0.9",
    "HTTP_X_REQUEST_ID" => format("req-%06d", n),
  }
end

# Boot ends with a health check and one warm-up request (Rack's autoloads, JSON's generator),
# so the traced rounds see steady-state work. In leak mode the warm-up entry stays cached,
# without allocation info.
APP.health
APP.call(request_env(0))
GC.start

require "objspace"
trace_start_generation = GC.count
ObjectSpace.trace_object_allocations_start

request_number = 0
3.times do |round|
  REQUESTS.times do
    request_number += 1
    APP.call(request_env(request_number))
  end
  GC.start
  File.open(File.join(OUTDIR, "#{MODE}-#{round}.ndjson"), "w") { |io| ObjectSpace.dump_all(output: io) }
end
File.open(File.join(OUTDIR, "#{MODE}-2-since.ndjson"), "w") do |io|
  ObjectSpace.dump_all(output: io, since: trace_start_generation)
end
