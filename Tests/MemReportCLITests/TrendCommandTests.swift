import Foundation
import Testing
import MemReportTestSupport

/// `memreport trend` end to end: the real derailed samples, every output format, several series,
/// and bad input (one line on stderr, a documented exit code, no file left at `-o`).
@Suite("memreport trend, end to end")
struct TrendCommandTests {
  static func derailedFile(_ app: String) throws -> String {
    let dir = TestFiles.sample("mem-over-time/\(app)")
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasSuffix("-times.txt") })
    return "\(dir)/\(name)"
  }

  static func trendFixture(_ name: String) -> String { TestFiles.fixture("trend/\(name)") }

  @Test func realLeakInText() throws {
    let leak = try Self.derailedFile("leak")
    let r = try CLIRunner.run(["trend", leak, "--limit", "512MiB"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == leak)
    // Theil–Sen slope of samples 3–205 is 5.6514 MiB per sample (python3, see MemReportKitTests),
    // at derailed's 5 s that is 67.8 MiB a minute (issue 10 point 9: was "5,651 MiB per 1,000
    // samples", which reads as 5.5 GiB for a 17-minute run that grew 1.2 GiB).
    #expect(
      lines[1].hasPrefix(
        "leak: memory grows 67.8 MiB/min (95% CI 67.5–68.0), 23.3 MiB per 1,000 requests"))
    #expect(r.stdout.contains("TEST_COUNT 50,000 (≈243 requests per sample); ruby 3.1.2p20"))
    #expect(r.stdout.contains("limit 512 MiB: reached after 84 samples"))
  }

  @Test func realPlateauFromStdoutCaptureIsBloat() throws {
    let r = try CLIRunner.run(["trend", TestFiles.sample("mem-over-time/plateau-stdout.txt")])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.contains(
        "bloat: memory rises 196.6 MiB in a 40-sample (3.3 min) warm-up, then levels off at 224.2 MiB"
      ))
    #expect(r.stdout.contains("read: derailed stdout, PID 11373, endpoint /"))
  }

  @Test func jsonOfBeforeAndAfter() throws {
    let r = try CLIRunner.run([
      "trend", "--baseline", try Self.derailedFile("leak"), try Self.derailedFile("plateau"),
      "--format", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(json["schemaVersion"] as? Int == 1)
    let series = try #require(json["series"] as? [[String: Any]])
    #expect(series.map { $0["verdict"] as? String } == ["leak", "bloat"])
    #expect(series.map { $0["warmupSamples"] as? Int } == [3, 40])
    #expect(series.map { $0["label"] as? String } == ["leak", "plateau"])
    #expect(json["baseline"] as? String == (try Self.derailedFile("leak")))
    // 5.6514 MiB per sample every 5 s: 67.8 MiB a minute.
    #expect(abs((series[0]["slopeMiBPerMinute"] as? Double ?? 0) - 67.816723) < 1e-5)
    #expect(series[0]["projection"] is NSNull)
    let comparisons = try #require(json["comparisons"] as? [[String: Any]])
    #expect((comparisons.first?["summary"] as? String)?.hasPrefix("the leak is gone") == true)
  }

  /// Issue 10 point 8: three unrelated series get three verdicts and no comparison; a baseline or
  /// a before/after pair is compared; labels come from --label or the folder.
  @Test func severalFilesAreIndependentUnlessABaselineIsNamed() throws {
    let leak = try Self.derailedFile("leak")
    let plateau = try Self.derailedFile("plateau")
    let warmup = try Self.derailedFile("warmup")
    let three = try CLIRunner.run(["trend", leak, plateau, warmup])
    #expect(three.status == 0, "\(three.stderr)")
    // Was "the leak is gone: …" for each later file.
    #expect(!three.stdout.contains("gone") && !three.stdout.contains("compared with"))
    let heads = three.stdout.split(separator: "\n").filter {
      $0.hasPrefix("leak (") || $0.hasPrefix("plateau (") || $0.hasPrefix("warmup (")
    }
    #expect(heads.count == 3)
    let md = try CLIRunner.run(["trend", leak, plateau, warmup, "--format", "markdown"])
    #expect(md.stdout.hasPrefix("- `leak`: **leak**: memory grows 67.8 MiB/min"))
    #expect(!md.stdout.contains("→"))

    let based = try CLIRunner.run(["trend", plateau, warmup, "--baseline", leak])
    #expect(based.status == 0, "\(based.stderr)")
    #expect(based.stdout.hasPrefix("leak ("))
    #expect(based.stdout.contains("\ncompared with the baseline leak\n"))
    #expect(
      based.stdout.contains(
        "\n  plateau: leak → bloat: the leak is gone: tail growth 67.8 → 0.134 MiB/min"))
    #expect(based.stdout.contains("\n  warmup: leak → bloat: the leak is gone: "))

    let pair = try CLIRunner.run([
      "trend", "--label", "after=\(plateau)", "--label", "before=\(leak)", plateau, leak,
      "--format", "markdown",
    ])
    #expect(pair.status == 0, "\(pair.stderr)")
    #expect(
      pair.stdout.hasPrefix("**leak → bloat**: the leak is gone: tail growth 67.8 → 0.134 MiB/min"))
    #expect(pair.stdout.contains("| `after` | **bloat** |"))

    for bad in [
      ["--label", "x"], ["--label", "=\(leak)"], ["--label", "x=nowhere.txt"],
      ["--baseline", leak],
    ] {
      let r = try CLIRunner.run(["trend", leak] + bad)
      #expect(r.status == 64, "\(bad): \(r.stderr)")
    }
  }

  @Test func svgIsWrittenThroughATemporaryFile() throws {
    let folder = try CLIRunner.temporaryFolder()
    let out = folder.appendingPathComponent("chart.svg")
    let r = try CLIRunner.run([
      "trend", try Self.derailedFile("plateau"), "-o", out.path, "--limit", "512MiB",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(CLIRunner.contents(of: folder) == ["chart.svg"])
    let svg = try String(contentsOf: out, encoding: .utf8)
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
    #expect(svg.contains("<title id=\"chart-title\">Memory over time: bloat</title>"))
    #expect(svg.contains(">Memory (MiB)</text>") && svg.contains(">Requests</text>"))
    #expect(svg.contains(">plateau 224.2 MiB</text>"))
  }

  @Test func markdownFromStandardInput() throws {
    let data = try Data(
      contentsOf: URL(fileURLWithPath: TestFiles.sample("mem-over-time/leak-stdout.txt")))
    let r = try CLIRunner.run(
      ["trend", "-", "--format", "markdown", "--test-count", "50000"], stdin: data)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("**leak**: memory grows 67.8 MiB/min"))
    #expect(r.stdout.contains("| `standard input` | **leak** | 206 | 3 | — |"))
    #expect(r.stdout.contains("23.3 MiB |"))  // per 1,000 requests, from --test-count
  }

  @Test func pastedStdoutWarnsPerSkippedLine() throws {
    let path = Self.trendFixture("pasted-stdout.txt")
    let r = try CLIRunner.run(["trend", path])
    #expect(r.status == 0)
    let warnings = r.stderr.split(separator: "\n")
    #expect(warnings.count == 7)
    #expect(
      warnings.first
        == "memreport: warning: \(path):1: skipped a shell prompt or command: '$ TEST_COUNT=5000 bundle exec derailed exec perf:mem_over_time'"
    )
    #expect(
      r.stdout.contains("inconclusive: too few samples (5 of the 30 needed); run about 30 samples"))
    let quiet = try CLIRunner.run(["trend", path, "--quiet"])
    #expect(quiet.stderr.isEmpty)
  }

  @Test func kibTableAndUnitOption() throws {
    let r = try CLIRunner.run(["trend", Self.trendFixture("ps-rss-kib.txt"), "--unit", "KiB"])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty)
    #expect(r.stdout.contains("stable: memory stays at 300.1 MiB"))
    #expect(r.stdout.contains("read: numbers, KiB converted to MiB"))
  }

  @Test func badValueStopsWithExit65AndLeavesNoFile() throws {
    let folder = try CLIRunner.temporaryFolder()
    let out = folder.appendingPathComponent("out.json")
    try Data("previous".utf8).write(to: out)
    let path = Self.trendFixture("bad-value.txt")
    let r = try CLIRunner.run(["trend", path, "-o", out.path])
    #expect(r.status == 65)
    #expect(
      r.stderr
        == "memreport: error: \(path):4: not a number: '12.3.4' (pass '--skip-bad-lines' to skip such lines)\n"
    )
    #expect(CLIRunner.contents(of: folder) == ["out.json"])
    #expect(try String(contentsOf: out, encoding: .utf8) == "previous")
    let skipped = try CLIRunner.run(["trend", path, "--skip-bad-lines", "-o", out.path])
    #expect(skipped.status == 0)
    #expect(skipped.stderr.split(separator: "\n").count == 4)
    #expect(skipped.stderr.contains("\(path):9: skipped a bad value: number out of range: '1e999'"))
  }

  @Test func usageErrorsAndMissingFiles() throws {
    let leak = try Self.derailedFile("leak")
    let pdf = try CLIRunner.run(["trend", leak, "-o", "chart.pdf"])
    #expect(pdf.status == 64)
    #expect(
      pdf.stderr.contains(
        "cannot tell the format from 'chart.pdf': pass '--format text|json|markdown|svg|html'"))
    let top = try CLIRunner.run(["trend", leak, "--top", "3"])
    #expect(top.status == 64 && top.stderr.contains("Unknown option '--top'"))
    let limit = try CLIRunner.run(["trend", leak, "--limit", "lots"])
    #expect(limit.status == 64 && limit.stderr.contains("'--limit' takes a size such as 512MiB"))
    let unit = try CLIRunner.run(["trend", leak, "--unit", "parsecs"])
    #expect(unit.status == 64)
    let twice = try CLIRunner.run(["trend", "-", "-"])
    #expect(
      twice.status == 64 && twice.stderr.contains("standard input ('-') can be read only once"))
    let missing = try CLIRunner.run(["trend", "/no/such/series.txt"])
    #expect(missing.status == 66)
    #expect(
      missing.stderr
        == "memreport: error: /no/such/series.txt: cannot open: no such file or directory\n")
    let report = try CLIRunner.run(["trend", TestFiles.sample("default.txt")])
    #expect(report.status == 65)
    #expect(
      report.stderr
        == "memreport: error: \(TestFiles.sample("default.txt")):1: this looks like a memory_profiler report, "
        + "not a memory-over-time series (derailed perf:mem_over_time): use 'memreport report'\n")
  }

  /// Detection reads ahead on pipes too, and the parser then sees every byte once.
  @Test func detectionOnStandardInput() throws {
    let series = try Data(
      contentsOf: URL(fileURLWithPath: TestFiles.sample("mem-over-time/leak-stdout.txt")))
    let asReport = try CLIRunner.run(["report", "-"], stdin: series)
    #expect(asReport.status == 65)
    #expect(
      asReport.stderr.hasSuffix("not a memory_profiler report: use 'memreport trend'\n"),
      "\(asReport.stderr)")
    let viaPipe = try CLIRunner.run(["trend", "-", "--format", "json"], stdin: series)
    let viaFile = try CLIRunner.run([
      "trend", TestFiles.sample("mem-over-time/leak-stdout.txt"), "--format", "json",
    ])
    #expect(viaPipe.status == 0)
    #expect(
      viaPipe.stdout.replacingOccurrences(of: "\"-\"", with: "\"X\"").replacingOccurrences(
        of: "\"standard input\"", with: "\"L\"")
        == viaFile.stdout.replacingOccurrences(
          of: "\"\(TestFiles.sample("mem-over-time/leak-stdout.txt"))\"", with: "\"X\""
        ).replacingOccurrences(of: "\"leak-stdout.txt\"", with: "\"L\""))
    // 2 MB through a pipe: the read-ahead (64 KiB) is handed to the parser before the rest.
    let big = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample("top3000.txt")))
    let piped = try CLIRunner.run(["report", "-", "--format", "json"], stdin: big)
    let file = try CLIRunner.run(["report", TestFiles.sample("top3000.txt"), "--format", "json"])
    #expect(piped.status == 0)
    #expect(
      piped.stdout.count == file.stdout.count + 1 - TestFiles.sample("top3000.txt").utf8.count)
  }
}
