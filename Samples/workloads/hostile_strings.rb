# frozen_string_literal: true

# Workload behind hostile-strings.txt: allocates strings whose String#inspect
# form is awkward for a parser or an HTML/JSON renderer.  Each value is
# allocated several times (a different count each, so the ranking is stable),
# from two call sites, and half the copies are kept in $hostile_retained so
# they also appear in the Retained String Report.  One copy site is compiled
# with a hostile file name (spaces, <, >, &, quotes and a colon) via eval.

HOSTILE = [
  ["<script>alert(1)</script>", 12],                     # HTML injection
  ["he said \"hi\" and left", 11],                        # double quotes
  ["it's O'Reilly's", 10],                                # single quotes
  ["line one\nline two", 9],                              # newline
  ["tab\there \\ back\\slash", 8],                        # tab and backslashes
  ["héllo wörld ✓", 7],                                   # non-ASCII (UTF-8)
  ["日本語のテキスト、こんにちは", 6],                    # Japanese
  ["\xff\xfe abc".dup.force_encoding("UTF-8"), 5],        # invalid UTF-8 bytes
  ["\x00\x01\x7f\x80\xffbinary".b, 4],                    # binary (ASCII-8BIT)
  ["\e[31mred\e[0m and \#{not_interpolated}", 3],         # ESC and a literal #{
  ["<a href=\"x\" onclick='y()'>&amp; \u200d</a>", 3],    # quotes, entity, ZWJ
  [("0123456789<>\"'&" * 20) + "TAIL", 3]                 # 304 chars: cut to 200
].freeze

$hostile_retained = []

module HostileCopier
  # Compiled with a hostile "file name", which becomes the allocation file.
  eval(<<~RUBY, binding, "weird dir/<b>odd</b> & \"q\" 'file':name.rb", 1)
    def self.copy(value)
      value.dup
    end
  RUBY
end

module Workload
  def self.run
    HOSTILE.each do |value, times|
      times.times do |i|
        copy = i < 2 ? HostileCopier.copy(value) : String.new(value)
        $hostile_retained << copy if i.even?
      end
    end
  end
end
