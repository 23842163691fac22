# frozen_string_literal: true

# A catalogue product: many small attribute readers, each building a short String.
class Product
  attr_reader :id, :name, :price_cents, :tags

  def initialize(id)
    @id = id
    @name = "Product #{id}"
    @price_cents = 199 + (id * 37) % 5000
    @tags = [id % 7, id % 11]
  end

  def slug = "product-#{id}"
  def sku = "SKU-#{id.to_s.rjust(6, '0')}"
  def price = format("%.2f", price_cents / 100.0)
  def label = "#{name} (#{price})"
  def cache_key = "products/#{id}-#{price_cents}"
  def tag_list = tags.map { |t| "tag#{t}" }.join(", ")
  def path = "/products/#{slug}"
  def image_url = "/images/#{sku.downcase}.png"
  def alt_text = "Picture of #{name}"

  def to_h
    { id: id, name: name, price: price, sku: sku, tags: tag_list }
  end
end
