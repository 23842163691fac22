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
  static let knownFailing: Set<String> = []

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
    let harness = try #require(
      FuzzHarness.named(String(seed.prefix { $0 != "/" }), everyWriter: true))
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
