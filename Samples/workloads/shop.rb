# frozen_string_literal: true

# The "modest" workload behind default.txt, scale-bytes.txt, no-detailed.txt,
# colour.txt, normalize-paths.txt and raw-for-normalize.txt.
#
# A toy shop: a catalog of products, carts, invoices rendered with ERB,
# a JSON export and a Set of tags.  Code lives in a few files under
# shop/lib/shop/ (so memory_profiler's gem guess reports "shop/lib"), and the
# stdlib is exercised (set.rb, json/common.rb, erb.rb) so normalize_paths
# produces "ruby/lib/..." keys.  Some results are kept in $shop_retained so
# the retained sections are not empty.

require "set"
require "json"
require "erb"
require_relative "shop/lib/shop/product"
require_relative "shop/lib/shop/catalog"
require_relative "shop/lib/shop/cart"
require_relative "shop/lib/shop/invoice"

$shop_retained = nil

module Workload
  def self.run
    catalog = Shop::Catalog.build(120)
    carts = Array.new(30) { |i| Shop::Cart.fill(catalog, i) }
    invoices = carts.map { |cart| Shop::Invoice.new(cart) }
    texts = invoices.map(&:render)
    export = JSON.generate(invoices.map(&:to_h))
    parsed = JSON.parse(export)
    tags = Set.new
    catalog.each_product { |product| tags.merge(product.tags) }
    $shop_retained = {
      catalog: catalog,
      last_invoices: texts.last(5),
      export_size: export.bytesize,
      first_order: parsed.first,
      tags: tags
    }
  end
end
