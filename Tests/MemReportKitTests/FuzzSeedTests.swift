import Foundation
import MemReportTestSupport
import Testing

/// The committed fuzz seeds (Tests/MemReportKitTests/Fixtures/fuzz/<harness>/, every crash
/// scripts/fuzz/run found, minimized) run through the harnesses' own bodies on every `swift test`,
/// so a crash found once stays fixed. A trap takes the test process down, which fails the run.
@Suite("Fuzz seed corpus")
struct FuzzSeedTests {
  /// Reproducers of crashes in code another change owns, kept until it is fixed: `harness/file`.
  /// Each fails today; remove it from this list with the fix.
  static let knownFailing: Set<String> = [
    // ByteCursor.count: a scaled count near Int64.max ('922337203685477580.7 B') overflows when
    // rounded (Inputs/MemoryProfiler, being changed elsewhere).
    "FuzzProfileParser/scaled-count-rounding-overflow.txt",
    // MemOverTimeParser.consumeTabbed: a TSV header skips the LineCleaner, so its column name
    // keeps 'ESC[m', which passes TerminalText as a colour and reaches the terminal in trend
    // text ("read: table, column '^[[mem'"; Inputs/MemOverTime, being changed elsewhere).
    "FuzzSeries/tsv-header-colour-sequence.txt",
    // TrendChartScale.ticks: one sample of 1.7e308 makes a step too small to move the tick value,
    // so the loop appends until memory runs out (`memreport trend --format svg` on a file holding
    // '1.7e308' hangs; Trend/Output, being changed elsewhere).
    "FuzzSeries/svg-ticks-hang-1.7e308.txt",
  ]

  static func seeds() -> [String] {
    let root = TestFiles.fixture("fuzz")
    var seeds: [String] = []
    for harness in FuzzHarness.names {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + harness)) ?? []
      seeds += files.sorted().map { harness + "/" + $0 }
    }
    return seeds.filter { !knownFailing.contains($0) }
  }

  @Test func everyHarnessHasSeeds() throws {
    let seeds = Self.seeds()
    for harness in FuzzHarness.names {
      #expect(seeds.contains { $0.hasPrefix(harness + "/") }, "no seed for \(harness)")
    }
  }

  @Test(arguments: seeds())
  func seedRunsClean(_ seed: String) throws {
    let harness = try #require(FuzzHarness.named(String(seed.prefix { $0 != "/" })))
    let bytes = try [UInt8](
      Data(contentsOf: URL(fileURLWithPath: TestFiles.fixture("fuzz/" + seed))))
    try bytes.withUnsafeBufferPointer { try harness($0) }
  }

  @Test func knownFailingSeedsExist() {
    for seed in Self.knownFailing {
      #expect(FileManager.default.fileExists(atPath: TestFiles.fixture("fuzz/" + seed)), "\(seed)")
    }
  }
}
