# frozen_string_literal: true

# The one controller: reads params and the session, renders products.
class ProductsController
  def initialize(request)
    @request = request
  end

  def page = Integer(@request.params.fetch("page", "1"))
  def per_page = Integer(@request.params.fetch("per", "1"))
  def cart_ids = @cart_ids ||= (@request.session["cart"] || "").split(",").map(&:to_i)

  def index
    first = (page - 1) * per_page
    products = (first...first + per_page).map { |id| Product.new(id) }
    cart = Cart.new(cart_ids)
    @request.session["cart"] = (cart_ids + [page]).last(3).join(",")
    @request.session["seen"] = products.map(&:cache_key).last(3)
    ProductsView.new(products, cart).render
  end

  def add
    ids = (cart_ids + [Integer(@request.params.fetch("id", "0"))]).last(3)
    @request.session["cart"] = ids.join(",")
    ["added #{ids.last}"]
  end

  def show
    product = Product.new(Integer(@request.params.fetch("id", "1")))
    [JSON.generate(product.to_h)]
  end
end
