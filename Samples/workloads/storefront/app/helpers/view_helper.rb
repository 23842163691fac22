# frozen_string_literal: true

# Helpers the views call for every product: small Strings at many lines.
module ViewHelper
  def link_to(text, href) = %(<a href="#{href}">#{text}</a>)
  def image_tag(src, alt) = %(<img src="#{src}" alt="#{alt}">)
  def tag_badges(product) = product.tags.map { |t| %(<span class="tag">tag#{t}</span>) }.join
  def price_tag(product) = %(<span class="price">$#{product.price}</span>)
  def data_attrs(product) = %(data-id="#{product.id}" data-sku="#{product.sku}")
  def css_class(product) = "product product-#{product.id % 4}"
end
