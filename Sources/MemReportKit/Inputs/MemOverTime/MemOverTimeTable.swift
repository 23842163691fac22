import MemReportCore
/// The header of a CSV/TSV memory series: which column holds memory (and in what unit, when the
/// name says: `rss_kib`, `Memory (MiB)`, `mem_mb`), and which holds the sample number or time.
struct MemOverTimeTable: Equatable {
  enum Delimiter: Equatable {
    case tab, comma, semicolon, whitespace
  }

  /// What the time column counts.
  enum TimeKind: Equatable {
    /// A sample number or row index: the interval is not in the file.
    case index
    /// Time, in seconds × this factor (1 for seconds, 0.001 for ms, 60 for minutes).
    case seconds(Double)
  }

  var delimiter: Delimiter
  var names: [String]
  var memoryColumn: Int
  var timeColumn: Int?
  var timeKind: TimeKind = .index
  /// The unit named by the memory column's header, if any.
  var unit: SeriesUnit?

  /// Reads `fields` as a header; `nil` when no column names memory.
  init?(fields: [String], delimiter: Delimiter) {
    let lowered = fields.map { $0.lowercased() }
    guard lowered.contains(where: { $0.contains(where: \.isLetter) }) else { return nil }
    var time: Int?
    for (i, name) in lowered.enumerated() where Self.isTimeName(name) {
      time = i
      break
    }
    var memory: Int?
    for (i, name) in lowered.enumerated() where i != time && Self.isMemoryName(name) {
      memory = i
      break
    }
    guard let memory else { return nil }
    self.delimiter = delimiter
    // Names are shown in messages and text: their control characters (an ESC[m that would pass
    // as a colour) are made visible here, once.
    self.names = fields.map(TerminalText.visible)
    self.memoryColumn = memory
    self.timeColumn = time
    self.unit = Self.unit(in: lowered[memory])
    if let time { timeKind = Self.timeKind(lowered[time]) }
  }

  private static func words(_ name: String) -> [String] {
    name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
  }

  static func isMemoryName(_ name: String) -> Bool {
    let keys: Set<String> = [
      "rss", "memory", "mem", "ram", "heap", "mib", "mb", "kib", "kb", "gib", "gb", "bytes",
      "usage",
      "vmrss", "value", "resident", "size",
    ]
    return words(name).contains { keys.contains($0) || $0.hasPrefix("mem") || $0.hasPrefix("rss") }
  }

  static func isTimeName(_ name: String) -> Bool {
    let keys: Set<String> = [
      "sample", "samples", "index", "i", "n", "no", "time", "t", "seconds", "second", "secs", "sec",
      "s",
      "elapsed", "timestamp", "ts", "minutes", "minute", "min", "ms", "millis", "milliseconds",
      "step",
      "tick", "iteration", "request", "requests",
    ]
    let w = words(name)
    return name == "#" || (!w.isEmpty && keys.contains(w[0]))
  }

  static func timeKind(_ name: String) -> TimeKind {
    let w = words(name)
    if w.contains(where: {
      [
        "sample", "samples", "index", "i", "n", "no", "step", "tick", "iteration", "request",
        "requests",
      ].contains($0)
    })
      || name == "#"
    {
      return .index
    }
    if w.contains(where: { ["ms", "millis", "milliseconds"].contains($0) }) {
      return .seconds(0.001)
    }
    if w.contains(where: { ["min", "minute", "minutes"].contains($0) }) { return .seconds(60) }
    if w.contains("timestamp") || w.contains("ts") { return .seconds(1) }
    return .seconds(1)
  }

  static func unit(in name: String) -> SeriesUnit? {
    for word in words(name).reversed() {
      switch word {
      case "kib": return .kibibytes
      case "mib": return .mebibytes
      case "gib": return .gibibytes
      case "kb": return .kilobytes
      case "mb": return .megabytes
      default: continue
      }
    }
    return nil
  }

  /// Splits a line into trimmed fields (spaces and surrounding double quotes removed).
  static func split(_ line: UnsafeBufferPointer<UInt8>, by delimiter: Delimiter) -> [ArraySlice<
    UInt8
  >] {
    var fields: [ArraySlice<UInt8>] = []
    let bytes = Array(line)
    var start = 0
    func trimmed(_ s: Int, _ e: Int) -> ArraySlice<UInt8> {
      var a = s
      var b = e
      while a < b, bytes[a] == ASCII.space || bytes[a] == ASCII.tab { a += 1 }
      while b > a, bytes[b - 1] == ASCII.space || bytes[b - 1] == ASCII.tab { b -= 1 }
      if b - a >= 2, bytes[a] == ASCII.quote, bytes[b - 1] == ASCII.quote {
        a += 1
        b -= 1
      }
      return bytes[a..<b]
    }
    switch delimiter {
    case .whitespace:
      var i = 0
      while i < bytes.count {
        while i < bytes.count, bytes[i] == ASCII.space || bytes[i] == ASCII.tab { i += 1 }
        guard i < bytes.count else { break }
        let s = i
        while i < bytes.count, bytes[i] != ASCII.space, bytes[i] != ASCII.tab { i += 1 }
        fields.append(trimmed(s, i))
      }
    case .tab, .comma, .semicolon:
      let separator: UInt8 =
        delimiter == .tab
        ? ASCII.tab : (delimiter == .comma ? UInt8(ascii: ",") : UInt8(ascii: ";"))
      for (i, b) in bytes.enumerated() where b == separator {
        fields.append(trimmed(start, i))
        start = i + 1
      }
      fields.append(trimmed(start, bytes.count))
    }
    return fields
  }

  /// The delimiter a header line uses: a tab, else a comma, else a semicolon, else whitespace.
  static func delimiter(of line: UnsafeBufferPointer<UInt8>) -> Delimiter {
    if line.contains(ASCII.tab) { return .tab }
    if line.contains(UInt8(ascii: ",")) { return .comma }
    if line.contains(UInt8(ascii: ";")) { return .semicolon }
    return .whitespace
  }
}
