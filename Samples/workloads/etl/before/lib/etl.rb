# frozen_string_literal: true

# A small ETL step used for the etl-before.txt / etl-after.txt samples.
# Samples/generate copies this file to workloads/lib/etl.rb and runs
# workloads/etl_app.rb, then does the same with the "after" version.
module Etl
  # BEFORE: `out +=` copies the whole output for every row.
  def self.transform(rows)
    out = +""
    rows.each do |row|
      fields = row.split(",")
      name = fields[0].strip
      cents = fields[1].to_i * 100
      line = "#{name}:#{cents}"
      out += line + "\n"
    end
    out
  end

  def self.rows(count)
    Array.new(count) { |i| " customer-#{i % 97} ,#{i % 1000}" }
  end
end
