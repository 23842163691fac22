import Foundation
import Testing
import MemReportCore
import MemReportTestSupport

@testable import MemReportKit

/// A heap dump's numbers and the leak set, checked against `scripts/heap-check.py` (an
/// independent Python reading of the same dumps, committed as `Samples/heap/*.check.json` and
/// `*.leaks.json`) and heapy's own output on them (`*.heapy-diff.txt`).
@Suite("Heap dumps: summary and leak set against heap-check.py and heapy")
struct HeapDumpTests {
  typealias Amounts = [String: [Int64]]

  static let dumps = [
    "leak-0.ndjson.gz", "leak-1.ndjson.gz", "leak-2.ndjson.gz", "leak-2-since.ndjson.gz",
    "plateau-0.ndjson.gz", "plateau-1.ndjson.gz", "plateau-2.ndjson.gz",
    "plateau-2-since.ndjson",
  ]

  func check(_ dump: String, suffix: String = ".check.json") throws -> [String: Any] {
    let base = dump.replacingOccurrences(of: ".gz", with: "").replacingOccurrences(
      of: ".ndjson", with: "")
    let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample("heap/" + base + suffix)))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func amounts(_ any: Any?) -> Amounts {
    ((any as? [String: Any]) ?? [:]).mapValues {
      (($0 as? [Any]) ?? []).map { ($0 as? NSNumber)?.int64Value ?? -1 }
    }
  }

  func summary(_ dump: String) throws -> HeapSummary {
    let input = try InputFile.open(TestFiles.sample("heap/" + dump))
    defer { input.close() }
    return try HeapSummary.read(input, progress: nil)
  }

  /// The profile's section `grouping` as name → [objects, bytes].
  static func table(_ profile: Profile, _ grouping: Grouping) -> Amounts {
    var table: Amounts = [:]
    for metric in [Metric.objects, .memory] {
      for row in profile.section(SectionTitle(.allocated, metric, grouping))?.rows ?? [] {
        table[profile.name(of: row), default: []].append(row.value)
      }
    }
    return table
  }

  @Test(arguments: dumps)
  func summaryEqualsTheChecker(_ dump: String) throws {
    let expected = try check(dump)
    let summary = try summary(dump)
    #expect(summary.stats.lines == expected["lines"] as? Int)
    #expect(summary.stats.objects == expected["objects"] as? Int)
    #expect(summary.stats.roots == expected["roots"] as? Int)
    #expect(summary.stats.skipped == expected["skipped"] as? Int)
    let profile = summary.profile(includeMeasurement: false)
    let total = Self.amounts(["t": expected["total"] ?? []])["t"]
    #expect(
      [profile.totals.allocated.objects ?? -1, profile.totals.allocated.bytes ?? -1] == total)
    let excluded = summary.partition(includeMeasurement: false).excluded
    let names: [String: HeapExclusion] = [
      "tracer": .tracer, "objspace": .objspace, "dump-file": .dumpFile,
    ]
    var mine: Amounts = [:]
    for (name, reason) in names {
      if let amount = excluded[reason] { mine[name] = [amount.objects, amount.bytes] }
    }
    #expect(mine == Self.amounts(expected["excluded"]))
    for (grouping, key) in [
      (Grouping.type, "by_type"), (.class, "by_class"), (.file, "by_file"),
      (.location, "by_location"), (.generation, "by_generation"),
    ] {
      var want = Self.amounts(expected[key])
      if grouping == .generation, let none = want.removeValue(forKey: "none") {
        want[HeapSummary.noAllocationInfo] = none
      }
      #expect(Self.table(profile, grouping) == want, "\(dump) \(key)")
    }
  }

  @Test(arguments: dumps)
  func duplicateStringsEqualTheChecker(_ dump: String) throws {
    let expected = try #require(try check(dump)["duplicate_strings"] as? [[String: Any]])
    let profile = try summary(dump).profile(includeMeasurement: false)
    let groups = profile.allocatedStrings?.groups ?? []
    func number(_ any: Any?) -> Int64 { (any as? NSNumber)?.int64Value ?? -1 }
    // value → [copies, bytes, reclaimable], and where the copies were allocated.
    var want: [String: [Int64]] = [:]
    var wantSites: [String: [String: Int64]] = [:]
    for entry in expected {
      let value = entry["value"] as? String ?? ""
      want[value] = [number(entry["copies"]), number(entry["bytes"]), number(entry["reclaimable"])]
      wantSites[value] = (entry["locations"] as? [String: Any] ?? [:]).mapValues { number($0) }
    }
    var mine: [String: [Int64]] = [:]
    var mineSites: [String: [String: Int64]] = [:]
    for group in groups {
      mine[group.string] = [group.count, group.bytes ?? -1, group.reclaimable ?? -1]
      mineSites[group.string] = Dictionary(
        group.locations.map { (profile.name(of: $0), $0.count) }, uniquingKeysWith: +)
    }
    #expect(mine == want)
    #expect(mineSites == wantSites)
    // Most bytes freed first, as the checker sorts.
    let order = groups.map { $0.reclaimable ?? 0 }
    #expect(order == order.sorted(by: >))
  }

  @Test(arguments: ["leak", "plateau"])
  func leakSetEqualsTheChecker(_ mode: String) throws {
    let expected = try check(mode, suffix: ".leaks.json")
    let paths = (0...2).map { TestFiles.sample("heap/\(mode)-\($0).ndjson.gz") }
    let analysis = LeakAnalysis(try LeakSet.read(paths))
    let identity = try #require(expected["by_identity"] as? [String: Any])
    let total = Self.amounts(["t": identity["total"] ?? []])["t"]
    #expect([analysis.total.objects, analysis.total.bytes] == total)
    for (grouping, key) in [
      (LeakAnalysis.Grouping.class, "by_class"), (.location, "by_location"), (.type, "by_type"),
      (.file, "by_file"),
    ] {
      var mine: Amounts = [:]
      for row in analysis.groups[grouping] ?? [] {
        mine[row.name] = [row.amount.objects, row.amount.bytes]
      }
      #expect(mine == Self.amounts(identity[key]), "\(mode) \(key)")
    }
  }

  @Test(arguments: ["leak", "plateau"])
  func heapyLinesEqualHeapy(_ mode: String) throws {
    let paths = (0...2).map { TestFiles.sample("heap/\(mode)-\($0).ndjson.gz") }
    let analysis = LeakAnalysis(try LeakSet.read(paths))
    let heapy = try String(
      contentsOfFile: TestFiles.sample("heap/\(mode).heapy-diff.txt"), encoding: .utf8)
    #expect(analysis.heapyLines == heapy.split(separator: "\n").map(String.init))
  }
}
