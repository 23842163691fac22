import MemReportCore
import Testing

@testable import MemReportKit

/// User patterns run on RE2: linear time whatever the pattern, Ruby-like syntax for paths.
@Suite("FileFilter patterns (RE2)")
struct FileFilterRE2Tests {
  /// Backtracking engines take exponential time on these (107 s for the first on a 27-character
  /// path with Swift's Regex); RE2 answers at once, and correctly.
  @Test func catastrophicPatternsAnswer() throws {
    let nested = try FileFilter(allow: ["(a+)+$"])
    #expect(nested.matches(String(repeating: "a", count: 26) + "!", normalized: "") == 0)
    #expect(nested.matches("gems/aaaa", normalized: "gems/aaaa") == 1)
    let words = try FileFilter(allow: ["^(\\w+/?)*x$"])
    let path = "/usr/lib/ruby/3.1.0/json/common.rb"
    #expect(words.matches(path, normalized: path) == 0)
    #expect(words.matches("lib/shop/x", normalized: "lib/shop/x") == 1)
  }

  @Test func rubyStylePatternsMatchAsBefore() throws {
    let filter = try FileFilter(allow: ["shop/(lib|app)", "(?i)JSON"], ignore: ["_spec\\.rb$"])
    #expect(filter.matches("/srv/shop/lib/cart.rb", normalized: "shop/lib/cart.rb") == 0b01)
    #expect(filter.matches("/usr/lib/ruby/3.1.0/json/common.rb", normalized: "json") == 0b10)
    #expect(filter.matches("shop/app/cart_spec.rb", normalized: "shop/app/cart_spec.rb") == 0b101)
    #expect(!filter.keeps(0b101))
    #expect(filter.keeps(0b01))
  }

  @Test func unsupportedSyntaxIsAUsageError() {
    let error = #expect(throws: MemReportError.self) { try FileFilter(allow: ["(a)\\1"]) }
    #expect(
      error?.description.hasSuffix(
        "(a)\\1' is not a valid regular expression: invalid escape sequence: \\1") == true)
    #expect(throws: MemReportError.self) { try FileFilter(ignore: ["a{1000}{1000}"]) }
  }
}
