import Foundation
import Testing
import MemReportTestSupport

@Suite("memreport report, end to end")
struct ReportCommandTests {
  @Test func textReportOfTheDefaultSample() throws {
    let r = try CLIRunner.run(["report", TestFiles.sample("default.txt")])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    #expect(r.stdout.contains("Total allocated: 588 kB (588,443 bytes), 8,340 objects"))
    #expect(r.stdout.contains("Total retained:  50.4 kB (50,387 bytes), 773 objects"))
    #expect(r.stdout.contains("50 locations listed: 97.4% of 588 kB allocated"))
    #expect(r.stdout.contains("5 gems listed: 100.0% of 588 kB allocated (complete list)"))
    #expect(r.stdout.contains("  65.1 kB  11.1%  ruby/lib/erb.rb:905"))
    #expect(r.stdout.contains("paths: normalized with memory_profiler's normalize_paths rules"))
    #expect(r.stdout.contains("  … 40 more rows (262 kB)"))
  }

  @Test func jsonReportFollowsTheSchema() throws {
    let r = try CLIRunner.run(["report", TestFiles.sample("default.txt"), "--format", "json"])
    #expect(r.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(json["schemaVersion"] as? Int == 1)
    #expect(json["source"] as? String == TestFiles.sample("default.txt"))
    let report = try #require((json["reports"] as? [[String: Any]])?.first)
    let totals = try #require(report["totals"] as? [String: [String: Any]])
    #expect(totals["allocated"]?["bytes"] as? Int == 588_443)
    #expect(totals["allocated"]?["objects"] as? Int == 8340)
    #expect(totals["retained"]?["bytes"] as? Int == 50_387)
    #expect(totals["retained"]?["approximate"] == nil)
    let sections = try #require(report["sections"] as? [[String: Any]])
    #expect(sections.count == 16)
    let location = try #require(
      sections.first { $0["title"] as? String == "allocated memory by location" })
    let rows = try #require(location["rows"] as? [[String: Any]])
    #expect(rows.count == 50)
    #expect(rows[0]["name"] as? String == "ruby/lib/erb.rb:905")
    #expect(rows[0]["value"] as? Int == 65050)
    #expect(rows[0]["file"] as? String == "ruby/lib/erb.rb")
    #expect(rows[0]["line"] as? Int == 905)
    #expect(location["cutoff"] as? Int == 1200)
    #expect(location["complete"] as? Bool == false)
    let strings = try #require(report["strings"] as? [String: [[String: Any]]])
    #expect(strings["allocated"]?.first?["string"] as? String == "\"\\n\"")
    #expect(strings["allocated"]?.first?["count"] as? Int == 450)
    let locations = try #require(strings["allocated"]?.first?["locations"] as? [[String: Any]])
    #expect(locations.first?["file"] as? String == "ruby/lib/erb.rb")
    #expect(locations.first?["line"] as? Int == 524)
    #expect(locations.first?["count"] as? Int == 90)
    #expect((report["warnings"] as? [Any])?.isEmpty == true)
    let metadata = try #require(report["metadata"] as? [String: Any])
    #expect(metadata["producer"] as? String == "memory_profiler")
  }

  @Test func rawPathsWithNoNormalize() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("default.txt"), "--no-normalize", "--top", "1",
    ])
    #expect(r.status == 0)
    #expect(r.stdout.contains("  65.1 kB  11.1%  /usr/lib/ruby/3.1.0/erb.rb:905"))
    #expect(r.stdout.contains("paths: as printed"))
  }

  @Test func scaledTotalsAreMarkedApproximateInJSON() throws {
    let r = try CLIRunner.run(["report", TestFiles.sample("scale-bytes.txt"), "--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let report = try #require((json["reports"] as? [[String: Any]])?.first)
    let totals = try #require(report["totals"] as? [String: [String: Any]])
    #expect(totals["allocated"]?["bytes"] as? Int == 588_440)
    #expect(totals["allocated"]?["approximate"] as? Bool == true)
  }

  @Test func standardInputIsReadForADash() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample("default.txt")))
    let r = try CLIRunner.run(["report", "-", "--top", "2"], stdin: data)
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("-: report 1 (lines 1–654)"))
    #expect(r.stdout.contains("Total allocated: 588 kB (588,443 bytes), 8,340 objects"))
    #expect(r.stdout.contains("  … 48 more rows"))
  }

  @Test func outputFormatIsInferredFromTheExtension() throws {
    let folder = try CLIRunner.temporaryFolder()
    let out = folder.appendingPathComponent("report.json")
    let r = try CLIRunner.run(["report", TestFiles.sample("perf-objects.txt"), "-o", out.path])
    #expect(r.status == 0)
    #expect(r.stdout.isEmpty)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
    #expect(json?["schemaVersion"] as? Int == 1)
    #expect(CLIRunner.contents(of: folder) == ["report.json"])  // no temporary file left
  }

  @Test func warningsGoToStandardErrorWithPathAndLine() throws {
    let path = TestFiles.fixture("malformed/truncated.txt")
    let r = try CLIRunner.run(["report", path])
    #expect(r.status == 0)
    #expect(r.stderr.contains("memreport: warning: \(path):8: skipped the last line"))
    let quiet = try CLIRunner.run(["report", path, "--quiet"])
    #expect(quiet.stderr.isEmpty)
  }

  @Test func unknownOutputExtensionIsAUsageError() throws {
    let r = try CLIRunner.run(["report", TestFiles.sample("default.txt"), "-o", "x.pdf"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("cannot tell the format from 'x.pdf'"))
  }

  @Test func helpListsExitCodes() throws {
    let r = try CLIRunner.run(["--help"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("65 unusable"))
    #expect(r.stdout.contains("1 a diff gate was crossed"))
    let version = try CLIRunner.run(["--version"])
    #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
  }
}
