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

  /// Identity across dumps, by hand: a slot reused by a new object is found (heapy misses it), a
  /// slot that held another object in an earlier dump is rejected (heapy counts it), and an
  /// object older than the first dump at an address it does not have is counted as moved.
  @Test func identityRejectsReuseAndFindsReusedSlots() throws {
    func dump(_ records: [String]) -> [UInt8] {
      Array(
        ([#"{"type":"ROOT","root":"vm","references":[]}"#] + records).joined(separator: "\n").utf8)
    }
    func object(_ address: String, _ type: String, _ generation: Int) -> String {
      #"{"address":"\#(address)", "type":"\#(type)", "file":"a.rb", "line":1, "generation":\#(generation), "memsize":40}"#
    }
    let d0 = dump([object("0x10", "STRING", 5), object("0x30", "STRING", 5)])
    // 0x10: a new OBJECT in the first dump's slot; 0x20 and 0x40: new.
    let d1 = dump([
      object("0x10", "OBJECT", 7), object("0x20", "STRING", 6), object("0x40", "ARRAY", 7),
    ])
    // 0x40 now holds another object (a HASH); 0x50 is older than the first dump but moved.
    let d2 = dump([
      object("0x10", "OBJECT", 7), object("0x20", "STRING", 6), object("0x40", "HASH", 8),
      object("0x50", "STRING", 3),
    ])
    let set = try LeakSet.read(dumps: [d0, d1, d2])
    let analysis = LeakAnalysis(set)
    #expect(analysis.total == HeapAmount(objects: 2, bytes: 80))
    #expect(set.byAddress == HeapAmount(objects: 2, bytes: 80))
    #expect(set.rejectedAsReuse == 1 && set.foundInReusedSlots == 1 && set.moved == 1)
    #expect(
      analysis.heapyLines == [
        "Retained ARRAY 1 objects of size 40/80 (in bytes) at: a.rb:1",
        "Retained STRING 1 objects of size 40/80 (in bytes) at: a.rb:1",
      ])
    #expect(LeakDocument(analysis).notes.contains { $0.contains("looks compacted") })
  }

  /// Lines that are not one JSON object are skipped, counted and warned with their numbers; the
  /// rest of the dump is read (`Fixtures/heap/hostile.ndjson`: a quote inside a method name, a
  /// line of text, a cut last line).
  @Test func unreadableLinesAreSkippedAndCounted() throws {
    let input = try InputFile.open(TestFiles.fixture("heap/hostile.ndjson"))
    defer { input.close() }
    let summary = try HeapSummary.read(input, progress: nil)
    #expect(summary.stats.skipped == 3)
    #expect(summary.stats.skippedLines == [10, 11, 13])
    #expect(summary.stats.truncatedLastLine)
    #expect(summary.stats.objects == 9 && summary.stats.roots == 1)
    let profile = summary.profile(includeMeasurement: false)
    #expect(profile.warnings.map(\.line) == [10, 11, 13, 13])
    #expect(profile.metadata.notes.last?.contains("3 unreadable lines skipped") == true)
  }

  /// The largest numbers a line can hold (generation and memsize Int64.max, line beyond 32 bits)
  /// neither trap nor wrap: identities, sums and heapy's total saturate.
  @Test func extremeNumbersSaturate() throws {
    let line =
      #"{"address":"0x10", "type":"STRING", "file":"a.rb", "line":99999999999, "generation":9223372036854775807, "memsize":9223372036854775807}"#
    let other =
      #"{"address":"0x20", "type":"STRING", "file":"a.rb", "line":1, "generation":-9223372036854775807, "memsize":9223372036854775807}"#
    let root = #"{"type":"ROOT","root":"vm","references":[]}"#
    let set = try LeakSet.read(dumps: [
      Array(root.utf8), Array((line + "\n" + other).utf8), Array((line + "\n" + other).utf8),
    ])
    let analysis = LeakAnalysis(set)
    #expect(analysis.total == HeapAmount(objects: 2, bytes: .max))
    let size = "9223372036854775807/9223372036854775807"
    #expect(
      Set(analysis.heapyLines) == [
        "Retained STRING 1 objects of size \(size) (in bytes) at: a.rb:99999999999",
        "Retained STRING 1 objects of size \(size) (in bytes) at: a.rb:1",
      ])
  }

  /// A line of megabytes (an Array of 150,000 elements: 1.9 MB here, 2.7 MB in a real dump) is one
  /// record.
  @Test func aLineOfSeveralMegabytesIsOneRecord() throws {
    let references = (0..<150_000).map { "\"0x7f\(String($0, radix: 16))\"" }.joined(
      separator: ", ")
    let line =
      #"{"address":"0x10", "type":"ARRAY", "class":"0x20", "length":150000, "references":["#
      + references + #"], "file":"big.rb", "line":1, "generation":4, "memsize":1200040}"#
    #expect(line.utf8.count > 1_800_000)
    var summary = HeapSummary()
    summary.stats = try HeapDumpParser.parse(bytes: Array(line.utf8), path: "big") { record, p, _ in
      summary.add(record, p)
    }
    #expect(summary.stats.objects == 1 && summary.stats.skipped == 0)
    let profile = summary.profile(includeMeasurement: false)
    #expect(SectionRows.names(profile, .location) == ["big.rb:1"])
    #expect(profile.totals.allocated.bytes == 1_200_040)
  }

  /// Records of newer Rubies (3.2+ shapes and slot sizes, 3.4's `chilled` strings and integer
  /// flags, a type this reader does not know) are read, not refused.
  @Test func newerRubyRecordsAreRead() throws {
    let lines = [
      #"{"type":"ROOT","root":"vm","references":["0x7f01"]}"#,
      #"{"address":"0x7f00", "type":"SHAPE", "id":1, "parent_id":0, "depth":1, "shape_type":"IVAR", "edge_name":"@name", "edges":0, "memsize":64}"#,
      #"{"address":"0x7f01", "type":"CLASS", "shape_id":0, "slot_size":160, "class":"0x7f02", "name":"Cart", "references":[], "memsize":520}"#,
      #"{"address":"0x7f03", "type":"STRING", "shape_id":0, "slot_size":40, "class":"0x7f04", "chilled":true, "bytesize":3, "value":"abc", "encoding":"UTF-8", "coderange":"7bit", "file":"app/cart.rb", "line":7, "method":"name", "generation":12, "memsize":40, "flags":{"wb_protected":true, "object_id":8, "shareable":true}}"#,
      #"{"address":"0x7f05", "type":"OBJECT", "shape_id":1, "slot_size":40, "class":"0x7f01", "ivars":1, "too_complex_shape":false, "file":"app/cart.rb", "line":3, "generation":12, "memsize":40}"#,
      #"{"address":"0x7f06", "type":"FUTURE_TYPE", "class":"0x7f01", "memsize":16}"#,
    ]
    var summary = HeapSummary()
    summary.stats = try HeapDumpParser.parse(
      bytes: Array(lines.joined(separator: "\n").utf8), path: "3.4"
    ) { record, p, _ in summary.add(record, p) }
    #expect(summary.stats.skipped == 0)
    #expect(summary.stats.shapes == 1 && summary.stats.roots == 1 && summary.stats.objects == 4)
    let profile = summary.profile(includeMeasurement: false)
    #expect(SectionRows.names(profile, .type) == ["CLASS", "OBJECT", "STRING", "FUTURE_TYPE"])
    #expect(SectionRows.names(profile, .class).contains("Cart"))
  }
}

/// A section's row names, largest first.
enum SectionRows {
  static func names(_ profile: Profile, _ grouping: Grouping) -> [String] {
    (profile.section(SectionTitle(.allocated, .memory, grouping))?.rows ?? []).map {
      profile.name(of: $0)
    }
  }
}
