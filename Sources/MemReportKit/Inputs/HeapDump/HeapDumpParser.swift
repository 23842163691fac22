import MemReportCore

/// How a dump was read: lines, records by kind, and what was skipped.
public struct HeapReadStats: Sendable, Equatable {
  public var lines = 0
  public var objects = 0
  public var roots = 0
  public var shapes = 0
  /// Lines that are not one JSON object (Ruby's dump bugs, a truncated last line, garbage).
  public var skipped = 0
  /// The first `skippedLinesKept` skipped line numbers.
  public var skippedLines: [Int] = []
  /// Object records without an address (kept in the summary, left out of address sets).
  public var withoutAddress = 0
  public var truncatedLastLine = false
  public var longestLine = 0
  /// The highest `generation` seen (the GC count of the dump's own epoch when traced).
  public var maxGeneration: Int64?
  public var traced: Int = 0

  static let skippedLinesKept = 10

  public init() {}
}

/// Streams `ObjectSpace.dump_all` output line by line and hands each readable record to a visitor
/// with the line's bytes (spans point into them). Memory: one read chunk plus the longest line
/// kept; lines up to 64 MiB are read (a 150,000-element Array is 2.7 MB), longer ones skipped.
enum HeapDumpParser {
  static let maxLineLength = 64 << 20

  /// - Throws: `MemReportError.unusableInput` for input that is not a heap dump at all.
  /// - Parameter byteLimit: read only this many bytes (the first part of a parse in parts).
  /// - Parameter visit: each record, the line's bytes and the line's offset in what was read.
  static func parse(
    _ input: InputFile, progress: ((Int) -> Void)?, byteLimit: Int? = nil,
    continuation: Bool = false, visit: (HeapRecord, UnsafePointer<UInt8>, Int) throws -> Void
  ) throws -> HeapReadStats {
    var reader = LineReader(input: input, maxLineLength: maxLineLength, progress: progress)
    reader.byteLimit = byteLimit
    return try withoutActuallyEscaping(visit) { visit in
      try parse(
        path: input.path, lines: { try reader.forEachLine($0) }, continuation: continuation,
        visit: visit)
    }
  }

  /// Parses `bytes` (tests, fuzzing).
  static func parse(
    bytes: [UInt8], path: String, visit: (HeapRecord, UnsafePointer<UInt8>, Int) throws -> Void
  ) throws -> HeapReadStats {
    try withoutActuallyEscaping(visit) { visit in
      try parse(
        path: path, lines: { try LineReader.forEachLine(in: bytes, $0) }, continuation: false,
        visit: visit)
    }
  }

  private static func parse(
    path: String, lines: ((RawLine) throws -> Void) throws -> Void, continuation: Bool,
    visit: @escaping (HeapRecord, UnsafePointer<UInt8>, Int) throws -> Void
  ) throws -> HeapReadStats {
    var stats = HeapReadStats()
    var firstRecordSeen = false
    var record = HeapRecord()  // one record, filled again for every line
    try lines { raw in
      stats.lines = raw.number
      stats.longestLine = max(stats.longestLine, raw.bytes.count)
      if raw.bytes.isEmpty || (raw.bytes.count == 1 && raw.bytes[0] == 0x0D) { return }
      record = HeapRecord()
      guard !raw.overlong, raw.bytes.count <= maxLineLength, let base = raw.bytes.baseAddress,
        HeapRecordScanner.scan(raw.bytes, into: &record)
      else {
        if !raw.terminated && !raw.overlong { stats.truncatedLastLine = true }
        skip(raw.number, &stats)
        if !firstRecordSeen && !continuation && stats.skipped >= 20 {
          throw MemReportError.unusableInput(
            path: path, line: raw.number,
            reason: "not a Ruby heap dump (no JSON record in the first 20 lines)")
        }
        return
      }
      if record.isRoot {
        stats.roots += 1
        firstRecordSeen = true
        return
      }
      if record.type == .shape {
        stats.shapes += 1
        firstRecordSeen = true
        return
      }
      guard record.typeSpan != nil else {
        skip(raw.number, &stats)
        return
      }
      firstRecordSeen = true
      stats.objects += 1
      if record.addressSpan == nil { stats.withoutAddress += 1 }
      if let generation = record.generation {
        stats.traced += 1
        stats.maxGeneration = max(stats.maxGeneration ?? generation, generation)
      }
      try visit(record, base, raw.offset)
    }
    if !firstRecordSeen && !continuation {
      throw MemReportError.unusableInput(
        path: path, line: stats.lines == 0 ? nil : 1,
        reason: "not a Ruby heap dump (no ObjectSpace.dump_all record)")
    }
    return stats
  }

  private static func skip(_ line: Int, _ stats: inout HeapReadStats) {
    stats.skipped += 1
    if stats.skippedLines.count < HeapReadStats.skippedLinesKept { stats.skippedLines.append(line) }
  }
}

/// JSON string contents as UTF-8 bytes: escapes decoded (`\"`, `\\`, `\n`, `\u00e9`, surrogate
/// pairs); an invalid escape is kept as written.
enum JSONStringBytes {
  static func decode(_ p: UnsafePointer<UInt8>, _ span: ByteSpan) -> [UInt8] {
    let raw = UnsafeBufferPointer(start: p + span.start, count: span.count)
    guard span.hasEscape(in: p) else { return Array(raw) }
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var i = 0
    while i < raw.count {
      let c = raw[i]
      guard c == 0x5C, i + 1 < raw.count else {
        out.append(c)
        i += 1
        continue
      }
      let e = raw[i + 1]
      switch e {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        if let (scalar, used) = unicode(raw, i) {
          out.append(contentsOf: Array(String(Character(scalar)).utf8))
          i += used
          continue
        }
        out.append(c)
        out.append(e)
      default: out.append(e)  // \" \\ \/ and anything else: the character itself
      }
      i += 2
    }
    return out
  }

  /// `\uXXXX` (or a surrogate pair) at `i`: the scalar and the bytes it used.
  private static func unicode(_ raw: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int)?
  {
    func hex(_ at: Int) -> UInt32? {
      guard at + 4 <= raw.count else { return nil }
      var v: UInt32 = 0
      for k in at..<at + 4 {
        guard let d = Character(Unicode.Scalar(raw[k])).hexDigitValue else { return nil }
        v = v << 4 | UInt32(d)
      }
      return v
    }
    guard let first = hex(i + 2) else { return nil }
    if first >= 0xD800 && first < 0xDC00, i + 12 <= raw.count, raw[i + 6] == 0x5C,
      raw[i + 7] == UInt8(ascii: "u"), let second = hex(i + 8), second >= 0xDC00 && second < 0xE000
    {
      let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
      return Unicode.Scalar(value).map { ($0, 12) }
    }
    return Unicode.Scalar(first).map { ($0, 6) }
  }
}
