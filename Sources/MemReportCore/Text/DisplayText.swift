/// Text from inputs made safe for a page that must stay well-formed XML: control characters other
/// than tab, newline and carriage return (which XML forbids even as entities) become U+FFFD.
/// Escaping itself is the templates' job (`{{ }}`).
package enum DisplayText {
  package static func clean(_ text: String) -> String { XMLWriter.sanitized(text) }

  /// `activesupport-6.1.7/…/output_safety.rb:172`: long paths shortened in the middle, keeping the
  /// first folder and the file name; then only the file name (`…/output_safety.rb:172`); then its end.
  package static func shortPath(_ path: String, limit: Int = 64) -> String {
    guard path.count > limit else { return path }
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count > 2, let last = parts.last {
      let head = parts[0].isEmpty && parts.count > 3 ? "/" + parts[1] : String(parts[0])
      let short = head + "/…/" + last
      if short.count <= limit { return short }
      if last.count + 2 <= limit { return "…/" + last }
    }
    return "…" + String(path.suffix(max(limit - 1, 1)))
  }

  /// `abc…xyz`: shortened in the middle to at most `limit` characters, keeping a third of them
  /// from the start and two thirds from the end (where a file name's distinguishing part is).
  package static func middle(_ text: String, limit: Int) -> String {
    guard text.count > limit else { return text }
    let keepEnd = limit * 2 / 3
    let keepStart = limit - keepEnd - 1
    return String(text.prefix(keepStart)) + "…" + String(text.suffix(keepEnd))
  }

  /// Long strings shortened, for table cells whose full text goes in a tooltip.
  package static func shortString(_ text: String, limit: Int = 80) -> String {
    text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
  }

  /// A line of input quoted for a message: `'first 80 bytes…'`, invalid UTF-8 replaced and
  /// control characters turned into spaces, so a message is one clean line.
  package static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 80) -> String {
    var trimmed = Substring(String(decoding: bytes.prefix(limit), as: UTF8.self))
    while trimmed.first == " " { trimmed = trimmed.dropFirst() }
    while trimmed.last == " " { trimmed = trimmed.dropLast() }
    var quoted = String(
      trimmed.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
    if bytes.count > limit { quoted += "…" }
    return "'\(quoted)'"
  }
}
