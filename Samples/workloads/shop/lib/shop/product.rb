# frozen_string_literal: true

module Shop
  Product = Struct.new(:sku, :name, :price_cents, :tags) do
    def label
      "#{name} (#{sku})"
    end

    def price
      format("%.2f", price_cents / 100.0)
    end
  end
end
