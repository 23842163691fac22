import MemReportCore
import Testing

/// The one JSON emitter's strings and numbers.
@Suite("JSONText")
struct JSONTextTests {
  @Test func strings() {
    #expect(JSONText.quoted("plain") == "\"plain\"")
    #expect(JSONText.quoted("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
    #expect(JSONText.quoted("\u{2028}") == "\"\\u2028\"")
  }

  @Test func numbers() {
    #expect(JSONText.number(nil as Int64?) == "null")
    #expect(JSONText.number(Int64(-5)) == "-5")
    #expect(JSONText.number(nil as Double?, decimals: 3) == "null")
    #expect(JSONText.number(Double.nan, decimals: 3) == "null")
    #expect(JSONText.number(12.0, decimals: 3) == "12")
    #expect(JSONText.number(1.25, decimals: 3) == "1.25")
    #expect(JSONText.number(2.9999999, decimals: 6) == "3")
    #expect(JSONText.number(-0.0000001, decimals: 3) == "0")
    #expect(JSONText.number(-1.5, decimals: 3) == "-1.5")
    #expect(JSONText.number(1.2e-12, decimals: 6, exponentBelow: 1e-4) == "1.2e-12")
    // Beyond what fixed notation holds exactly: Swift's shortest form, never a trap.
    #expect(JSONText.number(1e300 + 0.5, decimals: 6) == "1e+300")
    #expect(JSONText.number(12_345_678_901.5, decimals: 6) == "12345678901.5")
  }
}
