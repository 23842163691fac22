# frozen_string_literal: false
#
# Real Ruby heap dumps for memreport's speed benchmark (issue 13; scripts/bench-heap uses them).
#
#   ruby --disable-gems scripts/generate-heap-dumps.rb OUTDIR [MB]    # MB defaults to 300
#
# Writes, with allocation tracing on (ObjectSpace.trace_object_allocations_start), from one
# process:
#   OUTDIR/big.ndjson         at least MB megabytes (300: 311 MB, 0.91 M objects): orders of
#                             app classes (Bench::Shop::Order, LineItem, a Customer Struct),
#                             strings (some duplicated), arrays, hashes, Time objects, and one
#                             Array of 150,000 elements (a 2.7 MB line);
#   OUTDIR/set-0/1/2.ndjson   three more dumps of the same process, each after a round that drops
#                             10% of the orders (their slots get reused) and keeps 15% more in a
#                             never-pruned Bench::Leak::KEPT: a growing set, each dump of similar
#                             size, for `leaks` / `heapy diff set-0 set-1 set-2`.
# These are real ObjectSpace.dump_all outputs (Debian's Ruby 3.1 here), not synthesized JSON.
# Deterministic apart from addresses (srand). Measured for MB=300 (2-core machine): big.ndjson
# 310.7 MB / 912,815 lines, set-0/1/2 324/339/357 MB (0.95/1.00/1.05 M lines), 1.33 GB in
# all, in 6.8 s wall (5.8 s user CPU), peak RSS 230 MB. MB=80 gives 82 MB in 2 s; the
# 150,000 Strings and at least 1,000 orders make ~60 MB the smallest big.ndjson.
require "objspace"

OUTDIR = ARGV.fetch(0) { abort "usage: generate-heap-dumps.rb OUTDIR [MB]" }
MB = Integer(ARGV.fetch(1, "300"))
BYTES_PER_OBJECT = 330 # a dump line of this workload is ~340 bytes; the estimate errs low
BIG_ARRAY = 150_000
srand(2024)

module Bench
  module Shop
    Customer = Struct.new(:id, :name, :email, :country)

    class LineItem
      attr_reader :sku, :title, :quantity, :price_cents

      def initialize(sku, title, quantity, price_cents)
        @sku = sku
        @title = title
        @quantity = quantity
        @price_cents = price_cents
      end
    end

    class Order
      attr_reader :id, :customer, :items, :meta, :note, :placed_at

      def initialize(id, customer, items, meta, note, placed_at)
        @id = id
        @customer = customer
        @items = items
        @meta = meta
        @note = note
        @placed_at = placed_at
      end
    end
  end

  module Leak
    KEPT = []
  end

  COUNTRIES = %w[GB FR DE NL SE US CA JP BR IN].freeze
  SOURCES = %w[web ios android api partner].freeze
  WORDS = %w[red blue green large small soft hard round square cotton wool steel oak].freeze

  def self.customer(i)
    Shop::Customer.new(i, "Customer #{i} #{WORDS[i % WORDS.size].capitalize}",
                       "customer#{i}@example.com", COUNTRIES[i % COUNTRIES.size])
  end

  # One order: ~12-24 heap objects (Order, Customer, Time, Strings, an items Array, 1-4
  # LineItems with their Strings, a meta Hash with an Array of tags).
  def self.order(i)
    items = Array.new(1 + rand(4)) do |k|
      sku = format("SKU-%05d", rand(20_000))
      Shop::LineItem.new(sku, "#{WORDS[rand(WORDS.size)]} #{WORDS[rand(WORDS.size)]} item #{k}",
                         1 + rand(5), 100 + rand(50_000))
    end
    meta = { "source" => SOURCES[i % SOURCES.size].dup, "currency" => "GBP",
             "tags" => WORDS.sample(2 + rand(3)).map(&:dup), "session" => "s#{i.to_s(36)}" }
    note = rand(10).zero? ? "gift wrap please, leave with the neighbour at number #{rand(100)}" : nil
    Shop::Order.new(i, customer(i), items, meta, note, Time.at(1_700_000_000 + i))
  end
end

def dump(name)
  GC.start
  path = File.join(OUTDIR, name)
  started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  File.open(path, "w") { |io| ObjectSpace.dump_all(output: io) }
  took = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
  warn format("%-12s %6.1f MB  (dump took %.1f s)", name, File.size(path) / 1e6, took)
end

# Boot-time objects (no allocation info), then tracing.
GC.start
ObjectSpace.trace_object_allocations_start

per_order = 21.5 # heap objects per order, measured
orders_needed = [((MB * 1_000_000.0 / BYTES_PER_OBJECT - 7_000 - BIG_ARRAY) / per_order).ceil, 1000].max
orders = Array.new(orders_needed) { |i| Bench.order(i) }
# The one big Array: 150,000 distinct Strings (its references list is a 2.7 MB line).
labels = Array.new(BIG_ARRAY) { |i| "label-#{i}" }
next_id = orders_needed
dump("big.ndjson")

3.times do |round|
  # Churn: drop 10% of the orders (their slots are reused), then keep 15% new ones forever.
  drop = orders.size / 10
  drop.times { orders.delete_at(rand(orders.size)) }
  (orders_needed * 15 / 100).times do
    Bench::Leak::KEPT << Bench.order(next_id)
    next_id += 1
  end
  dump("set-#{round}.ndjson")
end
labels.size
