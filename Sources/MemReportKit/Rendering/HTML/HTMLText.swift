/// Text from inputs made safe for a page that must stay well-formed XML: control characters other
/// than tab, newline and carriage return (which XML forbids even as entities) become U+FFFD.
/// Escaping itself is the templates' job (`{{ }}`).
enum HTMLText {
  static func clean(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isForbidden) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { out.append(isForbidden(scalar) ? "\u{FFFD}" : scalar) }
    return String(out)
  }

  private static func isForbidden(_ s: Unicode.Scalar) -> Bool {
    (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || s.value == 0xFFFE || s.value == 0xFFFF
      || (s.value >= 0x7F && s.value < 0xA0 && s.value != 0x85)
  }

  /// `activesupport-6.1.7/…/output_safety.rb:172`: long paths shortened in the middle, keeping the
  /// first folder and the file name.
  static func shortPath(_ path: String, limit: Int = 64) -> String {
    guard path.count > limit else { return path }
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count > 2, let first = parts.first, let last = parts.last {
      let head = first.isEmpty && parts.count > 3 ? "/" + parts[1] : String(first)
      let short = head + "/…/" + last
      if short.count <= limit { return short }
    }
    return String(path.prefix(limit / 2 - 1)) + "…" + String(path.suffix(limit / 2 - 1))
  }

  /// Long strings shortened, for table cells whose full text goes in a tooltip.
  static func shortString(_ text: String, limit: Int = 80) -> String {
    text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
  }
}
