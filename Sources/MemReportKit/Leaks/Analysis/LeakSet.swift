import MemReportCore

/// The three-dump technique (derailed's `perf:heap_diff`), with identity: the objects of the last
/// dump that were allocated after the first dump and are alive in every dump after it.
///
/// An object's identity is its address, VM type and allocation generation (when the dumps were
/// traced): a slot freed and reused by another object between two dumps has the same address but
/// not the same identity, so it is not counted as retained (heapy, keyed on the address alone,
/// counts it), and a new object in a slot the first dump already used is counted (heapy misses it).
public struct LeakSet: Sendable {
  /// Each dump's path and how it was read.
  public var dumps: [(path: String, stats: HeapReadStats)] = []
  /// The last dump: every object (after exclusions), for shares of the heap.
  var lastHeap = HeapSummary(countsStrings: false)
  /// The leak set, by identity.
  var leaked = HeapSummary(countsStrings: false)
  /// The leak set by address alone (heapy's identity), totals only.
  public var byAddress = HeapAmount()
  /// Objects the address-only method counts that are not the same object (the slot held another
  /// object, of another type or generation, in an earlier dump): rejected as reuse.
  public var rejectedAsReuse: Int64 = 0
  /// Objects counted that live in a slot the first dump used for another object (missed by
  /// address).
  public var foundInReusedSlots: Int64 = 0
  /// Objects of the last dump that existed when the first was taken (by generation) but whose
  /// address the first dump does not have: moved by compaction. Only with allocation tracing.
  public var moved: Int64 = 0
  /// New objects since the first dump at each later dump, by class and location (growth).
  var steps: [HeapSummary] = []
  /// heapy's `diff` buckets (`type,file,line` → count, memsize), for two or three dumps.
  var heapyBuckets: [HeapyBucket] = []
  /// Whether the dumps carry allocation generations (traced).
  public var traced = false

  struct HeapyBucket: Sendable {
    var type: String
    var file: String
    var line: String
    var count: Int64
    var memsize: Int64
  }
}

extension LeakSet {
  /// A compact per-object value: type (8 bits), generation + 1 (40 bits, 0 none), flags.
  struct Slot {
    static let byAddress: UInt64 = 1 << 48
    static let byIdentity: UInt64 = 1 << 49

    static func identity(_ r: HeapRecord) -> UInt64 {
      let generation = UInt64(clamping: (r.generation ?? -1) + 1) & 0xFF_FFFF_FFFF
      return UInt64(r.type.rawValue) | generation << 8
    }

    static let identityMask: UInt64 = (1 << 48) - 1
  }

  /// Reads `paths` (at least two dumps) in order, one at a time. Memory: the first dump's
  /// addresses and identities, the candidates' (at most the second dump's objects), and the
  /// groups of the summaries.
  /// - Throws: what reading a dump throws; `MemReportError.usage` for fewer than two dumps.
  public static func read(_ paths: [String], progress: ((Int) -> Void)? = nil) throws -> LeakSet {
    try read(paths) { index, visit in
      let path = paths[index]
      let input = try InputFile.open(path)
      defer { input.close() }
      guard case .mine = HeapDumpReader.detect(try InputHead(input)) else {
        throw MemReportError.unusableInput(
          path: path, line: nil, reason: "not a Ruby heap dump (ObjectSpace.dump_all output)")
      }
      return try HeapDumpParser.parse(input, progress: progress, visit: visit)
    }
  }

  /// The leak set of dumps held in memory (tests, fuzzing).
  static func read(dumps: [[UInt8]]) throws -> LeakSet {
    try read(dumps.indices.map { "dump \($0)" }) { index, visit in
      try HeapDumpParser.parse(bytes: dumps[index], path: "dump \(index)", visit: visit)
    }
  }

  private static func read(
    _ paths: [String],
    parse: (Int, (HeapRecord, UnsafePointer<UInt8>, Int) throws -> Void) throws -> HeapReadStats
  ) throws -> LeakSet {
    guard paths.count >= 2 else {
      throw MemReportError.usage("leaks needs at least two heap dumps (three for the leak set)")
    }
    var set = LeakSet()
    var base: [UInt64: UInt64] = [:]  // first dump: address → identity
    var candidates: [UInt64: UInt64] = [:]  // address → identity | flags
    var heapy = HeapyDiff()
    let last = paths.count - 1
    for (index, path) in paths.enumerated() {
      var step = HeapSummary(countsStrings: false)
      var next: [UInt64: UInt64] = [:]
      let firstMaxGeneration = set.dumps.first?.stats.maxGeneration
      let stats = try parse(index) { record, p, _ in
        if index == last {
          set.lastHeap.add(record, p)
          set.leaked.noteClass(record, p)
        }
        if index >= 1 { step.noteClass(record, p) }
        guard let address = record.address(p) else { return }
        let identity = Slot.identity(record)
        if index == 0 {
          base[address] = identity
          return
        }
        let before = base[address]
        if index == 1 && before == nil && paths.count <= 3 {
          heapy.noteSecond(address, record, p, final: paths.count == 2)
        } else if index == 2 && paths.count == 3 {
          heapy.noteThird(address)
        }
        if index == last, let first = firstMaxGeneration, let generation = record.generation,
          generation < first, before == nil
        {
          set.moved += 1
        }
        let newSinceFirst = before != identity
        if newSinceFirst { step.add(record, p) }
        var value: UInt64
        if index == 1 {
          value = identity
          if before == nil { value |= Slot.byAddress }
          if newSinceFirst { value |= Slot.byIdentity }
        } else {
          guard let candidate = candidates[address] else { return }
          value = candidate
          if candidate & Slot.identityMask != identity { value &= ~Slot.byIdentity }
        }
        if index < last {
          if value & (Slot.byAddress | Slot.byIdentity) != 0 { next[address] = value }
          return
        }
        if value & Slot.byAddress != 0 {
          set.byAddress.add(record.memsize)
          if value & Slot.byIdentity == 0 { set.rejectedAsReuse += 1 }
        }
        if value & Slot.byIdentity != 0 {
          set.leaked.add(record, p)
          if value & Slot.byAddress == 0 { set.foundInReusedSlots += 1 }
        }
      }
      set.dumps.append((path, stats))
      if stats.traced > 0 { set.traced = true }
      if index >= 1 {
        step.stats = stats
        set.steps.append(step)
      }
      if index >= 1 && index < last { candidates = next }
    }
    set.heapyBuckets = heapy.buckets
    set.lastHeap.stats = set.dumps[last].stats
    // The leak set's exclusions are the last dump's (its dump Files' sites, its epoch).
    set.leaked.stats = set.dumps[last].stats
    set.leaked.dumpFileSitesOverride = set.lastHeap.dumpFileSites()
    return set
  }
}

/// heapy's `diff BEFORE AFTER [RETAINED]`, reproduced: AFTER's records whose address BEFORE does
/// not have (and RETAINED has), bucketed by `type,file,line` with their AFTER memsize.
struct HeapyDiff {
  var buckets: [LeakSet.HeapyBucket] = []
  private var index: [String: Int32] = [:]
  /// AFTER's new addresses waiting for RETAINED: bucket and memsize.
  private var pending: [UInt64: (bucket: Int32, memsize: Int64)] = [:]

  mutating func noteSecond(
    _ address: UInt64, _ record: HeapRecord, _ p: UnsafePointer<UInt8>, final: Bool
  ) {
    func text(_ span: ByteSpan?) -> String {
      span.map { String(decoding: JSONStringBytes.decode(p, $0), as: UTF8.self) } ?? ""
    }
    let type = text(record.typeSpan)
    let file = text(record.file)
    let line = record.line.map(String.init) ?? ""
    let key = type + "," + file + "," + line
    let bucket: Int32
    if let known = index[key] {
      bucket = known
    } else {
      bucket = Int32(buckets.count)
      index[key] = bucket
      buckets.append(
        LeakSet.HeapyBucket(type: type, file: file, line: line, count: 0, memsize: 0))
    }
    if final {
      add(bucket, record.memsize)
    } else {
      pending[address] = (bucket, record.memsize)
    }
  }

  mutating func noteThird(_ address: UInt64) {
    if let entry = pending.removeValue(forKey: address) { add(entry.bucket, entry.memsize) }
  }

  private mutating func add(_ bucket: Int32, _ memsize: Int64) {
    buckets[Int(bucket)].count += 1
    buckets[Int(bucket)].memsize =
      buckets[Int(bucket)].memsize.addingReportingOverflow(memsize)
        .overflow ? .max : buckets[Int(bucket)].memsize + memsize
  }
}
