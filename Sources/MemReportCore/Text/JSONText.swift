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
        if scalar.value < 0x20 || scalar.value == 0x7F {
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

  /// Whether any byte needs an escape: `"`, `\\`, controls, DEL, or the lead byte of U+2028/9.
  private static func needsEscaping(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xE2 {
        return true
      }
      return false
    }
  }

  package static func number(_ value: Int64?) -> String { value.map(String.init) ?? "null" }
}
