# frozen_string_literal: true

module Shop
  class Cart
    LineItem = Struct.new(:product, :quantity) do
      def total_cents
        product.price_cents * quantity
      end
    end

    attr_reader :number, :items

    def self.fill(catalog, number)
      cart = new(number)
      catalog.sample(number, 3 + number % 5).each_with_index do |product, i|
        cart.add(product, 1 + i % 3)
      end
      cart
    end

    def initialize(number)
      @number = number
      @items = []
    end

    def add(product, quantity)
      @items << LineItem.new(product, quantity)
    end

    def total_cents
      @items.sum(&:total_cents)
    end

    def summary
      @items.map { |item| "#{item.quantity} x #{item.product.label}" }.join(", ")
    end
  end
end
