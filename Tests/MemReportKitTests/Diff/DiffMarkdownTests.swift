import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

@Suite("memreport diff: Markdown for pull requests")
struct DiffMarkdownTests {

  /// top3000.txt against a copy whose every location row is 3% larger: 3,000-row tables.
  func bigPair() throws -> ProfileDiff {
    let input = try InputFile.open(TestFiles.sample("top3000.txt"))
    let text = String(decoding: try input.readAll(), as: UTF8.self)
    input.close()
    var grown = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.drop { $0 == " " }
      if let space = trimmed.firstIndex(of: " "), let value = Int(trimmed[..<space]),
        trimmed.contains(".rb:")
      {
        grown +=
          String(repeating: " ", count: 4) + String(value * 103 / 100 + 1) + trimmed[space...]
          + "\n"
      } else {
        grown += line + "\n"
      }
    }
    let before = try #require(try MemoryProfilerParser.parse(text: text).first)
    let after = try #require(try MemoryProfilerParser.parse(text: grown).first)
    let t = ProfileTransform(filter: try FileFilter())
    return ProfileDiffBuilder.build(before: [t.apply(to: before)], after: [t.apply(to: after)])
  }

  @Test func neverLongerThanAGitHubComment() throws {
    let diff = try bigPair()
    #expect(diff.section(.allocatedLocations)?.movers.count == 3000)
    var sink = StringSink()
    try DiffMarkdownWriter().write(
      diff, context: DiffContext(before: ["a"], after: ["b"]), into: &sink)
    #expect(sink.text.count <= 65_000)
    #expect(sink.text.count > 50_000)  // it fills the comment rather than dropping everything
    #expect(sink.text.contains("rows were cut to keep this comment under 65,000 characters"))
    #expect(sink.text.contains("more rows cut to fit |"))
    #expect(sink.text.hasPrefix("**Allocated unchanged; retained unchanged**"))  // only rows grew
    #expect(sink.text.contains("\n<details><summary>"))
    #expect(sink.text.contains("</details>\n"))
  }

  @Test func pathsAndStringsAreEscapedForGitHub() {
    #expect(MarkdownText.code("a|b.rb:3") == "`a\\|b.rb:3`")
    #expect(MarkdownText.code("<script>`x`</script>") == "``<script>`x`</script>``")
    #expect(MarkdownText.code("`edge`") == "`` `edge` ``")
    #expect(MarkdownText.escaped("a|b <c> *d* `e`") == "a\\|b &lt;c&gt; \\*d\\* \\`e\\`")
  }

  @Test func hostileNamesStayInsideTheirCells() throws {
    let profile = try #require(try parseFile(TestFiles.sample("hostile-strings.txt")).first)
    let diff = ProfileDiffBuilder.build(
      before: [profile],
      after: [ProfileTransform(filter: try FileFilter(ignore: ["weird"])).apply(to: profile)])
    var sink = StringSink()
    try DiffMarkdownWriter().write(
      diff, context: DiffContext(before: ["a"], after: ["b"]), into: &sink)
    for line in sink.text.split(separator: "\n") where line.hasPrefix("| `") {
      // Every table row has exactly the 7 unescaped pipes of its 6 cells.
      var pipes = 0
      var previous: Character = " "
      for ch in line {
        if ch == "|" && previous != "\\" { pipes += 1 }
        previous = ch
      }
      #expect(pipes == 7, "\(line)")
    }
    #expect(sink.text.contains("`weird dir/<b>odd</b> & \"q\" 'file':name.rb`"))
  }
}
