/// Undoes what terminals, editors and web pages do to pasted text, so a grammar sees the lines a
/// tool printed: ANSI colour codes (real `ESC[34m` and the literal `^[[34m` of some
/// renderings), a `\r` before the newline, a UTF-8 byte order mark, tabs, non-breaking spaces
/// and trailing blanks. Lines that need none of it (almost all) are returned as they are.
/// Public and inlinable, for readers in other modules (see `ASCII`).
public struct LineCleaner {
  /// What the last cleaned line contained.
  public struct Found: OptionSet, Sendable {
    public let rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let ansi = Found(rawValue: 1)
    public static let carriageReturn = Found(rawValue: 2)
    public static let byteOrderMark = Found(rawValue: 4)
    public static let tab = Found(rawValue: 8)
    public static let nonBreakingSpace = Found(rawValue: 16)
    public static let nul = Found(rawValue: 32)
  }

  @usableFromInline var scratch: [UInt8] = []

  public init() {}

  /// Whether `line` holds a byte that may need rewriting: a control byte (tab, ESC, NUL), `^`, or
  /// a non-ASCII byte (U+00A0, the BOM). Checks 8 bytes at a time (SWAR): a word has a byte below
  /// 0x20 when `(x - 0x20…) & ~x & 0x80…` is non-zero, a `^` when `x ^ 0x5E…` has a zero byte.
  @inlinable @inline(__always) static func needsRewrite(
    _ line: UnsafeBufferPointer<UInt8>, end: Int
  )
    -> Bool
  {
    guard let base = line.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var i = 0
    while i + 8 <= end {
      let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      let control = (x &- ones &* 0x20) & ~x & highs
      let c = x ^ (ones &* UInt64(ASCII.caret))
      let caret = (c &- ones) & ~c & highs
      if (control | caret | (x & highs)) != 0 { return true }
      i += 8
    }
    while i < end {
      let b = base[i]
      if b < 0x20 || b == ASCII.caret || b >= 0x80 { return true }
      i += 1
    }
    return false
  }

  /// Calls `body` with the cleaned line and what was found in it. Inlinable, so a parser in another
  /// module gets the fast path (a line that needs nothing) specialised for its closure.
  @inlinable public mutating func clean<R>(
    _ line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Found) throws -> R
  ) rethrows -> R {
    var found: Found = []
    var end = line.count
    if end > 0, line[end - 1] == ASCII.carriageReturn {
      end -= 1
      found.insert(.carriageReturn)
    }
    if !Self.needsRewrite(line, end: end) {
      while end > 0, line[end - 1] == ASCII.space { end -= 1 }
      return try body(UnsafeBufferPointer(rebasing: line[0..<end]), found)
    }
    rewrite(line, end: end, found: &found)
    return try scratch.withUnsafeBufferPointer { try body($0, found) }
  }

  /// Writes the cleaned form of `line[..<end]` into `scratch`.
  @usableFromInline mutating func rewrite(
    _ line: UnsafeBufferPointer<UInt8>, end: Int, found: inout Found
  ) {
    scratch.removeAll(keepingCapacity: true)
    var i = 0
    if end >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
      found.insert(.byteOrderMark)
      i = 3
    }
    while i < end {
      let b = line[i]
      if b == ASCII.escape, i + 1 < end, line[i + 1] == ASCII.leftBracket,
        let next = Self.endOfCSI(line, from: i + 2, end: end)
      {
        found.insert(.ansi)
        i = next
        continue
      }
      if b == ASCII.caret, i + 2 < end, line[i + 1] == ASCII.leftBracket,
        line[i + 2] == ASCII.leftBracket, let next = Self.endOfCSI(line, from: i + 3, end: end)
      {
        found.insert(.ansi)
        i = next
        continue
      }
      if b == ASCII.tab {
        // A tab stands where spaces were: two keep a `count<TAB>data` row splittable.
        found.insert(.tab)
        scratch.append(ASCII.space)
        scratch.append(ASCII.space)
        i += 1
        continue
      }
      if b == 0 { found.insert(.nul) }
      if b == 0xC2, i + 1 < end, line[i + 1] == 0xA0 {
        found.insert(.nonBreakingSpace)
        scratch.append(ASCII.space)
        i += 2
        continue
      }
      scratch.append(b)
      i += 1
    }
    while let last = scratch.last, last == ASCII.space { scratch.removeLast() }
  }

  /// The index after a CSI sequence's final byte (`0x40`–`0x7E`), given the index after `[`.
  private static func endOfCSI(_ line: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
    var j = from
    while j < end {
      let c = line[j]
      if c >= 0x40 && c <= 0x7E { return j + 1 }
      guard (c >= 0x30 && c <= 0x3F) || c == 0x20 else { return nil }  // parameters
      j += 1
    }
    return nil
  }
}
