/// JSON string literals, escaped by the rules of RFC 8259 (plus U+2028/U+2029, which break
/// JavaScript embedding).
package enum JSONText {
  package static func quoted(_ text: String) -> String {
    if !needsEscaping(text) { return "\"" + text + "\"" }
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if let byte = FileName.isByte(scalar) {
          // A byte of a file name that is not UTF-8: `\xE9`, as the name is shown everywhere.
          out += "\\" + UTF8Text.shown(byte)
        } else if TerminalText.isUnsafe(scalar) {
          // Controls, C1 and bidi overrides as \u escapes: the same string to a parser, inert
          // when the file is shown in a terminal.
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
    return out
  }

  /// Whether any byte may need an escape: `"`, `\\`, controls, DEL, or the lead byte of a C1
  /// control (0xC2), U+061C (0xD8), U+200E…U+2069 (0xE2) or a file name's byte (0xF4, `FileName`).
  private static func needsEscaping(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for b in bytes
      where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xE2 || b == 0xC2 || b == 0xD8
        || b == 0xF4
      {
        return true
      }
      return false
    }
  }

  package static func number(_ value: Int64?) -> String { value.map(String.init) ?? "null" }

  /// A JSON number: `null` for nil or a non-finite value; a whole number without a fraction;
  /// otherwise rounded to `decimals` places with trailing zeros dropped. Magnitudes below
  /// `exponentBelow` (p-values) and beyond what fixed notation holds exactly keep Swift's shortest
  /// form (`1.2e-12`).
  package static func number(_ value: Double?, decimals: Int, exponentBelow: Double = 0) -> String {
    guard let value, value.isFinite else { return "null" }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude < exponentBelow { return "\(value)" }
    if value == value.rounded() && magnitude < 9e15 { return String(Int64(value)) }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    guard magnitude * scale < 9e15 else { return "\(value)" }
    var text = Units.fixed(value, digits: decimals)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }
}
