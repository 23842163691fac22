/// Text from inputs made harmless for a terminal: every control character is shown, never obeyed.
///
/// A path or string in a profile can hold escape sequences that set the window title, write the
/// clipboard (`ESC]52`), reset the terminal (`ESC c`), rewrite the line (`\r`, backspaces) or spoof
/// what a name says (bidirectional overrides). Text output and messages show them as `\e`, `\r`,
/// `\b`, `\x9b`, `<U+202E>` instead; newline is kept only where memreport writes it.
package enum TerminalText {
  /// Whether `scalar` must be shown rather than written: C0 controls (tab and newline included:
  /// callers that write a newline do so outside input text), DEL, C1 controls, line and paragraph
  /// separators, the bidirectional formatting characters, and the bytes of a file name that is not
  /// UTF-8 (`FileName`).
  @inline(__always) package static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
    if v < 0x61C { return false }
    return v == 0x61C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v)
      || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029
      || FileName.isByte(scalar) != nil
  }

  /// How an unsafe scalar is shown: `\e`, `\r`, `\n`, `\t`, `\b`, `\a`, `\0`, `\xNN` for other C0,
  /// DEL and C1 controls, `<U+XXXX>` for the rest.
  package static func shown(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x1B: return "\\e"
    case 0x0D: return "\\r"
    case 0x0A: return "\\n"
    case 0x09: return "\\t"
    case 0x08: return "\\b"
    case 0x07: return "\\a"
    case 0x00: return "\\0"
    case let v where v <= 0x9F: return "\\x" + hex(v, digits: 2)
    case _ where FileName.isByte(scalar) != nil:
      return UTF8Text.shown(FileName.isByte(scalar) ?? 0)
    case let v: return "<U+" + hex(v, digits: 4) + ">"
    }
  }

  /// `text` with every unsafe scalar shown (see `isUnsafe`); text without one is returned as is.
  package static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar) {
        out += shown(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: value > 0x9F)
    return String(repeating: "0", count: max(digits - text.count, 0)) + text
  }

  /// Terminal text as memreport wrote it, with its own newlines and colour sequences (`ESC[…m`)
  /// kept and every other control character or bidirectional override shown. Input lines never
  /// hold a well-formed `ESC[…` sequence (the line reader removes them), so no input passes as a
  /// colour.
  package static func forTerminal(_ string: String) -> String {
    let scalars = string.unicodeScalars
    guard scalars.contains(where: { $0 != "\n" && isUnsafe($0) }) else { return string }
    var out = ""
    out.reserveCapacity(string.utf8.count + 8)
    var index = scalars.startIndex
    while index != scalars.endIndex {
      let scalar = scalars[index]
      if scalar == "\n" {
        out.unicodeScalars.append(scalar)
      } else if scalar == "\u{1B}", let end = endOfColour(scalars, after: index) {
        out.unicodeScalars.append(contentsOf: scalars[index..<end])
        index = end
        continue
      } else if isUnsafe(scalar) {
        out += shown(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
      index = scalars.index(after: index)
    }
    return out
  }

  /// The index after `ESC[` digits and `;` then `m` (an SGR colour), or nil.
  private static func endOfColour(
    _ scalars: String.UnicodeScalarView, after escape: String.Index
  ) -> String.Index? {
    var index = scalars.index(after: escape)
    guard index != scalars.endIndex, scalars[index] == "[" else { return nil }
    index = scalars.index(after: index)
    while index != scalars.endIndex {
      let scalar = scalars[index]
      if scalar == "m" { return scalars.index(after: index) }
      guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
      index = scalars.index(after: index)
    }
    return nil
  }
}
