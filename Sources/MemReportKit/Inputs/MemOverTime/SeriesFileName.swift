import MemReportCore
/// What derailed's `perf:mem_over_time` file name says about the run:
/// `<Time.now.iso8601>-<ruby -v>-memory-<TEST_COUNT>-times.txt`, e.g.
/// `2019-05-02T16:54:14+03:00-ruby 2.6.1p33 (2019-01-30 revision 66950) [x86_64-darwin18]-memory-5000-times.txt`.
///
/// The `ruby -v` part holds spaces, brackets, parentheses, colons and `+` (`+PRISM`, `+YJIT`), and
/// derailed 1.0.0 left its newline in, so the name is read from the right: `-memory-(\d+)-times.txt`
/// first, then the timestamp from the left, and whatever lies between is the Ruby description.
package struct SeriesFileName: Sendable, Equatable {
  /// The run's start, as written (`2019-05-02T16:54:14+03:00`), when the name starts with one.
  package var startTime: String?
  /// `ruby -v` as written, trimmed (`ruby 3.1.2p20 (2022-04-12 revision 4491bb740a) [x86_64-linux-gnu]`).
  package var rubyVersion: String?
  /// TEST_COUNT: requests made during the run.
  package var testCount: Int

  /// Reads the last component of `path`; `nil` when it is not a derailed mem-over-time file name.
  package init?(path: String) {
    let name =
      path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    let suffix = "-times.txt"
    let marker = "-memory-"
    guard name.hasSuffix(suffix) else { return nil }
    let beforeSuffix = name.dropLast(suffix.count)
    let digits = beforeSuffix.reversed().prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, let count = Int(String(digits.reversed())) else { return nil }
    let beforeCount = beforeSuffix.dropLast(digits.count)
    guard beforeCount.hasSuffix(marker) else { return nil }
    testCount = count
    var rest = Substring(beforeCount.dropLast(marker.count))
    if let length = Self.timestampLength(rest) {
      startTime = String(rest.prefix(length))
      rest = rest.dropFirst(length)
      if rest.first == "-" { rest = rest.dropFirst() }
    }
    let ruby = String(rest).trimmingCharacters()
    rubyVersion = ruby.isEmpty ? nil : ruby
  }

  /// The length of an ISO 8601 timestamp `YYYY-MM-DDTHH:MM:SS` + (`Z` | `±HH:MM`) at the start.
  private static func timestampLength(_ text: Substring) -> Int? {
    let pattern = Array("dddd-dd-ddTdd:dd:dd".utf8)
    let bytes = Array(text.utf8.prefix(25))
    guard bytes.count >= pattern.count else { return nil }
    for (i, p) in pattern.enumerated() {
      if p == UInt8(ascii: "d") {
        guard ASCII.isDigit(bytes[i]) else { return nil }
      } else if bytes[i] != p {
        return nil
      }
    }
    var length = pattern.count
    guard length < bytes.count else { return length }
    if bytes[length] == UInt8(ascii: "Z") { return length + 1 }
    let zone = Array("+dd:dd".utf8)
    if bytes.count >= length + zone.count,
      bytes[length] == UInt8(ascii: "+") || bytes[length] == ASCII.dash
    {
      for i in 1..<zone.count {
        let b = bytes[length + i]
        if zone[i] == UInt8(ascii: "d") ? !ASCII.isDigit(b) : b != zone[i] { return length }
      }
      length += zone.count
    }
    return length
  }
}

extension String {
  /// Without leading and trailing spaces, tabs and line breaks.
  fileprivate func trimmingCharacters() -> String {
    var s = Substring(self)
    while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" {
      s = s.dropFirst()
    }
    while let c = s.last, c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" {
      s = s.dropLast()
    }
    return String(s)
  }
}
