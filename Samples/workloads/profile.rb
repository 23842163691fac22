# frozen_string_literal: true

# Runs one workload under memory_profiler and writes one or more text reports.
#
#   ruby profile.rb WORKLOAD.rb TOP OUTPUT[,option[=value]...] [OUTPUT...]
#
# WORKLOAD.rb must define `Workload.run`; it is required (and so loaded and
# compiled) BEFORE profiling starts, so only `Workload.run` is measured.
# TOP is memory_profiler's `top:` (rows per section / string groups).
# Each OUTPUT is a file written with `report.pretty_print(to_file: OUTPUT, ...)`
# from the same profile, so the numbers in all outputs of one call agree.
# Options after the commas are pretty_print options; a bare name means true,
# e.g. `scale-bytes.txt,scale_bytes` or `colour.txt,color_output=true`.
# color_output defaults to false.

require "memory_profiler"

workload, top, *outputs = ARGV
abort "usage: ruby profile.rb WORKLOAD.rb TOP OUTPUT[,opt[=val]...]..." if workload.nil? || top.nil? || outputs.empty?

require File.expand_path(workload)

report = MemoryProfiler.report(top: Integer(top)) { Workload.run }

def parse_value(str)
  case str
  when nil, "true" then true
  when "false" then false
  when /\A\d+\z/ then Integer(str)
  else str
  end
end

outputs.each do |spec|
  path, *opts = spec.split(",")
  options = { color_output: false }
  opts.each do |opt|
    key, value = opt.split("=", 2)
    options[key.to_sym] = parse_value(value)
  end
  report.pretty_print(to_file: path, **options)
end
