# frozen_string_literal: true

# Renders the product list and the cart as HTML, one small String per line.
class ProductsView
  include ViewHelper

  def initialize(products, cart)
    @products = products
    @cart = cart
  end

  def card(product)
    head = %(<li class="#{css_class(product)}" #{data_attrs(product)}>)
    image = image_tag(product.image_url, product.alt_text)
    title = link_to(product.label, product.path)
    badges = tag_badges(product)
    price = price_tag(product)
    "#{head}#{image}#{title}#{badges}#{price}</li>"
  end

  def cart_box
    rows = @cart.lines.map { |l| "<li>#{l}</li>" }.join
    heading = "<h2>#{@cart.summary}</h2>"
    list = "<ul>#{rows}</ul>"
    %(<aside class="cart">) + heading + list + "</aside>"
  end

  # The body parts, streamed by rack as they are (no one big String).
  def render
    [%(<html><body><ul class="products">), *@products.map { |p| card(p) }, "</ul>", cart_box,
     "</body></html>"]
  end
end
