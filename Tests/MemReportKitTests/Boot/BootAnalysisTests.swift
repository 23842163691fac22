import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// The numbers of `report` and `diff` on require trees, checked against `scripts/boot-check.py`
/// (an independent Python reading of the samples) and against hand arithmetic on fixtures.
@Suite("Require trees: analysis and noise")
struct BootAnalysisTests {
  func tree(_ name: String) throws -> RequireTree {
    try #require(parseTrees(TestFiles.sample("boot/\(name)")).trees.first)
  }

  func trees(_ names: [String]) throws -> [RequireTree] {
    try names.map { try tree($0) }
  }

  @Test func ownCostIsInclusiveMinusVisibleChildren() throws {
    let analysis = BootTreeAnalysis(try tree("shop-1.txt"))
    // boot-check.py: TOP own 40, sinatra 0, encrypted_cookie 500, openssl 568, mail 924 (KiB).
    #expect(analysis.rows[0].ownKiB == 40)
    #expect(analysis.rows[1].name == "sinatra" && analysis.rows[1].ownKiB == 0)
    #expect(analysis.rows[4].ownKiB == 500 && analysis.rows[5].ownKiB == 568)
    #expect(analysis.rows[62].ownKiB == 924)
    // CUT_OFF 0.3 hid requires: every own cost is an upper bound.
    #expect(analysis.rows.allSatisfy { $0.ownIsBound })
    #expect(analysis.gems.map(\.name).prefix(3) == ["sinatra", "active_support/all", "sequel"])
    // sinatra's openssl (7,688 KiB) is also required by net/smtp (mail) and redis; fileutils
    // (580 KiB) by tmpdir and active_support: removing sinatra frees at most 12,844 - 8,268.
    let sinatra = analysis.gems[0]
    #expect(sinatra.shared.map(\.name) == ["openssl", "fileutils"])
    #expect(sinatra.sharedKiB == 7688 + 580 && sinatra.freedAtMostKiB == 12844 - 7688 - 580)
    let sequel = try #require(analysis.gems.first { $0.name == "sequel" })
    #expect(sequel.shared.isEmpty && sequel.freedAtMostKiB == sequel.kib)
    #expect(
      BootReportDocument.answer(analysis)
        == "TOP 37.4 MiB at boot; the 5 most expensive gems: sinatra 12.5 MiB, active_support/all 6.97 MiB, sequel 6.48 MiB, nokogiri 5.58 MiB, mail 2.05 MiB."
    )
  }

  @Test func ownCostWithoutCutOffIsExact() throws {
    let analysis = BootTreeAnalysis(try tree("api-all-1.txt"))
    #expect(analysis.rows.allSatisfy { !$0.ownIsBound })
    var sum: Int64 = 0
    for row in analysis.rows { sum += row.ownKiB }
    // Own costs add up to TOP: each inclusive value is counted once as own, once subtracted.
    #expect(sum == analysis.topKiB)
  }

  @Test func twoRunsOfOneAppAreWithinNoise() throws {
    let diff = BootDiff(before: [try tree("shop-1.txt")], after: [try tree("shop-2.txt")])
    // boot-check.py: TOP 38,312 → 38,232 KiB, −80 KiB: not real.
    #expect(diff.top.deltaKiB == -80 && diff.top.verdict == .noise)
    #expect(diff.singleRuns)
    #expect(diff.rows.allSatisfy { $0.verdict == .noise })
    let document = BootDiffDocument(
      diff, before: ["a"], after: ["b"], beforeTrees: [], afterTrees: [try tree("shop-2.txt")],
      gate: nil)
    #expect(
      document.headline
        == "Boot memory −0.078 MiB (−0.21%), within noise: no gem changed beyond noise.")
  }

  @Test func removedGemIsARealChange() throws {
    let before = try trees((1...5).map { "shop-\($0).txt" })
    let after = try trees((1...5).map { "shop-without-mail-\($0).txt" })
    let diff = BootDiff(before: before, after: after)
    // boot-check.py: medians 38,312 → 36,372 KiB (−1,940), spread 884, ranges disjoint: real.
    #expect(diff.top.before.medianKiB == 38312 && diff.top.after.medianKiB == 36372)
    #expect(diff.top.deltaKiB == -1940 && diff.top.verdict == .real)
    let mail = try #require(diff.rows.first { $0.name == "mail" && $0.depth == 1 })
    // mail's runs 2100, 2084, 2096, 2100, 2088 KiB (median 2096), gone after.
    #expect(mail.status == .gone && mail.verdict == .real && mail.deltaKiB == -2096)
    #expect(mail.after.isBound && mail.after.hiddenBelowMiB == 0.3)
    #expect(mail.requiresBelow == 5)
    let document = BootDiffDocument(
      diff, before: ["a"], after: ["b"], beforeTrees: before, afterTrees: after, gate: nil)
    #expect(
      document.headline.hasPrefix(
        "Boot memory −1.89 MiB (−5.1%): mail and its 5 requires are gone (−2.05 MiB)"))
    // The same runs on both sides: nothing is real.
    let same = BootDiff(before: before, after: before)
    #expect(same.top.verdict == .noise && same.rows.allSatisfy { $0.status == .same })
  }

  @Test func gateFailsOnlyOnARealIncrease() throws {
    let before = try trees((1...5).map { "shop-without-mail-\($0).txt" })
    let after = try trees((1...5).map { "shop-\($0).txt" })
    let grew = BootDiff(before: before, after: after)
    let percent = try BootGate(limit: "5%").evaluate(grew)
    #expect(!percent.passed && percent.overLimit)  // +1,940 KiB of 36,372: +5.3%
    #expect(try BootGate(limit: "2MiB").evaluate(grew).passed)
    // One run each: shop-1 → shop-2 is −80 KiB; noise never fails, even with a 0% limit.
    let noise = BootDiff(before: [try tree("shop-2.txt")], after: [try tree("shop-1.txt")])
    let result = try BootGate(limit: "0%").evaluate(noise)
    #expect(result.overLimit && result.passed && result.verdict == .noise)
  }

  @Test func movedRequireIsOneRow() throws {
    let before = try RequireTreeParser.parse(
      bytes: Array("TOP: 10.0 MiB\n  a: 6.0 MiB\n    shared: 5.0 MiB\n  b: 3.0 MiB\n".utf8)
    ).trees
    let after = try RequireTreeParser.parse(
      bytes: Array("TOP: 10.0 MiB\n  a: 1.0 MiB\n  b: 8.0 MiB\n    shared: 5.0 MiB\n".utf8)
    ).trees
    let diff = BootDiff(before: before, after: after)
    let moved = try #require(diff.rows.first { $0.name == "shared" })
    #expect(moved.status == .moved && moved.movedFrom == ["a"] && moved.deltaKiB == 0)
    #expect(diff.rows.count == 3)
  }
}
