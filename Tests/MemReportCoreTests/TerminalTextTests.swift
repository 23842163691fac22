import MemReportCore
import Testing

/// Control characters and bidi overrides from inputs are shown, never obeyed, in every format.
@Suite("TerminalText")
struct TerminalTextTests {
  static let hostile =
    "a\u{1B}]52;c;aGk=\u{7}b\u{1B}c\u{9B}31m\rc\u{8}\u{202E}d\u{2066}e\u{7F}\u{0}"

  @Test func everyControlIsShown() {
    #expect(
      TerminalText.visible(Self.hostile)
        == "a\\e]52;c;aGk=\\ab\\ec\\x9b31m\\rc\\b<U+202E>d<U+2066>e\\x7f\\0")
    #expect(TerminalText.visible("plain/path.rb:12 é") == "plain/path.rb:12 é")
    #expect(TerminalText.visible("a\nb\tc") == "a\\nb\\tc")
  }

  @Test func terminalOutputKeepsOwnNewlinesAndColours() {
    let written = "\u{1B}[1mTitle\u{1B}[0m\n  " + Self.hostile + "\n"
    #expect(
      TerminalText.forTerminal(written)
        == "\u{1B}[1mTitle\u{1B}[0m\n  a\\e]52;c;aGk=\\ab\\ec\\x9b31m\\rc\\b<U+202E>d<U+2066>e\\x7f\\0\n"
    )
    // Only a complete SGR sequence passes: an OSC or a cursor move does not.
    #expect(TerminalText.forTerminal("\u{1B}[2J\u{1B}[31") == "\\e[2J\\e[31")
  }

  @Test func markdownCellsCannotEndTheRowOrSpoof() {
    // A lone \r ends a GFM table row (cmark-gfm): it must not survive in a cell.
    let path = "app.rb\r## Gate passed <img src=x> \u{202E}bur.exe"
    let code = MarkdownText.code(path)
    #expect(!code.contains("\r"))
    #expect(code == "`app.rb\\r## Gate passed <img src=x> <U+202E>bur.exe`")
    let escaped = MarkdownText.escaped(path)
    #expect(escaped == "app.rb\\\\r\\#\\# Gate passed &lt;img src=x&gt; &lt;U+202E&gt;bur.exe")
    #expect(!MarkdownText.escaped("a\u{85}b\u{2028}c").contains("\u{85}"))
  }

  @Test func jsonEscapesWhatATerminalWouldObey() {
    #expect(JSONText.quoted("a\u{9B}b\u{202E}c\u{61C}") == "\"a\\u009bb\\u202ec\\u061c\"")
    #expect(JSONText.quoted("é and ü") == "\"é and ü\"")
  }

  @Test func pagesMarkBidiOverrides() {
    #expect(DisplayText.clean("x\u{202E}y\u{1}z\u{9B}") == "x<U+202E>y\u{FFFD}z\\x9b")
  }
}
