# frozen_string_literal: true

# A small ETL step used for the etl-before.txt / etl-after.txt samples.
# Samples/generate copies this file to workloads/lib/etl.rb and runs
# workloads/etl_app.rb, then does the same with the "after" version.
module Etl
  # AFTER: one buffer, appended to in place.
  def self.transform(rows)
    out = String.new(capacity: rows.size * 24)
    rows.each do |row|
      name, amount = row.split(",", 2)
      cents = amount.to_i * 100
      out << name.strip
      out << ":"
      out << cents.to_s
      out << "\n"
    end
    out
  end

  def self.rows(count)
    Array.new(count) { |i| " customer-#{i % 97} ,#{i % 1000}" }
  end
end
