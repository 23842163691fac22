import MemReportCore
import Testing

/// The one CSV emitter: quoting, formula neutralising, control characters, numbers.
@Suite("CSVText")
struct CSVTextTests {
  @Test func plainCellsStayPlain() {
    #expect(CSVText.text("activesupport-7.0.8") == "activesupport-7.0.8")
    #expect(CSVText.text("String") == "String")
    #expect(CSVText.text("") == "")
  }

  @Test func quotesWhatRFC4180Needs() {
    #expect(CSVText.text("a,b") == "\"a,b\"")
    #expect(CSVText.text("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVText.text(" padded ") == "\" padded \"")
  }

  @Test func formulasAreText() {
    #expect(CSVText.text("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
    #expect(CSVText.text("+1") == "'+1")
    #expect(CSVText.text("-2") == "'-2")
    #expect(CSVText.text("@SUM(A1)") == "'@SUM(A1)")
    #expect(CSVText.text("\tx") == "' x")
  }

  @Test func controlCharactersBecomeSpaces() {
    #expect(CSVText.text("a\nb\r\u{1B}[31m") == "a b  [31m")
    #expect(CSVText.text("x\u{85}y") == "x y")
  }

  @Test func numbersAndRows() {
    #expect(CSVText.number(nil as Int?) == "")
    #expect(CSVText.number(-42) == "-42")
    #expect(CSVText.number(Int64(7)) == "7")
    #expect(CSVText.number(Double.infinity, decimals: 2) == "")
    #expect(CSVText.number(1.256, decimals: 2) == "1.26")
    #expect(CSVText.row(["a", "1", ""]) == "a,1,\r\n")
  }
}
