import Foundation
import Testing
import MemReportTestSupport

/// The `console` examples of README.md's "Memory at boot" section print exactly what the tool
/// prints (`$ memreport ARGS` then the output).
@Suite("README: the memory-at-boot examples are what the tool prints")
struct ReadmeBootExamplesTests {
  @Test func everyExampleMatches() throws {
    let readme = try String(
      contentsOf: TestFiles.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "## Memory at boot"))
    let end = try #require(readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex))
    let blocks = readme[start.upperBound..<end.lowerBound].components(separatedBy: "```console\n")
      .dropFirst()
    #expect(blocks.count == 2)
    for block in blocks {
      let body = try #require(block.components(separatedBy: "```\n").first)
      var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.last == "" { lines.removeLast() }
      let command = try #require(lines.first?.dropFirst(2))
      let words = command.split(separator: " ").map(String.init)
      try #require(words.first == "memreport")
      let r = try CLIRunner.run(Array(words.dropFirst()), in: TestFiles.packageRoot)
      #expect(r.status == 0, "\(command): \(r.stderr)")
      var out = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if out.last == "" { out.removeLast() }
      #expect(out == Array(lines.dropFirst()), "\(command)")
    }
  }
}
