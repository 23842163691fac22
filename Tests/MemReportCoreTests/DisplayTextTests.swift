import MemReportCore
import Testing

/// The one shortener and quoter of text from inputs, and the terminal styles.
@Suite("DisplayText and ANSI")
struct DisplayTextTests {
  @Test func shortening() {
    let path =
      "/usr/lib/ruby/gems/3.1.0/gems/activesupport-6.1.7/lib/active_support/core_ext/string/output_safety.rb:172"
    #expect(DisplayText.shortPath(path, limit: 64) == "/usr/…/output_safety.rb:172")
    #expect(DisplayText.shortPath("short.rb", limit: 64) == "short.rb")
    #expect(DisplayText.shortString(String(repeating: "a", count: 100), limit: 10) == "aaaaaaaaa…")
    #expect(DisplayText.middle("abcdefghijklmnopqrstuvwxyz", limit: 10) == "abc…uvwxyz")
    #expect(DisplayText.middle("abc", limit: 10) == "abc")
  }

  @Test func quotingALineForAMessage() {
    func quote(_ text: String, limit: Int = 80) -> String {
      Array(text.utf8).withUnsafeBufferPointer { DisplayText.quoted($0, limit: limit) }
    }
    #expect(quote("  12  a.rb:3  ") == "'12  a.rb:3'")
    #expect(quote("a\u{1B}[31mb\tc") == "'a [31mb c'")
    #expect(quote(String(repeating: "x", count: 90), limit: 5) == "'xxxxx…'")
    let invalid: [UInt8] = [0x61, 0xFF, 0x62]
    #expect(invalid.withUnsafeBufferPointer { DisplayText.quoted($0) } == "'a\u{FFFD}b'")
  }

  @Test func stylesOnlyWhenEnabled() {
    #expect(ANSI(enabled: true).bold("x") == "\u{1B}[1mx\u{1B}[0m")
    #expect(ANSI(enabled: true).apply(.boldRed, "leak") == "\u{1B}[1;31mleak\u{1B}[0m")
    #expect(ANSI(enabled: false).dim("x") == "x")
  }
}
