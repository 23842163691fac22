# frozen_string_literal: true

module Shop
  class Catalog
    COLOURS = %w[red green blue black white].freeze
    KINDS = %w[shirt mug poster sticker hoodie cap].freeze

    def self.build(count)
      products = Array.new(count) do |i|
        sku = "SKU-" + i.to_s.rjust(5, "0")
        name = "#{COLOURS[i % COLOURS.size].capitalize} #{KINDS[i % KINDS.size]}"
        tags = [COLOURS[i % COLOURS.size], KINDS[i % KINDS.size], "size-#{i % 4}"]
        Product.new(sku, name, 500 + (i * 37) % 4000, tags)
      end
      new(products)
    end

    def initialize(products)
      @products = products
      @by_sku = products.to_h { |product| [product.sku, product] }
    end

    def each_product(&block)
      @products.each(&block)
    end

    def [](sku)
      @by_sku.fetch(sku)
    end

    def sample(seed, count)
      Array.new(count) { |i| @products[(seed * 7 + i * 13) % @products.size] }
    end
  end
end
