import Foundation
import Testing
import MemReportTestSupport

/// Every `console` example in README.md's `memreport report` sections prints exactly what the tool
/// prints (issue 10: the `--top 3` example showed raw paths and a wrong remainder). An example is
/// `$ memreport report ARGS [| head -n N | sed -n A,Bp]` followed by its output.
@Suite("README: the report examples are what the tool prints")
struct ReadmeReportExamplesTests {
  struct Example {
    var command: String
    var output: [String]
  }

  static func examples() throws -> [Example] {
    let readme = try String(
      contentsOf: TestFiles.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    guard let start = readme.range(of: "## `memreport report`\n"),
      let end = readme.range(of: "\n## HTML reports\n", range: start.upperBound..<readme.endIndex)
    else { return [] }
    let lines = readme[start.upperBound..<end.lowerBound].split(
      separator: "\n", omittingEmptySubsequences: false)
    var examples: [Example] = []
    var i = 0
    while i < lines.count {
      let line = lines[i]
      let trimmed = line.drop { $0 == " " }
      guard trimmed == "```console" else {
        i += 1
        continue
      }
      let indent = line.count - trimmed.count
      var body: [String] = []
      i += 1
      while i < lines.count, lines[i].drop(while: { $0 == " " }) != "```" {
        body.append(String(lines[i].dropFirst(min(indent, lines[i].prefix { $0 == " " }.count))))
        i += 1
      }
      i += 1
      if let first = body.first, first.hasPrefix("$ ") {
        examples.append(
          Example(command: String(first.dropFirst(2)), output: Array(body.dropFirst())))
      }
    }
    return examples
  }

  @Test func everyExampleMatches() throws {
    let examples = try Self.examples()
    #expect(examples.count >= 7)
    for example in examples {
      let stages = example.command.components(separatedBy: " | ")
      let words = stages[0].split(separator: " ").map(String.init)
      try #require(words.first == "memreport", "\(example.command)")
      let r = try CLIRunner.run(Array(words.dropFirst()), in: TestFiles.packageRoot)
      #expect(r.status == 0, "\(example.command): \(r.stderr)")
      var out = r.stdout.replacingOccurrences(of: "\r\n", with: "\n").split(
        separator: "\n", omittingEmptySubsequences: false
      ).map(String.init)
      if out.last == "" { out.removeLast() }
      for stage in stages.dropFirst() {
        let parts = stage.split(separator: " ").map(String.init)
        if parts.count == 3, parts[0] == "head", parts[1] == "-n", let n = Int(parts[2]) {
          out = Array(out.prefix(n))
        } else if parts.count == 3, parts[0] == "sed", parts[1] == "-n", parts[2].hasSuffix("p"),
          let comma = parts[2].firstIndex(of: ","),
          let a = Int(parts[2][..<comma]),
          let b = Int(parts[2][parts[2].index(after: comma)...].dropLast())
        {
          out = Array(out.dropFirst(a - 1).prefix(b - a + 1))
        } else {
          Issue.record("unsupported stage '\(stage)' in \(example.command)")
        }
      }
      #expect(out == example.output, "\(example.command)")
    }
  }
}
