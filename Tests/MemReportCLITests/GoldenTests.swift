import Foundation
import Testing
import MemReportTestSupport

/// Every bundled sample through every command and format, compared byte for byte with the files in
/// `Goldens/`. Each case locks standard output (`NAME.EXT`), the exit code and standard error
/// (`NAME.stderr`), and any SVG files written with `--svg` (`NAME.svg/FILE`).
///
/// To re-record after an intended change: `MEMREPORT_RECORD_GOLDENS=1 swift test --filter Golden`.
/// A recording run always fails, so it is never left on; commit the new files with the reason.
@Suite("Goldens: every sample, command and format")
struct GoldenTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var ext: String
    var arguments: [String]
    var svg = false
    var testDescription: String { name }
  }

  static let leak =
    "Samples/mem-over-time/leak/" + (firstFile(in: "Samples/mem-over-time/leak") ?? "missing")
  static let plateau =
    "Samples/mem-over-time/plateau/" + (firstFile(in: "Samples/mem-over-time/plateau") ?? "missing")

  /// The one derailed file of a real run in `Samples/mem-over-time/<app>/`.
  static func derailed(_ app: String) -> String {
    "Samples/mem-over-time/\(app)/"
      + (firstFile(in: "Samples/mem-over-time/\(app)") ?? "missing")
  }

  static func firstFile(in folder: String) -> String? {
    try? FileManager.default.contentsOfDirectory(
      atPath: TestFiles.packageRoot.appendingPathComponent(folder).path
    )
    .sorted().first
  }

  static let reportSamples = [
    "default", "perf-objects", "retained", "retained-fixed", "scale-bytes", "normalize-paths",
    "raw-for-normalize",
    "no-detailed", "colour", "hostile-strings", "before", "after", "etl-before", "etl-after",
    "storefront", "storefront-top20", "perf-objects-banner", "before-after-paste",
  ]

  static let cases: [Case] = {
    var cases: [Case] = bootCases + heapCases
    for sample in reportSamples {
      let path = "Samples/\(sample).txt"
      cases.append(Case(name: "report-\(sample)", ext: "txt", arguments: ["report", path]))
      cases.append(
        Case(
          name: "report-\(sample)", ext: "json", arguments: ["report", path, "--format", "json"]))
      cases.append(
        Case(
          name: "report-\(sample)", ext: "html", arguments: ["report", path, "--format", "html"],
          svg: true))
    }
    cases += [
      Case(
        name: "report-top3000-top5", ext: "txt",
        arguments: ["report", "Samples/top3000.txt", "--top", "5"]),
      Case(
        name: "report-top3000-top5", ext: "json",
        arguments: ["report", "Samples/top3000.txt", "--top", "5", "--format", "json"]),
      Case(
        name: "report-top3000", ext: "html",
        arguments: ["report", "Samples/top3000.txt", "--format", "html"]),
      Case(
        name: "report-perf-objects-allow-by-file", ext: "txt",
        arguments: [
          "report", "Samples/perf-objects.txt", "--allow-files", "apps/leak", "--by", "file",
        ]),
      Case(
        name: "report-default-by-origin", ext: "txt",
        arguments: ["report", "Samples/default.txt", "--by", "origin"]),
      Case(
        name: "report-default-by-gem", ext: "json",
        arguments: ["report", "Samples/default.txt", "--by", "gem", "--format", "json"]),
      // Issue 10 (report): Markdown and CSV, the origin split, one report of a paste.
      Case(
        name: "report-default", ext: "md",
        arguments: ["report", "Samples/default.txt", "--format", "markdown"]),
      Case(
        name: "report-perf-objects", ext: "md",
        arguments: ["report", "Samples/perf-objects.txt", "--format", "markdown"]),
      Case(
        name: "report-storefront", ext: "md",
        arguments: ["report", "Samples/storefront.txt", "--format", "markdown"]),
      Case(
        name: "report-default", ext: "csv",
        arguments: ["report", "Samples/default.txt", "--format", "csv"]),
      Case(
        name: "report-storefront", ext: "csv",
        arguments: ["report", "Samples/storefront.txt", "--format", "csv"]),
      Case(
        name: "report-before-after-paste-2", ext: "csv",
        arguments: ["report", "Samples/before-after-paste.txt#2", "--format", "csv"]),
      Case(
        name: "report-before-after-paste-report-1", ext: "txt",
        arguments: ["report", "Samples/before-after-paste.txt", "--report", "1"]),
      Case(
        name: "report-storefront-by-origin", ext: "txt",
        arguments: ["report", "Samples/storefront.txt", "--by", "origin"]),
      Case(
        name: "report-storefront-top20-by-origin", ext: "txt",
        arguments: ["report", "Samples/storefront-top20.txt", "--by", "origin"]),
      Case(
        name: "report-storefront-top20-by-origin", ext: "json",
        arguments: [
          "report", "Samples/storefront-top20.txt", "--by", "origin", "--format", "json",
        ]),
      Case(
        name: "diff-before-after-paste", ext: "txt",
        arguments: [
          "diff", "Samples/before-after-paste.txt#1", "Samples/before-after-paste.txt#2",
        ]),
      Case(
        name: "report-raw-ignore-versions-no-normalize", ext: "txt",
        arguments: [
          "report", "Samples/raw-for-normalize.txt", "--no-normalize", "--ignore-files", "erb",
        ]),
    ]
    let pair = ["diff", "Samples/before.txt", "Samples/after.txt"]
    for (format, ext) in [("text", "txt"), ("json", "json"), ("markdown", "md")] {
      cases.append(
        Case(name: "diff-before-after", ext: ext, arguments: pair + ["--format", format]))
      cases.append(
        Case(
          name: "diff-before-after-git-diff", ext: ext,
          arguments: pair + ["--git-diff", "Samples/before-after.patch", "--format", format]))
    }
    cases += [
      Case(
        name: "diff-before-after", ext: "html", arguments: pair + ["--format", "html"], svg: true),
      Case(
        name: "diff-etl-git-diff", ext: "txt",
        arguments: [
          "diff", "Samples/etl-before.txt", "Samples/etl-after.txt", "--git-diff",
          "Samples/etl.patch",
        ]),
      Case(
        name: "diff-etl-git-diff", ext: "json",
        arguments: [
          "diff", "Samples/etl-before.txt", "Samples/etl-after.txt", "--git-diff",
          "Samples/etl.patch",
          "--format", "json",
        ]),
      Case(
        name: "diff-retained-fix", ext: "md",
        arguments: [
          "diff", "Samples/retained.txt", "Samples/retained-fixed.txt", "--format", "markdown",
        ]),
      Case(
        name: "diff-retained-fix", ext: "html",
        arguments: [
          "diff", "Samples/retained.txt", "Samples/retained-fixed.txt", "--format", "html",
        ]),
      Case(
        name: "diff-default-scale-bytes", ext: "txt",
        arguments: ["diff", "Samples/default.txt", "Samples/scale-bytes.txt"]),
      Case(
        name: "diff-runs-gate", ext: "txt",
        arguments: [
          "diff", "--before", "Samples/before.txt", "Samples/before.txt", "--after",
          "Samples/after.txt",
          "--fail-on-increase", "0%", "--gate", "retained-bytes",
        ]),
      Case(
        name: "diff-iterations", ext: "json",
        arguments: pair + [
          "--iterations-before", "10", "--iterations-after", "20", "--format", "json",
        ]),
      // Issue 10 (diff): checkouts, the gate on filtered rows, CSV, approximate values in JSON.
      Case(name: "diff-before-after", ext: "csv", arguments: pair + ["--format", "csv"]),
      Case(
        name: "diff-default-scale-bytes", ext: "json",
        arguments: ["diff", "Samples/default.txt", "Samples/scale-bytes.txt", "--format", "json"]),
      Case(
        name: "diff-allow-gate", ext: "txt",
        arguments: pair + [
          "--allow-files", "app", "--fail-on-increase", "5%", "--gate", "retained-bytes",
        ]),
      Case(
        name: "diff-allow-gate", ext: "json",
        arguments: pair + ["--allow-files", "app", "--fail-on-increase", "5%", "--format", "json"]),
    ]
    let checkouts = ["diff", "Samples/checkout-a.txt", "Samples/checkout-b.txt"]
    for (format, ext) in [("text", "txt"), ("json", "json"), ("markdown", "md"), ("csv", "csv")] {
      cases.append(
        Case(name: "diff-checkouts", ext: ext, arguments: checkouts + ["--format", format]))
    }
    cases.append(
      Case(
        name: "diff-checkouts-roots", ext: "txt",
        arguments: checkouts + [
          "--root-before", "/tmp/memreport-checkouts/a", "--root-after",
          "/tmp/memreport-checkouts/b/srv/app",
        ]))
    let series: [(String, [String])] = [
      ("leak", [leak]), ("plateau", [plateau]),
      ("leak-stdout", ["Samples/mem-over-time/leak-stdout.txt"]),
      ("plateau-leak", [plateau, leak]),
      // Issue 10 points 7–10 on real runs: a slow warm-up, a fall-back, a slow rise.
      ("warmup", [derailed("warmup")]), ("fallback", [derailed("fallback")]),
      ("creep", [derailed("creep")]),
    ]
    for (name, files) in series {
      for (format, ext) in [("text", "txt"), ("json", "json"), ("markdown", "md"), ("svg", "svg")] {
        cases.append(
          Case(
            name: "trend-\(name)", ext: ext, arguments: ["trend"] + files + ["--format", format]))
      }
      cases.append(
        Case(
          name: "trend-\(name)", ext: "html", arguments: ["trend"] + files + ["--format", "html"],
          svg: true))
    }
    cases.append(
      Case(name: "trend-leak-limit", ext: "txt", arguments: ["trend", leak, "--limit", "1024"]))
    // ps's KiB integers (read as KiB with a warning), with and without an interval.
    for (format, ext) in [("text", "txt"), ("json", "json")] {
      cases.append(
        Case(
          name: "trend-ps-rss", ext: ext,
          arguments: ["trend", "Samples/mem-over-time/ps-rss.txt", "--format", format]))
    }
    cases.append(
      Case(
        name: "trend-ps-rss-interval", ext: "txt",
        arguments: ["trend", "Samples/mem-over-time/ps-rss.txt", "--interval", "1"]))
    // Two runs pasted into one file: two series.
    for (format, ext) in [("text", "txt"), ("json", "json"), ("svg", "svg")] {
      cases.append(
        Case(
          name: "trend-two-runs", ext: ext,
          arguments: ["trend", "Samples/mem-over-time/two-runs-stdout.txt", "--format", format]))
    }
    // Several series: independent by default, compared only with a baseline.
    let three = [leak, plateau, derailed("warmup")]
    for (format, ext) in [("text", "txt"), ("markdown", "md")] {
      cases.append(
        Case(name: "trend-three", ext: ext, arguments: ["trend"] + three + ["--format", format]))
      cases.append(
        Case(
          name: "trend-baseline", ext: ext,
          arguments: ["trend", "--baseline", leak, plateau, derailed("warmup"), "--format", format]
        ))
    }
    return cases
  }()

  static let goldens = TestFiles.packageRoot.appendingPathComponent(
    "Tests/MemReportCLITests/Goldens")
  static var recording: Bool {
    ProcessInfo.processInfo.environment["MEMREPORT_RECORD_GOLDENS"] != nil
  }

  @Test(arguments: cases)
  func matchesGolden(_ c: Case) throws {
    let scratch = try CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let svgFolder = scratch.appendingPathComponent("svg")
    let arguments = c.arguments + (c.svg ? ["--svg", svgFolder.path] : [])
    let result = try CLIRunner.run(arguments, in: TestFiles.packageRoot)
    var outputs: [(String, Data)] = [
      ("\(c.name).\(c.ext)", Data(result.stdout.utf8)),
      ("\(c.name).\(c.ext).stderr", Data("exit \(result.status)\n\(result.stderr)".utf8)),
    ]
    if c.svg {
      for file in CLIRunner.contents(of: svgFolder) {
        outputs.append(
          (
            "\(c.name).\(c.ext).svg/\(file)",
            try Data(contentsOf: svgFolder.appendingPathComponent(file))
          ))
      }
    }
    for (file, data) in outputs {
      let url = Self.goldens.appendingPathComponent(file)
      if Self.recording {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        continue
      }
      let expected = try? Data(contentsOf: url)
      #expect(expected != nil, "no golden \(file): record with MEMREPORT_RECORD_GOLDENS=1")
      if let expected, expected != data {
        let got = scratch.deletingLastPathComponent().appendingPathComponent(
          "golden-mismatch-\(file.replacingOccurrences(of: "/", with: "_"))")
        try? data.write(to: got)
        Issue.record(
          "\(file) differs from its golden (\(expected.count) → \(data.count) bytes); this run's output: \(got.path)"
        )
      }
    }
    if c.svg && !Self.recording {
      let recorded = CLIRunner.contents(
        of: Self.goldens.appendingPathComponent("\(c.name).\(c.ext).svg"))
      #expect(recorded == CLIRunner.contents(of: svgFolder), "the set of SVG files changed")
    }
    if Self.recording {
      Issue.record(
        "recorded \(outputs.count) golden files for \(c.name).\(c.ext): unset MEMREPORT_RECORD_GOLDENS"
      )
    }
  }
}
