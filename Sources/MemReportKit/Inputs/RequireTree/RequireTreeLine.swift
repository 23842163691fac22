import MemReportCore

/// One line of a require tree, split: `name: 2.0 MiB (Also required by: a, b, and 3 others)`.
/// The value is the number after the first ` MiB`/` mb` that ends the line or opens the "Also
/// required by" note and follows `: `, so names holding `": "` (or `MiB`) split right.
struct RequireTreeLine {
  var name: String
  var mib: Double
  var unitWasMB: Bool
  var also: [String]
  /// The N of "and N others".
  var others: Int?

  private static let mibUnit = Array(" MiB".utf8)
  private static let mbUnit = Array(" mb".utf8)
  private static let alsoOpen = Array(" (Also required by: ".utf8)
  private static let maxNumberLength = 40
  private static let minus = UInt8(ascii: "-")
  private static let plus = UInt8(ascii: "+")
  private static let rightParen = UInt8(ascii: ")")

  /// Splits `line` (cleaned, without its indentation); `nil` when it is not a tree line.
  static func parse(_ line: UnsafeBufferPointer<UInt8>) -> RequireTreeLine? {
    let end = line.count
    guard end >= 6 else { return nil }
    var i = 0
    while i + 3 <= end {
      // Candidate: " MiB" or " mb" at i.
      guard line[i] == ASCII.space else {
        i += 1
        continue
      }
      var unitEnd: Int?
      var wasMB = false
      if matches(line, at: i, mibUnit) {
        unitEnd = i + mibUnit.count
      } else if matches(line, at: i, mbUnit) {
        unitEnd = i + mbUnit.count
        wasMB = true
      }
      if let unitEnd {
        let endsLine = unitEnd == end
        let opensNote =
          !endsLine && matches(line, at: unitEnd, alsoOpen) && line[end - 1] == rightParen
        if endsLine || opensNote, let split = valueBefore(line, unitStart: i) {
          var result = RequireTreeLine(
            name: String(
              decoding: UnsafeBufferPointer(rebasing: line[0..<split.nameEnd]), as: UTF8.self),
            mib: split.value, unitWasMB: wasMB, also: [], others: nil)
          if opensNote {
            let noteStart = unitEnd + alsoOpen.count
            result.readNote(UnsafeBufferPointer(rebasing: line[noteStart..<(end - 1)]))
          }
          return result
        }
      }
      i += 1
    }
    return nil
  }

  private static func matches(_ line: UnsafeBufferPointer<UInt8>, at i: Int, _ word: [UInt8])
    -> Bool
  {
    guard i + word.count <= line.count else { return false }
    for k in 0..<word.count where line[i + k] != word[k] { return false }
    return true
  }

  /// The number ending at `unitStart` and the end of the name before its `": "`.
  private static func valueBefore(_ line: UnsafeBufferPointer<UInt8>, unitStart: Int) -> (
    value: Double, nameEnd: Int
  )? {
    var start = unitStart
    while start > 0, unitStart - start < maxNumberLength, isNumberByte(line[start - 1]) {
      start -= 1
    }
    guard start < unitStart, start >= 2, line[start - 1] == ASCII.space,
      line[start - 2] == ASCII.colon
    else { return nil }
    guard let value = number(UnsafeBufferPointer(rebasing: line[start..<unitStart])) else {
      return nil
    }
    return (value, start - 2)
  }

  private static func isNumberByte(_ b: UInt8) -> Bool {
    ASCII.isDigit(b) || b == ASCII.dot || b == minus || b == plus || b == 0x65
      || b == 0x45
  }

  /// A Ruby Float as `to_s` prints it: `-`? digits (`.` digits)? (`e` sign? digits)?.
  static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var i = 0
    let n = bytes.count
    if i < n, bytes[i] == minus { i += 1 }
    let intStart = i
    while i < n, ASCII.isDigit(bytes[i]) { i += 1 }
    guard i > intStart else { return nil }
    if i < n, bytes[i] == ASCII.dot {
      i += 1
      let fracStart = i
      while i < n, ASCII.isDigit(bytes[i]) { i += 1 }
      guard i > fracStart else { return nil }
    }
    if i < n, bytes[i] == 0x65 || bytes[i] == 0x45 {
      i += 1
      if i < n, bytes[i] == minus || bytes[i] == plus { i += 1 }
      let expStart = i
      while i < n, ASCII.isDigit(bytes[i]) { i += 1 }
      guard i > expStart else { return nil }
    }
    guard i == n else { return nil }
    return Double(String(decoding: bytes, as: UTF8.self))
  }

  /// `a, b` or `a, b, and 3 others`.
  private mutating func readNote(_ note: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: note, as: UTF8.self)
    var parts = text.pieces(separatedBy: ", ").map(String.init)
    if let last = parts.last, last.hasPrefix("and "), last.hasSuffix(" others") {
      let digits = last.dropFirst(4).dropLast(7)
      if digits.count <= 9, let n = Int(digits), n >= 0 {
        others = n
        parts.removeLast()
      }
    }
    also = parts.filter { !$0.isEmpty }
  }
}
