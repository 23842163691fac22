import MemReportCore

/// Objects and their bytes (`memsize`, 0 when the dump omits it).
public struct HeapAmount: Sendable, Equatable {
  public var objects: Int64 = 0
  public var bytes: Int64 = 0

  public init(objects: Int64 = 0, bytes: Int64 = 0) {
    self.objects = objects
    self.bytes = bytes
  }

  mutating func add(_ memsize: Int64) {
    objects &+= 1
    bytes = bytes &+ memsize < bytes ? Int64.max : bytes &+ memsize
  }

  mutating func add(_ other: HeapAmount) {
    objects =
      objects.addingReportingOverflow(other.objects).overflow ? .max : objects + other.objects
    bytes = bytes.addingReportingOverflow(other.bytes).overflow ? .max : bytes + other.bytes
  }
}

/// What the dump holds that is the measurement, not the app; left out unless asked for.
public enum HeapExclusion: String, CaseIterable, Sendable {
  /// `ObjectSpace.trace_object_allocations`' own table (a DATA object, often most of the heap).
  case tracer = "allocation tracer"
  /// Objects allocated by `objspace.rb` (the dump call).
  case objspace = "objspace.rb"
  /// The dump's own `File`: a FILE allocated in the dump call's GC epoch (the highest generation).
  case dumpFile = "the dump's File"

  /// `left out as the measurement, not the app: 9 objects, 124 kB (allocation tracer 115 kB, …);
  /// --include-measurement counts them`; `nil` when nothing was left out. One sentence for the
  /// summary and the leak set.
  static func sentence(_ excluded: [HeapExclusion: HeapAmount]) -> String? {
    let reasons = allCases.compactMap { reason in
      excluded[reason].map { "\(reason.rawValue) \(Units.bytes($0.bytes))" }
    }
    guard !reasons.isEmpty else { return nil }
    let all = excluded.values.reduce(into: HeapAmount()) { $0.add($1) }
    return "left out as the measurement, not the app: "
      + "\(Units.counted(Int(clamping: all.objects), "object")), \(Units.bytes(all.bytes)) "
      + "(\(reasons.joined(separator: ", "))); \(OptionNames.current.includeMeasurement) counts them"
  }
}

/// One heap dump, aggregated: every object lands in one group of (type, class, struct or IMEMO
/// kind, allocation site, generation). Memory grows with distinct groups, not with objects.
public struct HeapSummary: Sendable {
  struct GroupKey: Hashable {
    var type: HeapType
    var generation: Int64  // -1: no allocation info
    var classAddress: UInt64  // 0: none
    var detail: Int32  // struct or imemo_type name id; -1: none
    var file: Int32  // -1: no allocation info
    var line: Int64  // -1: none

    /// One word for the hasher (one `combine` per lookup instead of six).
    func hash(into hasher: inout Hasher) {
      var h = classAddress &* 0x9E37_79B9_7F4A_7C15
      h ^= UInt64(bitPattern: generation) &* 0xC2B2_AE3D_27D4_EB4F
      h ^= UInt64(bitPattern: line) &* 0x1656_67B1_9E37_79F9
      h ^=
        (UInt64(UInt32(bitPattern: file)) << 32 | UInt64(UInt32(bitPattern: detail)))
        &* 0x27D4_EB2F_1656_67C5
      h ^= UInt64(type.rawValue)
      hasher.combine(h)
    }
  }

  public internal(set) var stats = HeapReadStats()
  var groups: [GroupKey: HeapAmount] = [:]
  /// Class and module names by address, from the dump's CLASS/MODULE/ICLASS records.
  var classNames: [UInt64: Int32] = [:]
  /// Files, class names, struct and IMEMO kinds, unknown type names.
  var names = NameTable()
  /// Types the reader did not know, by name id (`other` records).
  var otherTypes: [Int32: HeapAmount] = [:]
  var strings = DuplicateStrings()
  /// The dump-File sites to use instead of this summary's own (a leak set holds part of a dump).
  var dumpFileSitesOverride: Set<Site>?
  /// Strings are kept as `deferred` entries for another summary to tally (`merge`).
  var deferStrings = false
  var deferred: [DuplicateStrings.Deferred] = []
  /// Where the part this summary reads starts in the file (a parse in parts).
  var baseOffset = 0
  /// The part does not start at the beginning of the dump.
  var isContinuation = false
  /// Whether STRING values are tallied for duplicates (a summary's string report).
  var countsStrings = true

  init(countsStrings: Bool = true) { self.countsStrings = countsStrings }

  public static let noAllocationInfo = "(no allocation info)"

  /// Adds one object record; `offset` is its line's offset in the part being read.
  mutating func add(_ r: HeapRecord, _ p: UnsafePointer<UInt8>, offset: Int = -1) {
    var file: Int32 = -1
    if let span = r.file { file = intern(p, span) }
    var detail: Int32 = -1
    if r.type == .data, let span = r.structName {
      detail = intern(p, span)
    } else if r.type == .imemo, let span = r.imemoType {
      detail = intern(p, span)
    } else if r.type == .other, let span = r.typeSpan {
      detail = intern(p, span)
    }
    noteClass(r, p)
    let key = GroupKey(
      type: r.type, generation: r.generation.map { max($0, 0) } ?? -1,
      classAddress: r.classAddress ?? 0, detail: detail, file: file,
      line: r.file == nil ? -1 : r.line.map { max($0, 0) } ?? -1)
    groups[key, default: HeapAmount()].add(r.memsize)
    if countsStrings, r.type == .string, let value = r.value {
      if deferStrings {
        // A later part of a parse in parts: the first part's tallies count these after the merge
        // (one table for the whole dump, not one per part).
        let hash = DuplicateStrings.hash(
          UnsafeBufferPointer(start: p + value.start, count: value.count))
        deferred.append(
          DuplicateStrings.Deferred(
            hash: hash, memsize: r.memsize, offset: Int64(baseOffset + offset), file: file,
            line: key.line))
        return
      }
      strings.add(
        p, value, memsize: r.memsize, file: file, line: key.line,
        offset: offset >= 0 ? Int64(baseOffset + offset) : -1)
    }
  }

  /// Keeps a CLASS/MODULE/ICLASS record's name for the objects of that class (a summary of part
  /// of a dump still names classes from the whole dump).
  mutating func noteClass(_ r: HeapRecord, _ p: UnsafePointer<UInt8>) {
    if r.type.isClassLike, let address = r.address(p), let span = r.name ?? r.realClassName {
      classNames[address] = intern(p, span)
    }
  }

  private mutating func intern(_ p: UnsafePointer<UInt8>, _ span: ByteSpan) -> Int32 {
    if !span.hasEscape(in: p) {
      return names.intern(UnsafeBufferPointer(start: p + span.start, count: span.count))
    }
    return JSONStringBytes.decode(p, span).withUnsafeBufferPointer { names.intern($0) }
  }

  // MARK: Labels

  /// The class an object is shown under: its class's name from the dump; `#<Class:0x…>` when
  /// the class has no record or no name; `IMEMO(iseq)` or the VM type when it has no class; a
  /// DATA object's struct name appended, `Thread::Mutex (mutex)`.
  func classLabel(_ key: GroupKey) -> String {
    var label: String
    if key.type == .imemo {
      // Up to Ruby 3.2 an IMEMO's `class` is its internal klass slot (a method entry's owner, a
      // call cache's receiver class), not a class it is an instance of.
      label = key.detail >= 0 ? "IMEMO(\(names[key.detail]))" : "IMEMO"
    } else if key.classAddress != 0 {
      if let id = classNames[key.classAddress] {
        label = names[id]
      } else {
        label = "#<Class:0x" + String(key.classAddress, radix: 16) + ">"
      }
    } else {
      label = typeLabel(key)
    }
    if key.type == .data && key.detail >= 0 { label += " (\(names[key.detail]))" }
    return label
  }

  /// The VM type as the dump names it (an unknown one by its own name).
  func typeLabel(_ key: GroupKey) -> String {
    key.type == .other && key.detail >= 0 ? names[key.detail] : key.type.name
  }

  /// Why a group is the measurement rather than the app, if it is. `dumpFileSites`: the sites of
  /// the FILE objects allocated in the dump's own epoch (`dumpFileSites()`).
  func exclusion(_ key: GroupKey, dumpFileSites: Set<Site>) -> HeapExclusion? {
    if key.type == .data && key.detail >= 0
      && names[key.detail] == "ObjectTracing/allocation_info_tracer"
    {
      return .tracer
    }
    if key.file >= 0 {
      let isObjspace = names.withBytes(key.file) { bytes in
        bytes.count >= 11 && Array(bytes.suffix(11)) == Array("objspace.rb".utf8)
          && (bytes.count == 11 || bytes[bytes.count - 12] == UInt8(ascii: "/"))
      }
      if isObjspace { return .objspace }
    }
    if key.type == .file && key.generation >= 0
      && (key.generation == stats.maxGeneration
        || (key.file >= 0 && dumpFileSites.contains(Site(file: names[key.file], line: key.line))))
    {
      return .dumpFile
    }
    return nil
  }

  struct Site: Hashable {
    var file: String
    var line: Int64
  }

  /// Where the dump's own File was opened: the sites of FILE objects of the highest generation
  /// (allocated after the GC that preceded the dump). An earlier dump's File, made by the same
  /// statement, survives one more GC (closed, `fd: -1`) into the next dump: FILE objects of
  /// these sites are the dumps' Files too.
  func dumpFileSites() -> Set<Site> {
    guard let top = stats.maxGeneration else { return [] }
    var sites: Set<Site> = []
    for key in groups.keys where key.type == .file && key.generation == top && key.file >= 0 {
      sites.insert(Site(file: names[key.file], line: key.line))
    }
    return sites
  }

  /// The groups that are the app, and what was left out as the measurement (nothing when
  /// `includeMeasurement`).
  func partition(includeMeasurement: Bool) -> (
    kept: [(key: GroupKey, amount: HeapAmount)], excluded: [HeapExclusion: HeapAmount]
  ) {
    var kept: [(key: GroupKey, amount: HeapAmount)] = []
    var excluded: [HeapExclusion: HeapAmount] = [:]
    let sites = includeMeasurement ? [] : dumpFileSitesOverride ?? dumpFileSites()
    for (key, amount) in groups {
      if !includeMeasurement, let reason = exclusion(key, dumpFileSites: sites) {
        excluded[reason, default: HeapAmount()].add(amount)
      } else {
        kept.append((key, amount))
      }
    }
    return (kept, excluded)
  }

  /// The file an object was allocated in, as a name id; `nil` without allocation info.
  func fileName(_ key: GroupKey) -> String {
    key.file >= 0 ? names[key.file] : Self.noAllocationInfo
  }
}

/// STRING values seen more than once: copies, bytes, and where they were allocated. Each distinct
/// value costs a 64-bit hash and a tally; the text is kept from its second copy on.
struct DuplicateStrings: Sendable {
  /// 40 bytes: a dump holds hundreds of thousands of distinct values.
  struct Tally: Sendable {
    var bytes: Int64 = 0
    var largest: Int64 = 0
    /// The file offset of the first copy's line (to read its text after a parse in parts).
    var firstOffset: Int64 = -1
    private var copies32: UInt32 = 0
    var text: Int32 = -1
    var firstFile: Int32 = -1
    /// The first copy's line (Ruby line numbers fit 32 bits; a larger one is clamped).
    private var firstLine32: Int32 = -1

    var copies: Int64 { Int64(copies32) }
    var firstLine: Int64 { Int64(firstLine32) }

    /// Counts one more copy (saturating).
    mutating func addCopy(memsize: Int64) {
      copies32 = copies32 == .max ? .max : copies32 + 1
      bytes = bytes.addingReportingOverflow(memsize).overflow ? .max : bytes + memsize
      largest = max(largest, memsize)
    }

    /// Adds another part's copies of the same value.
    mutating func add(_ other: Tally) {
      let (sum, overflow) = copies32.addingReportingOverflow(other.copies32)
      copies32 = overflow ? .max : sum
      bytes = bytes.addingReportingOverflow(other.bytes).overflow ? .max : bytes + other.bytes
      largest = max(largest, other.largest)
    }

    mutating func setFirst(file: Int32, line: Int64, offset: Int64) {
      firstFile = file
      firstLine32 = Int32(clamping: line)
      firstOffset = offset
    }
  }

  struct SiteKey: Hashable {
    var hash: UInt64
    var file: Int32
    var line: Int64

    func hash(into hasher: inout Hasher) {
      hasher.combine(
        hash ^ (UInt64(UInt32(bitPattern: file)) &* 0x9E37_79B9_7F4A_7C15)
          ^ (UInt64(bitPattern: line) &* 0xC2B2_AE3D_27D4_EB4F))
    }
  }

  var tallies: [UInt64: Tally] = [:]
  /// Copies per allocation site, for values seen at least twice.
  var sites: [SiteKey: Int64] = [:]
  var texts = NameTable()

  mutating func add(
    _ p: UnsafePointer<UInt8>, _ value: ByteSpan, memsize: Int64, file: Int32, line: Int64,
    offset: Int64
  ) {
    let bytes = UnsafeBufferPointer(start: p + value.start, count: value.count)
    let hash = Self.hash(bytes)
    // One lookup for most values (the tally is updated in place).
    let (copies, firstFile, firstLine) = Self.count(
      &tallies[hash, default: Tally()], memsize: memsize, file: file, line: line, offset: offset)
    guard copies >= 2 else { return }
    if copies == 2 {
      tallies[hash]?.text =
        value.hasEscape(in: p)
        ? JSONStringBytes.decode(p, value).withUnsafeBufferPointer { texts.intern($0) }
        : texts.intern(bytes)
      sites[SiteKey(hash: hash, file: firstFile, line: firstLine), default: 0] += 1
    }
    sites[SiteKey(hash: hash, file: file, line: Int64(Int32(clamping: line))), default: 0] += 1
  }

  private static func count(
    _ tally: inout Tally, memsize: Int64, file: Int32, line: Int64, offset: Int64
  ) -> (Int64, Int32, Int64) {
    tally.addCopy(memsize: memsize)
    if tally.copies == 1 { tally.setFirst(file: file, line: line, offset: offset) }
    return (tally.copies, tally.firstFile, tally.firstLine)
  }

  /// A STRING of a later part, counted after the merge: 32 bytes.
  struct Deferred: Sendable {
    var hash: UInt64
    var memsize: Int64
    var offset: Int64
    var file: Int32
    private var line32: Int32
    var line: Int64 { Int64(line32) }

    init(hash: UInt64, memsize: Int64, offset: Int64, file: Int32, line: Int64) {
      self.hash = hash
      self.memsize = memsize
      self.offset = offset
      self.file = file
      line32 = Int32(clamping: line)
    }
  }

  /// Counts a deferred copy (its text, if it makes a duplicate, is read back by `fillTexts`).
  mutating func add(_ entry: Deferred, file: Int32) {
    let (copies, firstFile, firstLine) = Self.count(
      &tallies[entry.hash, default: Tally()], memsize: entry.memsize, file: file, line: entry.line,
      offset: entry.offset)
    guard copies >= 2 else { return }
    if copies == 2 {
      sites[SiteKey(hash: entry.hash, file: firstFile, line: firstLine), default: 0] += 1
    }
    sites[SiteKey(hash: entry.hash, file: file, line: entry.line), default: 0] += 1
  }

  /// FNV-1a, 64 bits.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h = (h ^ UInt64(b)) &* 0x100_0000_01b3
    }
    return h
  }
}
