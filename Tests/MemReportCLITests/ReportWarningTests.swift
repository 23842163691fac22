import Foundation
import Testing
import MemReportTestSupport

/// Issue 10, warnings: a cap per input file, `--quiet` silent, derailed's banner as metadata.
@Suite("memreport report: warnings on standard error")
struct ReportWarningTests {
  /// before.txt and after.txt pasted with 12 lines of prose after each (12 warnings in each of
  /// the two reports): the cap was 10 per report (22 lines); it is 10 per file, then one count.
  func prosePaste() throws -> URL {
    let prose = (1...12).map { "Here is what I saw on the staging box, run \($0):" }
      .joined(separator: "\n")
    let before = try String(contentsOfFile: TestFiles.sample("before.txt"), encoding: .utf8)
    let after = try String(contentsOfFile: TestFiles.sample("after.txt"), encoding: .utf8)
    let url = try CLIRunner.temporaryFolder().appendingPathComponent("prose.txt")
    try (before + prose + "\n" + after + prose + "\n").write(
      to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test func theCapIsPerInputFile() throws {
    let url = try prosePaste()
    let r = try CLIRunner.run(["report", url.path, "--top", "1"])
    #expect(r.status == 0)
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 11, "\(r.stderr)")
    #expect(
      lines.first
        == "memreport: warning: \(url.path):476: skipped a line that is not part of a memory_profiler report: 'Here is what I saw on the staging box, run 1:'"
    )
    #expect(
      lines.last == "memreport: warning: \(url.path): 14 more warnings (all in '--format json')")
    // Every warning is still in the JSON, with its report.
    let json = try CLIRunner.run(["report", url.path, "--format", "json"])
    #expect(json.stdout.components(separatedBy: "Here is what I saw").count - 1 == 24)
  }

  /// `diff` keeps the same budget: one cap per input file, however many reports it holds (it
  /// printed 10 per report: 22 lines for this file on the before side).
  @Test func diffCapsPerInputFileToo() throws {
    let url = try prosePaste()
    let r = try CLIRunner.run(["diff", url.path, TestFiles.sample("after.txt")])
    #expect(r.status == 0)
    let lines = r.stderr.split(separator: "\n").filter { $0.contains(url.path) }
    #expect(lines.count == 11, "\(r.stderr)")
    #expect(
      lines.last == "memreport: warning: \(url.path): 14 more warnings (all in '--format json')")
  }

  @Test func quietPrintsNothingAboutWarnings() throws {
    let url = try prosePaste()
    let loud = try CLIRunner.run(["report", url.path, "--top", "1"])
    #expect(
      loud.stdout.contains(
        "12 warnings about this report (on standard error; all in --format json)"))
    let r = try CLIRunner.run(["report", url.path, "--top", "1", "--quiet"])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty)
    #expect(!r.stdout.contains("warning"))
  }

  /// Samples/perf-objects-banner.txt: real perf:objects output of apps/leak whose perf.rake keeps
  /// derailed's default rack_load action, so its 9-line banner comes first. It gave 8 warnings.
  @Test func derailedsBannerIsMetadata() throws {
    let r = try CLIRunner.run(["report", TestFiles.sample("perf-objects-banner.txt"), "--top", "1"])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    #expect(
      r.stdout.contains(
        "derailed perf:objects; Running 5 times; Endpoint: /; seen: 16 sections, allocated string report, derailed's 'not using Rails' banner, header: bytes and objects, retained string report"
      ))
    #expect(!r.stdout.contains("Markdown"))
    #expect(r.stdout.contains("Total allocated: 323 kB (323,455 bytes), 230 objects"))
  }
}
