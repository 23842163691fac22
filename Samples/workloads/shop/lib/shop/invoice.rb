# frozen_string_literal: true

module Shop
  class Invoice
    TEMPLATE = <<~ERB
      Invoice #<%= cart.number %>
      <% cart.items.each do |item| -%>
        <%= item.quantity %> x <%= item.product.label.ljust(24) %> <%= item.product.price %>
      <% end -%>
      Total: <%= format("%.2f", cart.total_cents / 100.0) %>
    ERB

    attr_reader :cart

    def initialize(cart)
      @cart = cart
    end

    def render
      ERB.new(TEMPLATE, trim_mode: "-").result(binding)
    end

    def to_h
      {
        "number" => cart.number,
        "summary" => cart.summary,
        "lines" => cart.items.map { |item| { "sku" => item.product.sku, "qty" => item.quantity } },
        "total" => cart.total_cents
      }
    end
  end
end
