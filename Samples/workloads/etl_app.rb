# frozen_string_literal: true

# Workload behind etl-before.txt and etl-after.txt: it loads lib/etl.rb (which
# Samples/generate fills from etl/before/ or etl/after/) and transforms 600
# rows. The rewrite moves and edits lines, so old and new line numbers collide:
# the pair tests that `diff --git-diff` never pairs an edited line with an
# unrelated new line of the same number.

require_relative "lib/etl"

$etl_retained = nil

module Workload
  def self.run
    rows = Etl.rows(600)
    $etl_retained = Etl.transform(rows).bytesize
  end
end
