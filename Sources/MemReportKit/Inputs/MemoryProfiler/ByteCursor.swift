import MemReportCore

/// A read position in one line of bytes, with the small scanning steps the report grammar needs.
/// Never builds a `String` or `Character`; callers decide what to materialise.
package struct ByteCursor {
  package let bytes: UnsafeBufferPointer<UInt8>
  package var position: Int

  package init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0) {
    self.bytes = bytes
    self.position = position
  }

  package var isAtEnd: Bool { position >= bytes.count }
  package var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  /// The bytes from the position to the end.
  package var rest: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[position...]) }

  /// Skips spaces and returns how many there were.
  @discardableResult
  package mutating func skipSpaces() -> Int {
    let start = position
    while position < bytes.count, bytes[position] == ASCII.space { position += 1 }
    return position - start
  }

  /// Consumes `literal` if the bytes at the position spell it.
  package mutating func consume(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard bytes.count - position >= count else { return false }
    let matches = literal.withUTF8Buffer { lit in
      for i in 0..<count where bytes[position + i] != lit[i] { return false }
      return true
    }
    if matches { position += count }
    return matches
  }

  /// Consumes a run of decimal digits as a non-negative integer; `nil` when there are none or
  /// the value does not fit in 63 bits.
  package mutating func unsignedInteger() -> Int64? {
    let start = position
    var value: Int64 = 0
    while position < bytes.count, ASCII.isDigit(bytes[position]) {
      let digit = Int64(bytes[position] &- ASCII.zero)
      let (times10, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times10.addingReportingOverflow(digit)
      if o1 || o2 {
        position = start
        return nil
      }
      value = sum
      position += 1
    }
    return position > start ? value : nil
  }

  /// Consumes a memory_profiler count: an integer, or a `scale_bytes` value such as `1.94 MB`,
  /// `421.4 MB` or `0 B`. Returns `nil` (and leaves the position unchanged) otherwise.
  package mutating func count() -> ParsedCount? {
    let start = position
    guard let whole = unsignedInteger() else { return nil }
    var mantissa = whole
    var decimals = 0
    if current == ASCII.dot {
      position += 1
      let fractionStart = position
      guard let fraction = unsignedInteger(), position - fractionStart <= 6 else {
        position = start
        return nil
      }
      decimals = position - fractionStart
      var scale: Int64 = 1
      for _ in 0..<decimals { scale *= 10 }
      let (m, o1) = whole.multipliedReportingOverflow(by: scale)
      let (sum, o2) = m.addingReportingOverflow(fraction)
      guard !o1, !o2 else {
        position = start
        return nil
      }
      mantissa = sum
    }
    // A unit follows a single space: `1.94 MB`, `0 B`.
    let beforeUnit = position
    if current == ASCII.space, let exponent = unitExponent(at: position + 1) {
      position += 1 + (exponent.length)
      guard isAtEnd || current == ASCII.space else {
        position = start
        return nil
      }
      var value = mantissa
      for _ in 0..<exponent.power {
        let (v, o) = value.multipliedReportingOverflow(by: 1000)
        guard !o else {
          position = start
          return nil
        }
        value = v
      }
      var divisor: Int64 = 1
      for _ in 0..<decimals { divisor *= 10 }
      // Round half up when the fraction has more digits than the unit can hold.
      let bytes = value / divisor + (value % divisor >= (divisor + 1) / 2 ? 1 : 0)
      guard bytes <= Int64.maximumCount else {
        // `922337203685477580.7 B`: not a size a profile can hold (it trapped here).
        position = start
        return nil
      }
      return ParsedCount(value: bytes, scaled: true, decimals: decimals)
    }
    position = beforeUnit
    guard decimals == 0, whole <= Int64.maximumCount else {
      position = start
      return nil
    }
    return ParsedCount(value: whole, scaled: false, decimals: 0)
  }

  /// memory_profiler's decimal units; `kB` is lower case and 1000 bytes.
  private func unitExponent(at index: Int) -> (power: Int, length: Int)? {
    guard index < bytes.count else { return nil }
    let first = bytes[index]
    if first == UInt8(ascii: "B") {
      return (0, 1)
    }
    guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "B") else { return nil }
    switch first {
    case UInt8(ascii: "k"): return (1, 2)
    case UInt8(ascii: "M"): return (2, 2)
    case UInt8(ascii: "G"): return (3, 2)
    case UInt8(ascii: "T"): return (4, 2)
    case UInt8(ascii: "P"): return (5, 2)
    case UInt8(ascii: "E"): return (6, 2)
    case UInt8(ascii: "Z"): return (7, 2)
    case UInt8(ascii: "Y"): return (8, 2)
    default: return nil
    }
  }
}

/// A count read from a row or header.
package struct ParsedCount: Equatable {
  /// Bytes or objects; scaled values are converted back to bytes.
  package var value: Int64
  /// Printed with a unit (`scale_bytes`), so approximate.
  package var scaled: Bool
  /// Digits after the decimal point as printed (2 for `%.2f`, fewer for the rounded style).
  package var decimals: Int

  package init(value: Int64, scaled: Bool, decimals: Int) {
    self.value = value
    self.scaled = scaled
    self.decimals = decimals
  }
}
