/// Undoes what terminals, editors and web pages do to pasted text, so the grammar sees plain
/// memory_profiler lines: ANSI colour codes (real `ESC[34m` and the literal `^[[34m` of some
/// renderings), a `\r` before the newline, a UTF-8 byte order mark, tabs, non-breaking spaces
/// and trailing blanks. Lines that need none of it (almost all) are returned as they are.
struct LineCleaner {
  /// What the last cleaned line contained.
  struct Found: OptionSet {
    let rawValue: UInt8
    static let ansi = Found(rawValue: 1)
    static let carriageReturn = Found(rawValue: 2)
    static let byteOrderMark = Found(rawValue: 4)
    static let tab = Found(rawValue: 8)
    static let nonBreakingSpace = Found(rawValue: 16)
  }

  private var scratch: [UInt8] = []

  /// Bytes that may need rewriting: ESC, `^`, tab, the lead byte of U+00A0 and of the BOM.
  private static let special: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for b: UInt8 in [ASCII.escape, ASCII.caret, ASCII.tab, 0xC2, 0xEF] { table[Int(b)] = true }
    return table
  }()

  /// Calls `body` with the cleaned line and what was found in it.
  mutating func clean<R>(
    _ line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Found) throws -> R
  ) rethrows -> R {
    var found: Found = []
    var end = line.count
    if end > 0, line[end - 1] == ASCII.carriageReturn {
      end -= 1
      found.insert(.carriageReturn)
    }
    var needsRewrite = false
    for i in 0..<end where Self.special[Int(line[i])] {
      needsRewrite = true
      break
    }
    if !needsRewrite {
      while end > 0, line[end - 1] == ASCII.space { end -= 1 }
      return try body(UnsafeBufferPointer(rebasing: line[0..<end]), found)
    }
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
    return try scratch.withUnsafeBufferPointer { try body($0, found) }
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
