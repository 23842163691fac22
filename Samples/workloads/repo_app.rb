# frozen_string_literal: true

# Workload behind before.txt and after.txt.  It loads app/models/repo.rb
# (which Samples/generate fills from before/ or after/) plus the unchanged
# shop code, so only the allocations in repo.rb differ between the two runs.

require_relative "app/models/repo"
require_relative "shop/lib/shop/product"
require_relative "shop/lib/shop/catalog"

$repo_app_retained = nil

module Workload
  def self.run
    repo = Repo.seed(1_000)
    keys = nil
    3.times { keys = repo.cache_keys }
    popular = repo.popular(400)
    owners = repo.by_owner
    catalog = Shop::Catalog.build(50)
    labels = []
    catalog.each_product { |product| labels << product.label }
    $repo_app_retained = { repo: repo, keys: keys, popular: popular, owners: owners.size, labels: labels }
  end
end
