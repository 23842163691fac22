import Foundation
import Testing
import MemReportTestSupport

/// `report` and `diff` on derailed require trees, end to end: standard input, the model
/// dispatch, wrong pairings, `FILE#N`.
@Suite("Memory at boot, end to end")
struct BootCommandTests {
  @Test func reportReadsATreeFromStandardInput() throws {
    let tree = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample("boot/api-1.txt")))
    let r = try CLIRunner.run(["report", "-", "--min-cost", "5"], stdin: tree)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("TOP 14.6 MiB at boot; the 5 most expensive gems: redis 8.20 MiB"))
  }

  @Test func trendPointsToReport() throws {
    let r = try CLIRunner.run(["trend", TestFiles.sample("boot/shop-1.txt")])
    #expect(r.status == 65)
    #expect(r.stderr.contains("require tree") && r.stderr.contains("use 'memreport report'"))
  }

  @Test func diffRefusesATreeAgainstAProfile() throws {
    let r = try CLIRunner.run([
      "diff", TestFiles.sample("boot/shop-1.txt"), TestFiles.sample("default.txt"),
    ])
    #expect(r.status == 65)
    #expect(r.stderr.contains("default.txt: the other inputs are derailed require trees"))
  }

  @Test func diffPicksTreesOfOneFile() throws {
    let path = TestFiles.sample("boot/shop-three-runs.txt")
    let r = try CLIRunner.run(["diff", path + "#1", path + "#2", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    // boot-check.py: the runs' TOP are 38,312 and 38,232 KiB.
    #expect(r.stdout.contains("\"deltaKiB\": -80,"))
    let missing = try CLIRunner.run(["diff", path + "#1", path + "#4"])
    #expect(missing.status == 64 && missing.stderr.contains("holds 3 require trees"))
  }

  /// `--report N` picked nothing on require trees (every tree of each input was read), and
  /// `--gate` was ignored without a word.
  @Test func reportFlagPicksATreeAndGateIsNamedAsIgnored() throws {
    let path = TestFiles.sample("boot/shop-three-runs.txt")
    let two = try CLIRunner.run(["diff", path, path, "--report", "2", "--format", "json"])
    #expect(two.status == 0, "\(two.stderr)")
    #expect(two.stdout.contains("\"deltaKiB\": 0,"))
    let all = try CLIRunner.run(["diff", path, path, "--format", "json"])
    #expect(two.stdout != all.stdout)  // one run per side, not three
    let missing = try CLIRunner.run(["diff", path, path, "--report", "4"])
    #expect(missing.status == 64 && missing.stderr.contains("there is no tree 4"))
    let gate = try CLIRunner.run([
      "diff", TestFiles.sample("boot/shop-1.txt"), TestFiles.sample("boot/shop-2.txt"), "--gate",
      "retained-bytes",
    ])
    #expect(gate.status == 0)
    #expect(
      gate.stderr.contains(
        "'--gate' applies to memory_profiler reports, not require trees: ignored"))
  }

  @Test func svgIsNotABootFormat() throws {
    let r = try CLIRunner.run(["report", TestFiles.sample("boot/shop-1.txt"), "--format", "svg"])
    #expect(r.status == 64)
  }
}
