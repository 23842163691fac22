import MemReportCore

/// One row of the leak set: a group's objects and bytes, with its share of the last heap.
public struct LeakRow: Sendable, Equatable {
  public var name: String
  public var amount: HeapAmount
  /// Bytes at each dump after the first: objects new since the first dump (growth).
  public var steps: [HeapAmount] = []
  /// Bytes rose at every step (three dumps or more).
  public var grewEveryStep = false
}

/// The leak set's numbers, measurement left out: totals, the groupings, growth, heapy's buckets.
public struct LeakAnalysis: Sendable {
  public enum Grouping: String, CaseIterable, Sendable {
    case site = "class and site"
    case `class`, location, file, gem, type, generation
  }

  public var set: LeakSet
  public var includeMeasurement: Bool
  /// The leak set (identity).
  public var total = HeapAmount()
  /// The last dump's heap.
  public var heap = HeapAmount()
  public var excluded: [HeapExclusion: HeapAmount] = [:]
  public var groups: [Grouping: [LeakRow]] = [:]

  public init(_ set: LeakSet, includeMeasurement: Bool = false) {
    self.set = set
    self.includeMeasurement = includeMeasurement
    for (_, amount) in set.lastHeap.partition(includeMeasurement: includeMeasurement).kept {
      heap.add(amount)
    }
    var tables: [Grouping: [String: HeapAmount]] = [:]
    let leaked = set.leaked.partition(includeMeasurement: includeMeasurement)
    excluded = leaked.excluded
    for (key, amount) in leaked.kept {
      total.add(amount)
      for grouping in Grouping.allCases {
        tables[grouping, default: [:]][
          Self.name(grouping, key, in: set.leaked), default: HeapAmount()
        ]
        .add(amount)
      }
    }
    // Growth: the same names at each step (objects new since the first dump).
    var stepTables: [[Grouping: [String: HeapAmount]]] = []
    for step in set.steps {
      var table: [Grouping: [String: HeapAmount]] = [:]
      for (key, amount) in step.partition(includeMeasurement: includeMeasurement).kept {
        for grouping in [Grouping.site, .class, .location] {
          table[grouping, default: [:]][Self.name(grouping, key, in: step), default: HeapAmount()]
            .add(amount)
        }
      }
      stepTables.append(table)
    }
    for grouping in Grouping.allCases {
      var rows = (tables[grouping] ?? [:]).map { LeakRow(name: $0.key, amount: $0.value) }
      rows.sort {
        $0.amount.bytes != $1.amount.bytes
          ? $0.amount.bytes > $1.amount.bytes
          : $0.amount.objects != $1.amount.objects
            ? $0.amount.objects > $1.amount.objects : $0.name < $1.name
      }
      if [.site, .class, .location].contains(grouping) {
        for i in rows.indices {
          rows[i].steps = stepTables.map { $0[grouping]?[rows[i].name] ?? HeapAmount() }
          let bytes = rows[i].steps.map(\.bytes)
          rows[i].grewEveryStep =
            bytes.count >= 2 && zip(bytes, bytes.dropFirst()).allSatisfy { $0 < $1 }
        }
      }
      groups[grouping] = rows
    }
  }

  static func name(_ grouping: Grouping, _ key: HeapSummary.GroupKey, in s: HeapSummary) -> String {
    switch grouping {
    case .site: return s.classLabel(key) + " @ " + location(key, s)
    case .class: return s.classLabel(key)
    case .location: return location(key, s)
    case .file: return s.fileName(key)
    case .gem:
      return key.file >= 0 ? PathClassifier.gem(of: s.fileName(key)) : HeapSummary.noAllocationInfo
    case .type: return s.typeLabel(key)
    case .generation:
      return key.generation >= 0 ? String(key.generation) : HeapSummary.noAllocationInfo
    }
  }

  static func location(_ key: HeapSummary.GroupKey, _ s: HeapSummary) -> String {
    guard key.file >= 0 else { return HeapSummary.noAllocationInfo }
    return key.line >= 0 ? s.fileName(key) + ":" + String(key.line) : s.fileName(key)
  }

  /// heapy's diff lines, exactly as heapy prints them: every bucket, most objects first.
  /// heapy sorts with Ruby's `sort_by { count }.reverse`, which is not stable: buckets with the
  /// same count may come in another order there.
  public var heapyLines: [String] {
    let buckets = set.heapyBuckets.filter { $0.count > 0 }
    let total = buckets.reduce(Int64(0)) { sum, bucket in
      let (next, overflow) = sum.addingReportingOverflow(bucket.memsize)
      return overflow ? .max : next
    }
    let word = set.dumps.count == 3 ? "Retained" : "Allocated"
    let ordered = buckets.enumerated().sorted {
      $0.element.count != $1.element.count
        ? $0.element.count > $1.element.count : $0.offset > $1.offset
    }.map(\.element)
    return ordered.map {
      "\(word) \($0.type) \($0.count) objects of size \($0.memsize)/\(total) (in bytes) at: \($0.file):\($0.line)"
    }
  }
}
