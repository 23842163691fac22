import MemReportCore

/// How the sources of a trend are named in words: short labels that tell several apart, and
/// paths shortened to fit a line or a table cell.
enum TrendSourceNames {
  /// Short labels that tell several sources apart: the paths without their common beginning and
  /// end (cut at a `/`, `-`, `_`, `.`, `+` or space), e.g. `before` and `after` for
  /// `runs/before.txt` and `runs/after.txt`. A single source, or sources that only differ in
  /// nothing, keep their file names.
  static func labels(_ sources: [String]) -> [String] { labelParts(sources).labels }

  /// `labels` with the common beginning and end they were cut from.
  static func labelParts(_ sources: [String]) -> (prefix: String, labels: [String], suffix: String)
  {
    let names = sources.map { $0 == "-" ? "standard input" : $0 }
    guard names.count > 1, Set(names).count == names.count else {
      return ("", names.map { $0.split(separator: "/").last.map(String.init) ?? $0 }, "")
    }
    let chars = names.map { Array($0) }
    let shortest = chars.map(\.count).min() ?? 0
    let separators: Set<Character> = ["/", "-", "_", ".", "+", " "]
    var prefix = 0
    while prefix < shortest, chars.allSatisfy({ $0[prefix] == chars[0][prefix] }) { prefix += 1 }
    // Cut the prefix just after a separator.
    while prefix > 0, !separators.contains(chars[0][prefix - 1]) { prefix -= 1 }
    var suffix = 0
    while suffix < shortest - prefix,
      chars.allSatisfy({ $0[$0.count - 1 - suffix] == chars[0][chars[0].count - 1 - suffix] })
    {
      suffix += 1
    }
    // Cut the suffix just before a separator.
    while suffix > 0, !separators.contains(chars[0][chars[0].count - suffix]) { suffix -= 1 }
    let labels = chars.map { String($0[prefix..<($0.count - suffix)]) }
    if labels.contains(where: \.isEmpty) { return ("", names, "") }
    return (String(chars[0][..<prefix]), labels, String(chars[0][(chars[0].count - suffix)...]))
  }

  /// The label of each series: its `--label`; else the distinguishing part of its path, where a
  /// derailed file (`<time>-<ruby -v>-memory-<N>-times.txt`, whose name differs only in its
  /// timestamp) stands for its folder (`leak`, `plateau`), and a lone series is named by its file
  /// or, for a derailed file, its folder; a run split from a paste gets `run 2` added.
  static func labels(for series: [MemorySeries]) -> [String] {
    let keys = series.map { s -> String in
      guard SeriesFileName(path: s.source) != nil else { return s.source }
      var parts = s.source.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count > 1 else { return s.source }
      parts.removeLast()
      let folder = parts.joined(separator: "/")
      return folder.isEmpty ? "/" : folder
    }
    // Runs split from one input share its key; tell them apart by run number only.
    var unique: [String] = []
    for key in keys where !unique.contains(key) { unique.append(key) }
    let parts = labels(unique)
    return zip(series, keys).map { s, key in
      var label = s.label ?? parts[unique.firstIndex(of: key) ?? 0]
      if let run = s.run { label += " run \(run.number)" }
      return label
    }
  }

  /// A path shortened in the middle to at most `limit` characters, keeping the file name's end.
  static func shortName(_ path: String, limit: Int = 60) -> String {
    var name = path == "-" ? "standard input" : path
    // Control characters (a newline from derailed 1.0.0's `ruby -v`) would break a table row.
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      name = String(
        String.UnicodeScalarView(
          name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\u{FFFD}" : $0 }))
    }
    return DisplayText.middle(name, limit: limit)
  }
}
