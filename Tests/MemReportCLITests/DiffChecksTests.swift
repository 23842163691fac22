import Foundation
import Testing
import MemReportTestSupport

/// Issue 10 points 10 (diff) and 11, and the diff's CSV: keys that cannot meet, the gate on
/// filtered rows, approximate values in JSON, retained top movers.
@Suite("memreport diff: silent misreads, gates, CSV")
struct DiffChecksTests {
  let before = TestFiles.sample("before.txt")
  let after = TestFiles.sample("after.txt")
  let checkoutA = TestFiles.sample("checkout-a.txt")
  let checkoutB = TestFiles.sample("checkout-b.txt")
  let trimmed = TestFiles.fixture("malformed/trimmed-paste.txt")

  static let checkoutWarning =
    "the reports look like two checkouts of one app: 4 files differ only in a leading folder, under /tmp/memreport-checkouts/a before and under /tmp/memreport-checkouts/b/srv/app after (shop/lib/shop/catalog.rb is srv/app/shop/lib/shop/catalog.rb), so they show as gone and new; pass --root-before /tmp/memreport-checkouts/a --root-after /tmp/memreport-checkouts/b/srv/app to compare them"

  @Test func twoCheckoutsWarnAndNameTheFlags() throws {
    let r = try CLIRunner.run(["diff", checkoutA, checkoutB])
    #expect(r.status == 0)
    #expect(r.stderr == "memreport: warning: \(Self.checkoutWarning)\n")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines[2] == "warning: " + Self.checkoutWarning)
    #expect(r.stdout.contains("allocated memory by file\n5 new, 5 gone, 4 same\n"))
    let quiet = try CLIRunner.run(["diff", checkoutA, checkoutB, "--quiet"])
    #expect(quiet.stderr.isEmpty)
    let markdown = try CLIRunner.run(["diff", checkoutA, checkoutB, "--format", "markdown"])
    #expect(markdown.stdout.contains("⚠️ **Warning:** the reports look like two checkouts"))
    let json = try CLIRunner.json(["diff", checkoutA, checkoutB, "--format", "json"])
    #expect(json["warnings"] as? [String] == [Self.checkoutWarning])
  }

  @Test func theSuggestedRootsMakeTheKeysMeet() throws {
    let r = try CLIRunner.run([
      "diff", checkoutA, checkoutB, "--root-before", "/tmp/memreport-checkouts/a", "--root-after",
      "/tmp/memreport-checkouts/b/srv/app",
    ])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty)
    #expect(r.stdout.contains("allocated memory by file\n9 same\n"))
    #expect(r.stdout.contains("allocated memory by location\n50 same\n"))
    #expect(
      r.stdout.contains(
        "paths: before normalized with memory_profiler's normalize_paths rules, relative to /tmp/memreport-checkouts/a; after normalized with memory_profiler's normalize_paths rules, relative to /tmp/memreport-checkouts/b/srv/app"
      ))
  }

  @Test func reportsOfDifferentProgramsWarn() throws {
    let r = try CLIRunner.run([
      "diff", TestFiles.sample("default.txt"), TestFiles.sample("retained.txt"),
    ])
    #expect(r.status == 0)
    #expect(
      r.stderr
        == "memreport: warning: the reports share almost no files: only 0.0% of the 2.28 MB they list by file is in files both list (under 25%); are they the same program? Rows keyed on paths cannot meet if the paths differ (--root-before DIR --root-after DIR strip a different folder per side)\n"
    )
  }

  @Test(arguments: [
    ["before.txt", "after.txt"], ["etl-before.txt", "etl-after.txt"],
    ["retained.txt", "retained-fixed.txt"], ["default.txt", "scale-bytes.txt"],
    ["default.txt", "normalize-paths.txt"],
  ])
  func realChangesDoNotWarn(_ pair: [String]) throws {
    let r = try CLIRunner.run(["diff", TestFiles.sample(pair[0]), TestFiles.sample(pair[1])])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty)
    #expect(!r.stdout.contains("warning:"))
  }

  // Checked against Samples/{before,after}.txt with a Python sum of the '… by file' rows whose
  // path matches 'app': allocated 923,872 → 542,176 (−381,696, −41.3148%), retained 243,516 →
  // 262,216 (+18,700, +7.68%).
  @Test func withFiltersTheGateWatchesTheFilteredRows() throws {
    let r = try CLIRunner.run([
      "diff", before, after, "--allow-files", "app", "--fail-on-increase", "5%", "--gate",
      "retained-bytes",
    ])
    #expect(r.status == 1)
    #expect(
      r.stderr
        == "memreport: gate: retained bytes of the rows kept by --allow-files app (the sum of retained memory by file) grew by 18.7 kB (+7.7%), over the limit of +5%\n"
    )
    let json = try CLIRunner.json([
      "diff", before, after, "--allow-files", "app", "--fail-on-increase", "5%", "--format", "json",
    ])
    let gate = try #require(json["gate"] as? [String: Any])
    #expect(gate["scope"] as? String == "filtered")
    #expect(gate["summed"] as? String == "allocated memory by file")
    #expect(gate["exact"] as? Bool == true)
    #expect(gate["delta"] as? Int == -381_696)
    #expect(gate["deltaPercent"] as? Double == -41.3148)
    #expect(gate["deltaRange"] as? [Int] == [-381_696, -381_696])
  }

  @Test func theReportTotalCanStillBeGatedAndSaysSo() throws {
    let r = try CLIRunner.run([
      "diff", before, after, "--allow-files", "app", "--fail-on-increase", "5%", "--gate",
      "retained-bytes", "--gate-scope", "report",
    ])
    #expect(r.status == 1)
    #expect(
      r.stderr
        == "memreport: gate: retained bytes (the report's total; --allow-files app does not apply to it) grew by 18.7 kB (+7.6%), over the limit of +5%\n"
    )
    let usage = try CLIRunner.run([
      "diff", before, after, "--fail-on-increase", "5%", "--gate-scope", "filtered",
    ])
    #expect(usage.status == 64)
    #expect(
      usage.stderr.contains("'--gate-scope filtered' needs '--allow-files' or '--ignore-files'"))
  }

  /// The trimmed paste lacks three file rows (erb.rb, json/common.rb, set.rb: 397,743 B), so
  /// the rows not matching 'shop' sum to 35,370 B before, plus up to 397,743 B it does not show;
  /// after (default.txt, complete) they are 433,113 B. The change is 0 to +397,743 B.
  @Test func aCutListLeavesTheFilteredGateUndecided() throws {
    let r = try CLIRunner.run([
      "diff", trimmed, TestFiles.sample("default.txt"), "--ignore-files", "shop",
      "--fail-on-increase", "0B",
    ])
    #expect(r.status == 65)
    #expect(r.stdout.isEmpty)
    #expect(
      r.stderr.hasSuffix(
        "allocated bytes of the rows kept by --ignore-files shop (the sum of allocated memory by file) changed by 0 to +398 kB (a list is not complete: the kept files may hold more than its rows show), which straddles the limit of +0B: the gate cannot decide\n"
      ))
    let decided = try CLIRunner.json([
      "diff", trimmed, TestFiles.sample("default.txt"), "--allow-files", "shop",
      "--fail-on-increase", "0B", "--format", "json",
    ])
    let gate = try #require(decided["gate"] as? [String: Any])
    #expect(gate["passed"] as? Bool == true)
    #expect(gate["exact"] as? Bool == false)
    #expect(gate["delta"] is NSNull)
    #expect(gate["deltaRange"] as? [Int] == [-397_743, 0])
  }

  @Test func jsonMarksApproximateValuesAndBounds() throws {
    let json = try CLIRunner.json([
      "diff", TestFiles.sample("default.txt"), TestFiles.sample("scale-bytes.txt"), "--format",
      "json",
    ])
    let totals = try #require(json["totals"] as? [String: [String: [String: Any]]])
    let bytes = try #require(totals["allocated"]?["bytes"])
    #expect(bytes["approximate"] as? Bool == true)
    #expect(bytes["rounding"] as? Int == 5)
    #expect(bytes["withinRounding"] as? Bool == true)
    #expect(totals["allocated"]?["objects"]?["approximate"] == nil)
    let sections = try #require(json["sections"] as? [[String: Any]])
    let erb = try #require(
      (sections[0]["rows"] as? [[String: Any]])?.first { $0["name"] as? String == "erb" })
    #expect(erb["before"] as? Int == 328_174)
    #expect(erb["after"] as? Int == 328_170)
    #expect(erb["status"] as? String == "same")
    #expect(erb["approximate"] as? Bool == true)
    #expect(erb["withinRounding"] as? Bool == true)
    // A trimmed section's missing keys are bounds in JSON as in text.
    let cut = try CLIRunner.json([
      "diff", trimmed, TestFiles.sample("default.txt"), "--format", "json",
    ])
    let files = try #require(
      (cut["sections"] as? [[String: Any]])?.first {
        $0["title"] as? String == "allocated memory by file"
      }?["rows"] as? [[String: Any]])
    let erbFile = try #require(files.first { $0["name"] as? String == "ruby/lib/erb.rb" })
    #expect(erbFile["before"] is NSNull)
    #expect(erbFile["beforeAtMost"] as? Int == 2328)
    #expect(erbFile["status"] as? String == "outside top N")
    #expect(erbFile["deltaRange"] as? [Int] == [325_846, 328_174])
  }

  @Test func topMoversIncludeRetainedRowsWhenRetainedChanged() throws {
    let md = try CLIRunner.run(["diff", before, after, "--format", "markdown"]).stdout
    #expect(md.contains("**Top movers** (allocated memory by location)"))
    #expect(md.contains("**Top movers** (retained memory by location)"))
    #expect(md.contains("| `workloads/app/models/repo.rb:14` | — | 152 kB | +152 kB | new | NEW |"))
    // etl retains nothing on either side: no retained table.
    let etl = try CLIRunner.run([
      "diff", TestFiles.sample("etl-before.txt"), TestFiles.sample("etl-after.txt"), "--format",
      "markdown",
    ]).stdout
    #expect(!etl.contains("**Top movers** (retained"))
  }

  @Test func csvHasOneRecordPerKeyWithTheFourMetrics() throws {
    let r = try CLIRunner.run(["diff", before, after, "--format", "csv"])
    #expect(r.status == 0)
    let records = r.stdout.components(separatedBy: "\r\n")
    #expect(
      records[0]
        == "grouping,key,status,approximate,allocated_bytes_before,allocated_bytes_after,allocated_bytes_delta,allocated_objects_before,allocated_objects_after,allocated_objects_delta,retained_bytes_before,retained_bytes_after,retained_bytes_delta,retained_objects_before,retained_objects_after,retained_objects_delta"
    )
    // Samples/before.txt and after.txt, 'repo.rb:28' and 'repo.rb:30' rows of each section.
    #expect(
      records.contains(
        "location,workloads/app/models/repo.rb:28,gone,false,646080,0,-646080,12000,0,-12000,69300,0,-69300,1000,0,-1000"
      ))
    #expect(
      records.contains(
        "location,workloads/app/models/repo.rb:30,new,false,0,264384,264384,0,3002,3002,0,88000,88000,0,1000,1000"
      ))
    // Not in the (complete) retained lists at all: 0, not unknown.
    #expect(
      records.contains(
        "file,shop/lib/shop/catalog.rb,same,false,24416,24416,0,505,505,0,0,0,0,0,0,0"))
    #expect(records.last == "")
    // A trimmed paste: unknown before is an empty cell, the status a bound; scaled values flagged.
    let cut = try CLIRunner.run([
      "diff", trimmed, TestFiles.sample("scale-bytes.txt"), "--format", "csv",
    ]).stdout.components(separatedBy: "\r\n")
    #expect(cut.contains("file,ruby/lib/erb.rb,bound,true,,328170,,4902,4902,0,576,576,0,3,3,0"))
    // `-o x.csv` picks the format.
    let folder = try CLIRunner.temporaryFolder()
    let out = folder.appendingPathComponent("diff.csv")
    #expect(try CLIRunner.run(["diff", before, after, "-o", out.path]).status == 0)
    #expect(try String(contentsOf: out, encoding: .utf8) == r.stdout)
  }
}

/// Hand-written hostile inputs: values at the parser's limit, 2^53 (a larger one, Int64.max, is a
/// skipped value with a warning under the arithmetic policy), a report without totals, and
/// thousands of one-sided files of one name.
@Suite("memreport diff: hostile values never trap")
struct DiffHostileTests {
  let huge = TestFiles.fixture("hostile/huge-values.txt")
  let headerless = TestFiles.fixture("hostile/huge-values-headerless.txt")

  @Test(arguments: ["text", "json", "markdown", "html", "csv"])
  func hugeValuesInEveryFormat(_ format: String) throws {
    let plain = try CLIRunner.run(["diff", huge, headerless, "--format", format])
    #expect(plain.status == 0, "\(plain.stderr)")
    // No total after: the kept files' sum has no upper bound there, so the gate cannot decide.
    let gate = try CLIRunner.run([
      "diff", huge, headerless, "--allow-files", "a.rb", "--fail-on-increase", "5%", "--format",
      format,
    ])
    #expect(gate.status == 65)
    #expect(
      gate.stderr.hasSuffix(
        "allocated bytes of the rows kept by --allow-files a.rb (the sum of allocated memory by file) changed by 0 to an unknown amount (a list is not complete: the kept files may hold more than its rows show), which straddles the limit of +5%: the gate cannot decide\n"
      ))
    // No total before: only a fall is possible, so the gate passes.
    let passes = try CLIRunner.run([
      "diff", headerless, huge, "--allow-files", "a.rb", "--fail-on-increase", "5%", "--format",
      format,
    ])
    #expect(passes.status == 0)
  }

  @Test func thousandsOfFilesOfOneName() throws {
    let r = try CLIRunner.run([
      "diff", TestFiles.fixture("hostile/same-name-before.txt"),
      TestFiles.fixture("hostile/same-name-after.txt"), "--format", "json",
    ])
    #expect(r.status == 0)
    #expect(r.stderr.contains("the reports share almost no files"))
  }
}

extension CLIRunner {
  /// Runs memreport and parses its standard output as a JSON object.
  fileprivate static func json(_ arguments: [String]) throws -> [String: Any] {
    let r = try run(arguments)
    return try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
      "\(r.stderr)")
  }
}
