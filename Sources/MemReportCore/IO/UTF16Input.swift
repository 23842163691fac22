/// UTF-16 input (what Windows PowerShell's `>` writes: little-endian with a byte order mark)
/// decoded to UTF-8 while it is read, so every parser sees the text it expects.
///
/// The first bytes decide: a UTF-16 byte order mark (`FF FE`, `FE FF`), or no mark and ASCII
/// with a NUL after (little-endian) or before (big-endian) each of the first two characters.
/// Anything else is read as it is. Unpaired surrogates and an odd last byte become U+FFFD.
package struct UTF16Decoder: Sendable {
  package enum Order: Sendable { case littleEndian, bigEndian }
  package let order: Order
  /// A byte waiting for its pair, and a high surrogate waiting for its low one.
  private var oddByte: UInt8?
  private var highSurrogate: UInt16?

  package init(order: Order) { self.order = order }

  /// What the first bytes say: UTF-16 (and how many bytes of byte order mark to skip), or not.
  /// `nil` when `head` is too short to tell (fewer than 4 bytes and the input goes on).
  package static func sniff(_ head: [UInt8], ended: Bool) -> (order: Order, skip: Int)?? {
    if head.count >= 2 {
      if head[0] == 0xFF && head[1] == 0xFE { return .some((.littleEndian, 2)) }
      if head[0] == 0xFE && head[1] == 0xFF { return .some((.bigEndian, 2)) }
    }
    guard head.count >= 4 else { return ended ? .some(nil) : nil }
    func ascii(_ b: UInt8) -> Bool { b >= 0x09 && b < 0x7F }
    if ascii(head[0]) && head[1] == 0 && ascii(head[2]) && head[3] == 0 {
      return .some((.littleEndian, 0))
    }
    if head[0] == 0 && ascii(head[1]) && head[2] == 0 && ascii(head[3]) {
      return .some((.bigEndian, 0))
    }
    return .some(nil)
  }

  /// Appends the UTF-8 of `bytes` to `out`; at the end of the input (`final`), what is pending.
  package mutating func decode(
    _ bytes: some Collection<UInt8>, final: Bool, into out: inout [UInt8]
  ) {
    var iterator = bytes.makeIterator()
    while true {
      let first: UInt8
      if let odd = oddByte {
        first = odd
        oddByte = nil
      } else if let next = iterator.next() {
        first = next
      } else {
        break
      }
      guard let second = iterator.next() else {
        oddByte = first
        break
      }
      let unit =
        order == .littleEndian
        ? UInt16(first) | UInt16(second) << 8 : UInt16(first) << 8 | UInt16(second)
      take(unit, into: &out)
    }
    if final {
      if highSurrogate != nil || oddByte != nil { Self.append(0xFFFD, to: &out) }
      highSurrogate = nil
      oddByte = nil
    }
  }

  private mutating func take(_ unit: UInt16, into out: inout [UInt8]) {
    if let high = highSurrogate {
      highSurrogate = nil
      if (0xDC00...0xDFFF).contains(unit) {
        let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10 | (UInt32(unit) - 0xDC00))
        Self.append(scalar, to: &out)
        return
      }
      Self.append(0xFFFD, to: &out)
    }
    switch unit {
    case 0xD800...0xDBFF: highSurrogate = unit
    case 0xDC00...0xDFFF: Self.append(0xFFFD, to: &out)
    default: Self.append(UInt32(unit), to: &out)
    }
  }

  private static func append(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case ..<0x80:
      out.append(UInt8(scalar))
    case ..<0x800:
      out.append(UInt8(0xC0 | scalar >> 6))
      out.append(UInt8(0x80 | scalar & 0x3F))
    case ..<0x10000:
      out.append(UInt8(0xE0 | scalar >> 12))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    default:
      out.append(UInt8(0xF0 | scalar >> 18))
      out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    }
  }
}
