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

/// Chart labels shortened to a width keep the gem (first folder) and the file name.
@Suite("Chart labels")
struct ChartLabelTests {
  @Test func labelsKeepTheGemAndTheFileName() {
    // 29 characters fit in 210 px (the report's bar chart label column).
    #expect(
      SVGChart.fit("retained/lib/session_store.rb:26", width: 210)
        == "retained…/session_store.rb:26")
    let long = "activesupport-6.1.7/lib/active_support/core_ext/string/output_safety.rb:172"
    #expect(SVGChart.fit(long, width: 310) == "activesupport-6.1.7/…/output_safety.rb:172")
    #expect(SVGChart.fit(long, width: 300) == "activesupport-6.1.7…/output_safety.rb:172")
    #expect(SVGChart.fit(long, width: 200) == "activ…/output_safety.rb:172")
    #expect(SVGChart.fit("/work/main/Samples/workloads/shop.rb", width: 210) == "/work/…/shop.rb")
    #expect(SVGChart.fit("shop/lib/shop/cart.rb", width: 210) == "shop/lib/shop/cart.rb")
    // No folders (an icicle cell under its file): the end, where the line number is.
    #expect(SVGChart.fit("erb.rb:519", width: 50) == "…b:519")
    // A file name too long for the gem to fit: both ends of the path.
    #expect(
      SVGChart.fit("nokogiri-1.16.0/lib/nokogiri/xml/document_fragment_builder.rb:88", width: 150)
        == "nokogi…builder.rb:88")
  }
}
