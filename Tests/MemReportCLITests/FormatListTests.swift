import Foundation
import MemReportCore
import MemReportKit
import Testing
import MemReportTestSupport

/// One list per command says which formats it writes; `--help`, validation and the README read it.
@Suite("Each command's formats: one list")
struct FormatListTests {
  static let lists: [(String, [OutputFormat])] = [
    ("report", OutputFormat.reportFormats), ("diff", OutputFormat.diffFormats),
    ("trend", OutputFormat.trendFormats),
  ]

  @Test func helpOffersExactlyTheListedFormats() throws {
    for (command, formats) in Self.lists {
      let help = try CLIRunner.run([command, "--help"]).stdout.replacingOccurrences(
        of: "\n", with: " "
      )
      .split(separator: " ").joined(separator: " ")
      let values = formats.map(\.rawValue).joined(separator: ", ")
      #expect(help.contains("else text). (values: \(values))"), "\(command): \(help)")
    }
  }

  @Test func otherFormatsAreUsageErrors() throws {
    for (command, formats) in Self.lists {
      for format in OutputFormat.allCases where !formats.contains(format) {
        let r = try CLIRunner.run([
          command, TestFiles.sample("default.txt"), "--format", format.rawValue,
        ])
        #expect(r.status == 64, "\(command) --format \(format)")
        #expect(
          r.stderr.contains("The value '\(format.rawValue)' is invalid for '--format <format>'"))
      }
    }
  }

  /// `--color` only where text output has colour; elsewhere it is an error, not silently ignored.
  @Test func colourIsOfferedWhereItWorks() throws {
    #expect(try CLIRunner.run(["report", "--help"]).stdout.contains("--color"))
    #expect(try CLIRunner.run(["trend", "--help"]).stdout.contains("--color"))
    #expect(!(try CLIRunner.run(["diff", "--help"]).stdout.contains("--color")))
    let diff = try CLIRunner.run([
      "diff", TestFiles.sample("before.txt"), TestFiles.sample("after.txt"), "--color", "never",
    ])
    #expect(diff.status == 64)
  }

  /// The README's usage block of each command names the same formats as the list.
  @Test func readmeUsageNamesTheListedFormats() throws {
    let readme = try String(
      contentsOf: TestFiles.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    for (command, formats) in Self.lists {
      let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
      guard let start = lines.firstIndex(where: { $0.hasPrefix("memreport \(command) ") }) else {
        Issue.record("no usage line for \(command) in README.md")
        continue
      }
      let usage = lines[start...].prefix { !$0.hasPrefix("```") }.joined(separator: " ")
      let expected = "--format " + formats.map(\.rawValue).joined(separator: "|")
      #expect(usage.contains(expected + "]"), "README usage of \(command) should say \(expected)")
    }
  }
}
