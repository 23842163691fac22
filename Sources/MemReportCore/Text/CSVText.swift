/// RFC 4180 CSV for spreadsheets: one writer for every command that writes `--format csv`.
///
/// Fields that come from inputs (paths, class names, strings) are hostile: a cell that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel, LibreOffice and Google
/// Sheets, so such text gets a leading `'` (OWASP's CSV-injection advice). Numbers are written
/// with `number(_:)` and are never prefixed. Control characters become spaces; line ends are CRLF.
package enum CSVText {
  /// The record separator RFC 4180 asks for.
  package static let lineEnd = "\r\n"

  /// A text cell: formula-neutralised, control characters replaced, quoted when it holds a comma,
  /// a quote or a space at either end.
  package static func text(_ value: String) -> String {
    var body = ""
    body.reserveCapacity(value.utf8.count + 2)
    for scalar in value.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
        body += " "
      } else {
        body.unicodeScalars.append(scalar)
      }
    }
    if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      body = "'" + body
    }
    let needsQuotes =
      body.contains(",") || body.contains("\"") || body.hasPrefix(" ") || body.hasSuffix(" ")
    guard needsQuotes else { return body }
    return "\"" + body.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// An integer cell; an unknown value is an empty cell.
  package static func number(_ value: Int?) -> String {
    value.map(String.init) ?? ""
  }

  /// An integer cell; an unknown value is an empty cell.
  package static func number(_ value: Int64?) -> String {
    value.map(String.init) ?? ""
  }

  /// A decimal cell with at most `decimals` digits after the point (no exponent, no separators);
  /// a non-finite or unknown value is an empty cell.
  package static func number(_ value: Double?, decimals: Int) -> String {
    guard let value, value.isFinite else { return "" }
    return JSONText.number(value, decimals: decimals)
  }

  /// One record: cells joined by commas, ended by CRLF.
  package static func row(_ cells: [String]) -> String {
    cells.joined(separator: ",") + lineEnd
  }
}
