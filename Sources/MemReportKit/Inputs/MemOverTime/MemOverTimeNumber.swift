import MemReportCore
/// Reads one number of a memory-over-time series from bytes: Ruby's `Float#to_s` (`183.65234375`,
/// `184.0`, `1.0e-05`), integers (`ps -o rss=`), a leading `+`. Never builds a String for the common
/// case: up to 15 significant digits without an exponent are converted exactly (an integer
/// mantissa divided by an exact power of ten is correctly rounded).
enum MemOverTimeNumber {
  enum Result: Equatable {
    case value(Double)
    /// Looks like a number but is not one (`12.3.4`, `1e`, `--5`, `1,5`).
    case malformed
    case negative(Double)
    /// Overflows to infinity (`1e999`).
    case notFinite
  }

  /// Whether the bytes start like a number: a digit, or a sign or dot followed by one.
  static func looksNumeric(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first else { return false }
    if ASCII.isDigit(first) { return true }
    guard first == UInt8(ascii: "+") || first == ASCII.dash || first == ASCII.dot, bytes.count > 1
    else {
      return false
    }
    return ASCII.isDigit(bytes[1])
      || (bytes[1] == ASCII.dot && bytes.count > 2 && ASCII.isDigit(bytes[2]))
  }

  private static let powersOfTen: [Double] = (0...22).map { e in
    var v = 1.0
    for _ in 0..<e { v *= 10 }
    return v
  }

  /// Parses the whole of `bytes` as one number.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
    var i = 0
    let n = bytes.count
    var negative = false
    if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == ASCII.dash {
      negative = bytes[i] == ASCII.dash
      i += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var significant = 0
    var fractionDigits = 0
    var sawDigit = false
    while i < n, ASCII.isDigit(bytes[i]) {
      sawDigit = true
      if significant > 0 || bytes[i] != ASCII.zero { significant += 1 }
      if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- ASCII.zero) }
      digits += 1
      i += 1
    }
    if i < n, bytes[i] == ASCII.dot {
      i += 1
      while i < n, ASCII.isDigit(bytes[i]) {
        sawDigit = true
        if significant > 0 || bytes[i] != ASCII.zero { significant += 1 }
        if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- ASCII.zero) }
        fractionDigits += 1
        i += 1
      }
    }
    guard sawDigit else { return .malformed }
    var hasExponent = false
    if i < n, bytes[i] | 0x20 == UInt8(ascii: "e") {
      hasExponent = true
      i += 1
      if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == ASCII.dash { i += 1 }
      let start = i
      while i < n, ASCII.isDigit(bytes[i]) { i += 1 }
      guard i > start else { return .malformed }
    }
    guard i == n else { return .malformed }
    let value: Double
    if !hasExponent, significant <= 15, fractionDigits <= 22 {
      value = Double(mantissa) / powersOfTen[fractionDigits]
    } else {
      // Rare: long or exponent forms go through the standard library's correctly rounded parser.
      guard let parsed = Double(String(decoding: bytes, as: UTF8.self)) else { return .malformed }
      value = abs(parsed)
    }
    guard value.isFinite else { return .notFinite }
    if negative && value != 0 { return .negative(-value) }
    return .value(value)
  }
}
