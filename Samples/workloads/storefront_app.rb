# frozen_string_literal: true

# Workload behind storefront.txt: a small Rails-shaped Rack app (app/controllers, app/models,
# app/views, app/helpers under workloads/storefront) behind a stack of rack middleware, driven
# by Rack::MockRequest. The app allocates at many small sites, rack and the stdlib at fewer,
# larger ones, so with top: 50 the app is missing from the location lists while its files
# and its gem entry (workloads/storefront/app... -> "storefront/app") are listed.

require "json"
require "stringio"
require "rack"
require "rack/session/cookie"
require_relative "storefront/app/models/product"
require_relative "storefront/app/models/cart"
require_relative "storefront/app/helpers/view_helper"
require_relative "storefront/app/views/products_view"
require_relative "storefront/app/controllers/products_controller"

STOREFRONT_HEADERS = { "content-type" => "text/html" }.freeze

STOREFRONT = Rack::Builder.new do
  use Rack::ContentType
  use Rack::Static, urls: ["/robots.txt"], root: File.join(__dir__, "storefront/public")
  use Rack::Runtime
  use Rack::MethodOverride
  use Rack::Head
  use Rack::ConditionalGet
  use Rack::ETag
  use Rack::ContentLength
  use Rack::Session::Cookie, secret: "s" * 64, key: "storefront", secure_random: false # session ids from Kernel.rand, seeded below, so the report is deterministic
  use Rack::Deflater
  use Rack::TempfileReaper
  run(lambda do |env|
    request = Rack::Request.new(env)
    controller = ProductsController.new(request)
    body =
      case request.path
      when "/product" then controller.show
      when "/cart" then controller.add
      else controller.index
      end
    Rack::Response.new(body, 200, STOREFRONT_HEADERS).finish # body: an array of parts
  end)
end.to_app

# Requests are built before profiling starts, so the driver itself allocates little.
STOREFRONT_REQUESTS = Array.new(40) do |i|
  form = Rack::Multipart.build_multipart(
    "id" => i.to_s, "note" => "gift " * 40, "size" => "m", "colour" => "blue", "wrap" => "yes"
  )
  {
    index: "/products?page=#{i % 5 + 1}&per=1&q=shoes+#{i}&sort=price&dir=asc&utm_source=newsletter&utm_medium=email&utm_campaign=winter-sale-#{i}",
    show: "/product?id=#{i}",
    index_env: {},
    show_env: { "HTTP_ACCEPT_ENCODING" => "gzip" },
    cart_env: {
      "CONTENT_TYPE" => "multipart/form-data; boundary=#{Rack::Multipart::MULTIPART_BOUNDARY}",
      :input => form
    }
  }
end

$storefront_retained = []

# One warm-up pass before profiling (as derailed's WARM_COUNT does): rack's autoloads and lazy
# requires happen here, not in the profile.
warm = Rack::MockRequest.new(STOREFRONT)
%w[/products /product /robots.txt].each { |path| warm.get(path) }
warm.post("/cart", STOREFRONT_REQUESTS.first[:cart_env])

module Workload
  def self.run
    srand(42)
    mock = Rack::MockRequest.new(STOREFRONT)
    cookie = nil
    STOREFRONT_REQUESTS.each do |r|
      [r[:index_env], r[:show_env], r[:cart_env]].each { |env| env["HTTP_COOKIE"] = cookie } if cookie
      response = mock.get(r[:index], r[:index_env])
      cookie = response["set-cookie"]&.split(";")&.first
      $storefront_retained << response.body.bytesize
      mock.get(r[:show], r[:show_env])
      mock.post("/cart", r[:cart_env])
      3.times { mock.get("/robots.txt", r[:show_env]) }
    end
  end
end
