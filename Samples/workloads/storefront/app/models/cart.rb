# frozen_string_literal: true

# A cart read from the session: line items, totals and a summary line.
class Cart
  Item = Struct.new(:product, :quantity)

  def initialize(ids)
    @items = ids.map { |id| Item.new(Product.new(id), 1 + id % 3) }
  end

  def items = @items
  def count = @items.sum(&:quantity)
  def total_cents = @items.sum { |i| i.product.price_cents * i.quantity }
  def total = format("%.2f", total_cents / 100.0)
  def summary = "#{count} items, #{total}"
  def ids_param = @items.map { |i| i.product.id }.join(",")
  def line(item) = "#{item.quantity} × #{item.product.name}"
  def lines = @items.map { |i| line(i) }
end
