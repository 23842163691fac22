import Dispatch
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
      // `generation` + 1 in 40 bits (0: none); any Int64 from the input, so no `+` that can trap.
      let generation = r.generation.map { UInt64(clamping: $0) &+ 1 } ?? 0
      return UInt64(r.type.rawValue) | (generation & 0xFF_FFFF_FFFF) << 8
    }

    static let identityMask: UInt64 = (1 << 48) - 1
  }

  /// Reads `paths` (at least two dumps) in order, one at a time; a large plain dump in two
  /// halves on two threads. Memory: the first dump's addresses and identities, the candidates'
  /// (at most the second dump's objects), and the groups of the summaries.
  /// - Throws: what reading a dump throws; `MemReportError.usage` for fewer than two dumps.
  public static func read(_ paths: [String], progress: ((Int) -> Void)? = nil) throws -> LeakSet {
    try read(count: paths.count) { index, template in
      let path = paths[index]
      let input = try InputFile.open(path)
      defer { input.close() }
      guard case .mine = HeapDumpReader.detect(try InputHead(input)) else {
        throw MemReportError.unusableInput(
          path: path, line: nil, reason: "not a Ruby heap dump (ObjectSpace.dump_all output)")
      }
      if let split = try HeapSummary.splitOffset(input) {
        return (try inParts(path, split: split, template), path)
      }
      var pass = template
      let stats = try HeapDumpParser.parse(input, progress: progress) { record, p, _ in
        pass.visit(record, p)
      }
      return ((pass, stats), path)
    }
  }

  /// The leak set of dumps held in memory (tests, fuzzing).
  static func read(dumps: [[UInt8]]) throws -> LeakSet {
    try read(count: dumps.count) { index, template in
      var pass = template
      let stats = try HeapDumpParser.parse(bytes: dumps[index], path: "dump \(index)") {
        record, p, _ in pass.visit(record, p)
      }
      return ((pass, stats), "dump \(index)")
    }
  }

  /// One dump read in two halves at once, each into its own pass (the shared tables are only
  /// read), then merged.
  private static func inParts(_ path: String, split: Int, _ template: DumpPass) throws -> (
    DumpPass, HeapReadStats
  ) {
    nonisolated(unsafe) var results: [(DumpPass, HeapReadStats)?] = [nil, nil]
    nonisolated(unsafe) var errors: [(any Error)?] = [nil, nil]
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      do {
        let input = try InputFile.open(path)
        defer { input.close() }
        if part == 1 { try input.seek(to: split) }
        var pass = template
        let stats = try HeapDumpParser.parse(
          input, progress: nil, byteLimit: part == 0 ? split : nil, continuation: part == 1
        ) { record, p, _ in pass.visit(record, p) }
        results[part] = (pass, stats)
      } catch {
        errors[part] = error
      }
    }
    if let error = errors[0] ?? errors[1] { throw error }
    guard let first = results[0], let second = results[1] else {
      throw MemReportError.usage("a part of \(path) was not read")
    }
    results = []
    var (pass, stats) = first
    pass.merge(second.0)
    stats.append(second.1)
    return (pass, stats)
  }

  private static func read(
    count: Int, readDump: (Int, DumpPass) throws -> ((DumpPass, HeapReadStats), String)
  ) throws -> LeakSet {
    guard count >= 2 else {
      throw MemReportError.usage("leaks needs at least two heap dumps (three for the leak set)")
    }
    var set = LeakSet()
    var base: [UInt64: UInt64] = [:]  // first dump: address → identity
    var candidates: [UInt64: UInt64] = [:]  // address → identity | flags
    var heapy = HeapyDiff()
    let last = count - 1
    for index in 0..<count {
      let template = DumpPass(
        index: index, count: count, base: base, candidates: candidates, heapy: heapy,
        firstMaxGeneration: set.dumps.first?.stats.maxGeneration)
      let ((pass, stats), path) = try readDump(index, template)
      set.dumps.append((path, stats))
      if stats.traced > 0 { set.traced = true }
      if index == 0 { base = pass.inserted }
      if index >= 1 {
        var step = pass.step
        step.stats = stats
        set.steps.append(step)
      }
      if index >= 1 && index < last { candidates = pass.next }
      if index == 1 && count <= 3 { heapy = pass.heapy }
      if index == 2 && count == 3 {
        for address in pass.heapyMatched { heapy.noteThird(address) }
      }
      if index == last {
        set.lastHeap = pass.lastHeap
        set.leaked = pass.leaked
        set.byAddress = pass.byAddress
        set.rejectedAsReuse = pass.rejected
        set.foundInReusedSlots = pass.found
        set.moved = pass.moved
      }
    }
    set.heapyBuckets = heapy.buckets
    set.lastHeap.stats = set.dumps[last].stats
    // The leak set's exclusions are the last dump's (its dump Files' sites, its epoch).
    set.leaked.stats = set.dumps[last].stats
    set.leaked.dumpFileSitesOverride = set.lastHeap.dumpFileSites()
    return set
  }
}

/// What reading one dump (or one half of it) of a leak set gathers. The tables of the earlier
/// dumps (`base`, `candidates`, heapy's pending addresses) are only read, so two halves can share
/// them.
struct DumpPass {
  let index: Int
  let count: Int
  let base: [UInt64: UInt64]
  let candidates: [UInt64: UInt64]
  let firstMaxGeneration: Int64?
  /// The first dump: address → identity.
  var inserted: [UInt64: UInt64] = [:]
  /// Candidates that are still alive at this dump.
  var next: [UInt64: UInt64] = [:]
  var step = HeapSummary(countsStrings: false)
  var lastHeap = HeapSummary(countsStrings: false)
  var leaked = HeapSummary(countsStrings: false)
  var byAddress = HeapAmount()
  var rejected: Int64 = 0
  var found: Int64 = 0
  var moved: Int64 = 0
  /// heapy: the second dump's buckets and pending addresses (read at the third).
  var heapy: HeapyDiff
  /// heapy: the third dump's addresses that the second dump left pending.
  var heapyMatched: [UInt64] = []

  init(
    index: Int, count: Int, base: [UInt64: UInt64], candidates: [UInt64: UInt64],
    heapy: HeapyDiff, firstMaxGeneration: Int64?
  ) {
    self.index = index
    self.count = count
    self.base = base
    self.candidates = candidates
    self.heapy = heapy
    self.firstMaxGeneration = firstMaxGeneration
  }

  mutating func visit(_ record: HeapRecord, _ p: UnsafePointer<UInt8>) {
    typealias Slot = LeakSet.Slot
    let last = count - 1
    if index == last {
      lastHeap.add(record, p)
      leaked.noteClass(record, p)
    }
    if index >= 1 { step.noteClass(record, p) }
    guard let address = record.address(p) else { return }
    let identity = Slot.identity(record)
    if index == 0 {
      inserted[address] = identity
      return
    }
    let before = base[address]
    if index == 1 && before == nil && count <= 3 {
      heapy.noteSecond(address, record, p, final: count == 2)
    } else if index == 2 && count == 3 && heapy.isPending(address) {
      heapyMatched.append(address)
    }
    if index == last, let first = firstMaxGeneration, let generation = record.generation,
      generation < first, before == nil
    {
      moved += 1
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
      byAddress.add(record.memsize)
      if value & Slot.byIdentity == 0 { rejected += 1 }
    }
    if value & Slot.byIdentity != 0 {
      leaked.add(record, p)
      if value & Slot.byAddress == 0 { found += 1 }
    }
  }

  /// Adds the pass over the half of the dump that follows this one's (its records win where an
  /// address repeats, as the later record does in one pass).
  mutating func merge(_ other: DumpPass) {
    inserted.merge(other.inserted) { _, later in later }
    next.merge(other.next) { _, later in later }
    step.merge(other.step)
    lastHeap.merge(other.lastHeap)
    leaked.merge(other.leaked)
    byAddress.add(other.byAddress)
    rejected += other.rejected
    found += other.found
    moved += other.moved
    heapy.merge(other.heapy)
    heapyMatched += other.heapyMatched
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

  /// Whether the second dump left `address` waiting for the third.
  func isPending(_ address: UInt64) -> Bool { pending[address] != nil }

  /// Adds the buckets and pending addresses of the second dump's later half.
  mutating func merge(_ other: HeapyDiff) {
    var map: [Int32] = []
    for bucket in other.buckets {
      let key = bucket.type + "," + bucket.file + "," + bucket.line
      let id: Int32
      if let known = index[key] {
        id = known
      } else {
        id = Int32(buckets.count)
        index[key] = id
        buckets.append(
          LeakSet.HeapyBucket(
            type: bucket.type, file: bucket.file, line: bucket.line, count: 0, memsize: 0))
      }
      map.append(id)
      buckets[Int(id)].count += bucket.count
      let (sum, overflow) = buckets[Int(id)].memsize.addingReportingOverflow(bucket.memsize)
      buckets[Int(id)].memsize = overflow ? .max : sum
    }
    for (address, entry) in other.pending {
      pending[address] = (map[Int(entry.bucket)], entry.memsize)
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
