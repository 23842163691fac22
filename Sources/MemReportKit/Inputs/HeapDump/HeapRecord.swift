import MemReportCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A byte range of the line being scanned (a JSON string's content, without its quotes).
struct ByteSpan: Equatable {
  /// Offsets in a line of at most `HeapDumpParser.maxLineLength` bytes: 32 bits keep a record
  /// small (it is filled once per line).
  private var start32: UInt32
  private var count32: UInt32
  var start: Int { Int(start32) }
  var count: Int { Int(count32) }
  /// The string may hold a backslash escape: set when one precedes a quote; otherwise ask
  /// `hasEscape(in:)` (the scanner does not look for one in every string it skips).
  var escaped = false

  init(start: Int, count: Int, escaped: Bool = false) {
    start32 = UInt32(truncatingIfNeeded: start)
    count32 = UInt32(truncatingIfNeeded: count)
    self.escaped = escaped
  }

  /// Whether the string holds a backslash (an escape to decode before showing it).
  func hasEscape(in p: UnsafePointer<UInt8>) -> Bool {
    escaped || (count > 0 && memchr(p + start, 0x5C, count) != nil)
  }
}

/// The VM type of a heap-dump record (`"type"`), as `ObjectSpace.dump_all` writes it.
enum HeapType: UInt8, CaseIterable, Sendable {
  case other = 0
  case object, `class`, module, iclass, string, array, hash, `struct`, data, file, regexp, match
  case float, bignum, rational, complex, symbol, imemo, node, zombie, none, root, shape, moved

  /// The name as the dump writes it (`OBJECT`, `IMEMO`); `other` stands for a type this reader does
  /// not know, shown by its own name.
  var name: String { Self.names[Int(rawValue)] }

  static let names = [
    "OTHER", "OBJECT", "CLASS", "MODULE", "ICLASS", "STRING", "ARRAY", "HASH", "STRUCT", "DATA",
    "FILE", "REGEXP", "MATCH", "FLOAT", "BIGNUM", "RATIONAL", "COMPLEX", "SYMBOL", "IMEMO", "NODE",
    "ZOMBIE", "NONE", "ROOT", "SHAPE", "MOVED",
  ]
  private static let bytes: [[UInt8]] = names.map { Array($0.utf8) }

  /// The type spelled by `count` bytes at `p`; `other` when unknown.
  static func of(_ p: UnsafePointer<UInt8>, _ count: Int) -> HeapType {
    guard count > 0 else { return .other }
    for i in 1..<bytes.count where bytes[i].count == count && bytes[i][0] == p[0] {
      let same = bytes[i].withUnsafeBufferPointer { name in
        name.baseAddress.map { memcmp($0, p, count) == 0 } ?? false
      }
      if same { return HeapType(rawValue: UInt8(i)) ?? .other }
    }
    return .other
  }

  /// Whether records of this type name a class (`CLASS`, `MODULE`, `ICLASS`).
  var isClassLike: Bool { self == .class || self == .module || self == .iclass }
}

/// The fields of one heap-dump line that memreport uses; the rest is skipped unread.
struct HeapRecord {
  var type = HeapType.other
  var typeSpan: ByteSpan?
  /// The `address` string, read as a number only by the analyses that need it (`address(_:)`).
  var addressSpan: ByteSpan?
  var classAddress: UInt64?
  /// `memsize`; the dump omits it when 0.
  var memsize: Int64 = 0
  var generation: Int64?
  var line: Int64?
  var file: ByteSpan?
  var name: ByteSpan?
  var realClassName: ByteSpan?
  var structName: ByteSpan?
  var imemoType: ByteSpan?
  /// A STRING's `value` (7-bit ASCII content only), still escaped as JSON.
  var value: ByteSpan?
  var fd: Int64?
  /// The `references` array, brackets included.
  var references: ByteSpan?
  /// The line is a `ROOT` record (`"root":"vm"`).
  var isRoot = false

  /// The slot address as a number; `nil` when absent or not 1–16 hex digits after `0x`.
  func address(_ p: UnsafePointer<UInt8>) -> UInt64? {
    addressSpan.flatMap { HeapRecordScanner.address(p, $0) }
  }
}

/// Reads one line of `ObjectSpace.dump_all` output: a flat JSON object whose values memreport
/// needs are strings and integers; arrays and objects (`references`, `flags`) are skipped or kept
/// as spans. It scans bytes once, with `memchr` over string contents, and never recurses. A line
/// that is not one well-formed JSON object, or whose integers do not fit 64 bits, is refused
/// (`nil`), which the parser counts as skipped.
enum HeapRecordScanner {
  static func scan(_ line: UnsafeBufferPointer<UInt8>) -> HeapRecord? {
    var record = HeapRecord()
    return scan(line, into: &record) ? record : nil
  }

  /// Scans `line` into `record` (which starts empty); false when the line is refused.
  static func scan(_ line: UnsafeBufferPointer<UInt8>, into record: inout HeapRecord) -> Bool {
    guard let p = line.baseAddress else { return false }
    let n = line.count
    var i = 0
    skipSpace(p, n, &i)
    guard i < n, p[i] == UInt8(ascii: "{") else { return false }
    i += 1
    skipSpace(p, n, &i)
    if i < n && p[i] == UInt8(ascii: "}") {
      i += 1
      skipSpace(p, n, &i)
      return i == n
    }
    while true {
      guard i < n, p[i] == UInt8(ascii: "\"") else { return false }
      guard let key = key(p, n, &i) else { return false }
      skipSpace(p, n, &i)
      guard i < n, p[i] == UInt8(ascii: ":") else { return false }
      i += 1
      skipSpace(p, n, &i)
      guard i < n else { return false }
      let c = p[i]
      if c == UInt8(ascii: "\"") {
        guard let value = string(p, n, &i) else { return false }
        assignString(key, value, p, &record)
      } else if c == UInt8(ascii: "-") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) {
        guard let number = integer(p, n, &i) else { return false }
        if let number { assignNumber(key, number, p, &record) }
      } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
        let start = i
        guard skipComposite(p, n, &i) else { return false }
        if matches(key, p, "references") {
          record.references = ByteSpan(start: start, count: i - start)
        }
      } else if !literal(p, n, &i) {
        return false
      }
      skipSpace(p, n, &i)
      guard i < n else { return false }
      if p[i] == UInt8(ascii: ",") {
        i += 1
        skipSpace(p, n, &i)
        continue
      }
      guard p[i] == UInt8(ascii: "}") else { return false }
      i += 1
      skipSpace(p, n, &i)
      return i == n
    }
  }

  @inline(__always)
  private static func skipSpace(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) {
    while i < n, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0D || p[i] == 0x0A { i += 1 }
  }

  /// A key: short, so a byte loop beats `memchr`; one with a backslash is read as a string.
  @inline(__always)
  private static func key(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) -> ByteSpan? {
    let j = quoteOrBackslash(p, i + 1, n)
    guard j < n else { return nil }
    if p[j] == 0x5C { return string(p, n, &i) }
    let span = ByteSpan(start: i + 1, count: j - i - 1)
    i = j + 1
    return span
  }

  /// The first `"` or `\` at or after `from` (`n` when none): 16 bytes at a time, never reading
  /// past `n`.
  @inline(__always)
  static func quoteOrBackslash(_ p: UnsafePointer<UInt8>, _ from: Int, _ n: Int) -> Int {
    var i = from
    let quote = SIMD16<UInt8>(repeating: 0x22)
    let slash = SIMD16<UInt8>(repeating: 0x5C)
    while i + 16 <= n {
      let v = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD16<UInt8>.self)
      let hits = (v .== quote) .| (v .== slash)
      if any(hits) {
        let bytes = SIMD16<UInt8>(repeating: 0).replacing(with: 0xFF, where: hits)
        let halves = unsafeBitCast(bytes, to: SIMD2<UInt64>.self)
        return halves[0] != 0
          ? i + halves[0].trailingZeroBitCount >> 3
          : i + 8 + halves[1].trailingZeroBitCount >> 3
      }
      i += 16
    }
    while i < n && p[i] != 0x22 && p[i] != 0x5C { i += 1 }
    return i
  }

  /// A string starting at the quote `p[i]`; leaves `i` after its closing quote.
  @inline(__always)
  private static func string(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) -> ByteSpan? {
    let start = i + 1
    // Up to the first quote or backslash, 16 bytes at a time; after a backslash, quote by quote.
    let k = quoteOrBackslash(p, start, n)
    guard k < n else { return nil }
    if p[k] == 0x22 {
      i = k + 1
      return ByteSpan(start: start, count: k - start)
    }
    var j = k
    var escapedQuote = false
    while j < n {
      guard let q = memchr(p + j, 0x22, n - j) else { return nil }
      let quote = p.distance(to: q.assumingMemoryBound(to: UInt8.self))
      // The quote ends the string unless an odd number of backslashes precede it.
      var slashes = 0
      while quote - slashes - 1 >= start && p[quote - slashes - 1] == 0x5C { slashes += 1 }
      if slashes & 1 == 0 {
        i = quote + 1
        return ByteSpan(start: start, count: quote - start, escaped: escapedQuote)
      }
      escapedQuote = true
      j = quote + 1
    }
    return nil
  }

  /// An integer (`nil` inside when it is a JSON number but not an integer, such as `1.5` or
  /// `1e3`, which no field memreport reads holds); `nil` outside when it does not fit 64 bits.
  @inline(__always)
  private static func integer(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) -> Int64?? {
    var negative = false
    if p[i] == UInt8(ascii: "-") {
      negative = true
      i += 1
    }
    var value: Int64 = 0
    var digits = 0
    while i < n, p[i] >= 0x30 && p[i] <= 0x39 {
      let (times, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times.addingReportingOverflow(Int64(p[i] &- 0x30))
      if o1 || o2 { return nil }
      value = sum
      digits += 1
      i += 1
    }
    guard digits > 0 else { return nil }
    if i < n, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
      // A fraction or exponent: skip the rest of the number.
      i += 1
      while i < n,
        (p[i] >= 0x30 && p[i] <= 0x39) || p[i] == 0x2B || p[i] == 0x2D || p[i] == 0x65
          || p[i] == 0x45
      {
        i += 1
      }
      return .some(nil)
    }
    return .some(negative ? -value : value)
  }

  /// `true`, `false` or `null`.
  private static func literal(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) -> Bool {
    let word: StaticString
    switch p[i] {
    case UInt8(ascii: "t"): word = "true"
    case UInt8(ascii: "f"): word = "false"
    case UInt8(ascii: "n"): word = "null"
    default: return false
    }
    let count = word.utf8CodeUnitCount
    guard n - i >= count, memcmp(p + i, word.utf8Start, count) == 0 else { return false }
    i += count
    return true
  }

  /// An array or object: brackets counted, strings skipped whole (a bracket inside a string is
  /// text). No recursion, so no depth limit is needed.
  private static func skipComposite(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) -> Bool {
    var depth = 0
    while i < n {
      let c = p[i]
      if c == 0x22 {
        guard string(p, n, &i) != nil else { return false }
        continue
      }
      if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
        depth += 1
      } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
        depth -= 1
        if depth == 0 {
          i += 1
          return true
        }
      }
      i += 1
    }
    return false
  }

  @inline(__always)
  private static func matches(_ key: ByteSpan, _ p: UnsafePointer<UInt8>, _ word: StaticString)
    -> Bool
  {
    key.count == word.utf8CodeUnitCount && memcmp(p + key.start, word.utf8Start, key.count) == 0
  }

  private static func assignString(
    _ key: ByteSpan, _ value: ByteSpan, _ p: UnsafePointer<UInt8>, _ r: inout HeapRecord
  ) {
    switch key.count {
    case 4:
      if matches(key, p, "type") {
        r.typeSpan = value
        r.type = HeapType.of(p + value.start, value.count)
      } else if matches(key, p, "file") {
        r.file = value
      } else if matches(key, p, "name") {
        r.name = value
      } else if matches(key, p, "root") {
        r.isRoot = true
      }
    case 5:
      if matches(key, p, "class") {
        r.classAddress = address(p, value)
      } else if matches(key, p, "value") {
        r.value = value
      }
    case 6:
      if matches(key, p, "struct") { r.structName = value }
    case 7:
      if matches(key, p, "address") { r.addressSpan = value }
    case 10:
      if matches(key, p, "imemo_type") { r.imemoType = value }
    case 15:
      if matches(key, p, "real_class_name") { r.realClassName = value }
    default:
      break
    }
  }

  private static func assignNumber(
    _ key: ByteSpan, _ value: Int64, _ p: UnsafePointer<UInt8>, _ r: inout HeapRecord
  ) {
    switch key.count {
    case 2:
      if matches(key, p, "fd") { r.fd = value }
    case 4:
      if matches(key, p, "line") { r.line = value }
    case 7:
      if matches(key, p, "memsize") { r.memsize = max(0, value) }
    case 10:
      if matches(key, p, "generation") { r.generation = value }
    default:
      break
    }
  }

  /// `0x7f3a…` as a number; `nil` when it is not 1–16 hex digits after `0x`.
  static func address(_ p: UnsafePointer<UInt8>, _ span: ByteSpan) -> UInt64? {
    guard span.count >= 3, span.count <= 18, p[span.start] == UInt8(ascii: "0"),
      p[span.start + 1] | 0x20 == UInt8(ascii: "x")
    else { return nil }
    var value: UInt64 = 0
    for k in span.start + 2..<span.start + span.count {
      let c = p[k]
      let digit: UInt8
      switch c {
      case 0x30...0x39: digit = c - 0x30
      case 0x61...0x66: digit = c - 0x61 + 10
      case 0x41...0x46: digit = c - 0x41 + 10
      default: return nil
      }
      value = value << 4 | UInt64(digit)
    }
    return value
  }
}
