import MemReportCore
/// What `--by` groups location rows into.
public enum AggregateKey: String, CaseIterable, Sendable {
  case location, file, directory, gem, origin
}

/// One group of an aggregate.
public struct AggregateRow: Sendable, Equatable {
  public var name: String
  public var bytes: Int64
  public var objects: Int64
  /// The values are sums over a top-N list, so the group has at least this much.
  public var lowerBound: Bool
  /// For `--by origin`: the list each value was read from (each origin's bytes and objects come
  /// from the section with the most of it, which need not be the same one).
  public var bytesSource: OriginSource? = nil
  public var objectsSource: OriginSource? = nil
}

/// Location rows regrouped by file, directory, gem or origin.
///
/// A sum over a top-N section is a lower bound: a location missing from the list may belong to
/// any group. It is exact only when the section was the complete list (its rows added up to the
/// report's total).
public struct Aggregate: Sendable {
  public var key: AggregateKey
  public var state: AllocationState
  /// Largest bytes first, then most objects, then name.
  public var rows: [AggregateRow]
  /// Location rows the groups were built from (memory and objects sections).
  public var sourceRows: (memory: Int, objects: Int)
  /// Sums of the rows used, and the report's exact totals they are part of.
  public var coveredBytes: Int64
  public var coveredObjects: Int64
  public var totalBytes: Int64?
  public var totalObjects: Int64?
  /// Every value is exact (both location sections were complete lists).
  public var exact: Bool
  /// Values came from scaled (`1.94 MB`) input.
  public var approximate: Bool
}

/// Builds `Aggregate`s from a report's location sections.
public enum Aggregator {
  /// Regroups the `state` location rows of `profile` by `key`; `nil` when the report has neither
  /// location section for that state.
  /// - Complexity: O(*r* log *r*) for *r* location rows.
  public static func aggregate(_ profile: Profile, by key: AggregateKey, state: AllocationState)
    -> Aggregate?
  {
    let memory = profile.section(SectionTitle(state, .memory, .location))
    let objects = profile.section(SectionTitle(state, .objects, .location))
    if key == .origin { return origin(profile, state: state, memory: memory, objects: objects) }
    guard memory != nil || objects != nil else { return nil }
    var groups: [String: (bytes: Int64, objects: Int64)] = [:]
    var groupNames: [Int64: String] = [:]
    func group(_ row: Row) -> String {
      // Groups other than locations depend on the file alone.
      let line = key == .location ? Int64(UInt32(bitPattern: row.line)) : 0
      let cacheKey = Int64(row.nameID) << 32 | line
      if let name = groupNames[cacheKey] { return name }
      let file = profile.names[row.nameID]
      let name: String
      switch key {
      case .location: name = profile.name(of: row)
      case .file: name = file
      case .directory: name = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? "."
      case .gem: name = PathClassifier.gem(of: file)
      case .origin: name = PathClassifier.origin(of: file).rawValue
      }
      groupNames[cacheKey] = name
      return name
    }
    for row in memory?.rows ?? [] { groups[group(row), default: (0, 0)].bytes +|= row.value }
    for row in objects?.rows ?? [] { groups[group(row), default: (0, 0)].objects +|= row.value }
    let totals = profile.totals[state]
    let memoryExact = memory.map { profile.isListComplete($0) } ?? false
    let objectsExact = objects.map { profile.isListComplete($0) } ?? false
    let exact = memoryExact && objectsExact
    let rows = groups.map {
      AggregateRow(
        name: $0.key, bytes: $0.value.bytes, objects: $0.value.objects, lowerBound: !exact)
    }
    .sorted { a, b in
      if a.bytes != b.bytes { return a.bytes > b.bytes }
      if a.objects != b.objects { return a.objects > b.objects }
      return a.name < b.name
    }
    return Aggregate(
      key: key, state: state, rows: rows,
      sourceRows: (memory?.rows.count ?? 0, objects?.rows.count ?? 0),
      coveredBytes: memory?.listedTotal ?? 0, coveredObjects: objects?.listedTotal ?? 0,
      totalBytes: totals.bytes, totalObjects: totals.objects, exact: exact,
      approximate: memory?.approximate ?? false)
  }

  /// `--by origin`: each origin's bytes and objects from the section of that metric with the most
  /// of it (location, file or gem list; see `OriginSplit`). `coveredBytes` is the sum of the values
  /// used; `sourceRows` still counts the location rows.
  static func origin(
    _ profile: Profile, state: AllocationState, memory: Section?, objects: Section?
  ) -> Aggregate? {
    let bytes = OriginSplit.pick(profile, state: state, metric: .memory)
    let counts = OriginSplit.pick(profile, state: state, metric: .objects)
    guard bytes != nil || counts != nil else { return nil }
    let rows = PathClassifier.Origin.allCases.compactMap { origin -> AggregateRow? in
      let b = bytes?[origin]
      let o = counts?[origin]
      guard (b?.value ?? 0) > 0 || (o?.value ?? 0) > 0 else { return nil }
      let exact = (b?.source.exact ?? true) && (o?.source.exact ?? true)
      return AggregateRow(
        name: origin.rawValue, bytes: b?.value ?? 0, objects: o?.value ?? 0, lowerBound: !exact,
        bytesSource: b?.source, objectsSource: o?.source)
    }
    .sorted { a, b in
      if a.bytes != b.bytes { return a.bytes > b.bytes }
      if a.objects != b.objects { return a.objects > b.objects }
      return a.name < b.name
    }
    let totals = profile.totals[state]
    return Aggregate(
      key: .origin, state: state, rows: rows,
      sourceRows: (memory?.rows.count ?? 0, objects?.rows.count ?? 0),
      coveredBytes: rows.reduce(0) { $0 +| $1.bytes },
      coveredObjects: rows.reduce(0) { $0 +| $1.objects },
      totalBytes: totals.bytes, totalObjects: totals.objects,
      exact: !rows.isEmpty && rows.allSatisfy { !$0.lowerBound },
      approximate: memory?.approximate ?? false)
  }
}
