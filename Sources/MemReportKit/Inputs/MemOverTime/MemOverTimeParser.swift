import MemReportCore
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a memory-over-time series in any of the forms people have at hand:
/// - derailed's tmp file (one `Float#to_s` per line, MiB; TEST_COUNT and `ruby -v` come from the
///   file name, see `SeriesFileName`);
/// - derailed's standard output, captured or pasted: preamble lines (`Booting:`, `Endpoint:`,
///   `PID: n`) are kept, shell prompts and commands, Ruby warnings, `#` comments, `...`/`# ...`
///   elisions, Markdown fences and app logs are skipped with a warning each;
/// - one number per line from another tool (`ps -o rss=`: pass the unit);
/// - a CSV/TSV with a header naming a memory column (`rss_kib`, `memory (MiB)`) and optionally a
///   sample or time column (the interval is read from a time column).
///
/// It scans bytes line by line through `LineReader`, so memory grows with the number of samples
/// (8 bytes each), never with line lengths or noise. A value that cannot be read is an error that
/// names its line (`MemReportError.unusableInput`), or with `skipBadLines` a warning.
public struct MemOverTimeParser {
  /// What the caller knows that the input may not say.
  public struct Options: Sendable {
    /// The unit of the numbers (default: from a table header, else MiB as derailed writes).
    public var unit: SeriesUnit?
    /// Skip lines with bad values (a warning each) instead of stopping at the first.
    public var skipBadLines = false
    /// Seconds between samples (default: a table's time column, else derailed's 5 s).
    public var intervalSeconds: Double?
    /// TEST_COUNT (default: from derailed's file name).
    public var testCount: Int?
    /// Lines in a row without a sample, and samples, past which an input is refused: an endless
    /// stream (`yes |`) would be read forever, and an endless series held in memory.
    public var idleLineLimit = 1_000_000
    public var sampleLimit = 10_000_000

    public init(
      unit: SeriesUnit? = nil, skipBadLines: Bool = false, intervalSeconds: Double? = nil,
      testCount: Int? = nil
    ) {
      self.unit = unit
      self.skipBadLines = skipBadLines
      self.intervalSeconds = intervalSeconds
      self.testCount = testCount
    }
  }

  /// Integer samples (no decimal point) whose median is at least this are read as KiB unless a
  /// unit is given: 10,000 KiB is 9.8 MiB, below any Ruby process, while 10,000 MiB is more than
  /// a sampled Ruby app plausibly uses.
  public static let kibibyteIntegerLevel = 10_000.0

  /// Larger values are out of range (a pebibyte in MiB, a terabyte in KiB): no process is that
  /// big, and the numbers stay small enough to word without overflow.
  public static let maximumValue = 1e9

  /// At most this many runs are split from one input; later preambles are only warned about.
  public static let runLimit = 100

  /// At most this many warnings are kept per series; the rest are counted.
  public static let warningLimit = 1000

  let options: Options
  let fileName: SeriesFileName?
  var series: MemorySeries
  var cleaner = LineCleaner()
  var table: MemOverTimeTable?
  var times: [Double] = []
  var timesUsable = true
  var sawPreamble = false
  var contentLines = 0
  var lastLine = 0
  var droppedWarnings = 0
  /// Every sample read so far was written as an integer (no `.`, no exponent): `ps -o rss=`
  /// prints KiB integers, derailed always prints Floats.
  var integersOnly = true
  /// `runLimit` runs were split; later preambles are not.
  var runLimitReached = false
  /// Unrecognised text lines seen before the input showed it is derailed's stdout: warnings if it
  /// turns out to be, bad values if not.
  var pendingText: [(line: Int, text: String)] = []

  /// Creates a parser for the input named `path` (used in messages and to read derailed's file name).
  public init(path: String, options: Options = Options()) {
    self.options = options
    fileName = path == "-" ? nil : SeriesFileName(path: path)
    series = MemorySeries(source: path)
    series.testCount = options.testCount ?? fileName?.testCount
    series.rubyVersion = fileName?.rubyVersion
    series.startTime = fileName?.startTime
    series.form = fileName != nil ? .derailedFile : .numbers
  }

  /// Reads `input` to the end.
  /// - Throws: `MemReportError.cannotOpen` when it cannot be read, `.unusableInput` for a bad value
  ///   (unless `skipBadLines`), binary or JSON data, a memory_profiler report, or no samples.
  /// - Complexity: O(n) in the input's bytes; memory O(samples).
  public static func parse(_ input: InputFile, options: Options = Options()) throws -> MemorySeries
  {
    var parser = MemOverTimeParser(path: input.path, options: options)
    try LineReader(input: input).forEachLine { line in
      try parser.consume(
        line.bytes, number: line.number, terminated: line.terminated, overlong: line.overlong)
    }
    return try parser.finish()
  }

  var path: String { series.source }

  func error(_ line: Int, _ reason: String) -> MemReportError {
    .unusableInput(path: path, line: line, reason: reason)
  }

  mutating func warn(_ line: Int, _ message: String) {
    if series.warnings.count < Self.warningLimit {
      series.warnings.append(ParseWarning(line: line, message: message))
    } else {
      droppedWarnings += 1
    }
  }

  /// A value that cannot be read: an error, or a warning with `skipBadLines`.
  mutating func bad(_ line: Int, _ reason: String) throws {
    guard options.skipBadLines else {
      // An earlier text line is bad too unless the input turns out to be derailed's stdout: name it.
      if !sawPreamble, let first = pendingText.first {
        throw error(first.line, "not a memory sample: \(first.text)" + Self.skipHint)
      }
      throw error(line, reason + Self.skipHint)
    }
    warn(line, "skipped a bad value: " + reason)
  }

  static var skipHint: String { " (pass '\(OptionNames.current.skipBadLines)' to skip such lines)" }

  /// Reads one line (without its newline).
  public mutating func consume(
    _ raw: UnsafeBufferPointer<UInt8>, number: Int, terminated: Bool = true, overlong: Bool = false
  ) throws {
    lastLine = number
    // An endless stream (`yes |`) would be read forever, and an endless series held in memory.
    if number - (series.lines.last ?? 0) > options.idleLineLimit {
      throw error(
        number,
        "no memory sample in the last \(Units.count(Int64(options.idleLineLimit))) lines (an endless or unrelated stream): stopped reading"
      )
    }
    if series.values.count >= options.sampleLimit {
      throw error(
        number,
        "more than \(Units.count(Int64(options.sampleLimit))) samples: not one run's memory over time (at derailed's 5 s, 1.6 years)"
      )
    }
    if overlong {
      try bad(number, "line is longer than 1 MiB")
      return
    }
    if let base = raw.baseAddress, memchr(base, 0, raw.count) != nil {
      throw error(number, "binary data, not a memory-over-time series")
    }
    if raw.contains(ASCII.tab) {
      try consumeTabbed(raw, number: number)
      return
    }
    // Take the cleaner out while its callback mutates the parser (its scratch buffer is reused).
    var lineCleaner = LineCleaner()
    swap(&lineCleaner, &cleaner)
    defer { swap(&lineCleaner, &cleaner) }
    try lineCleaner.clean(raw) { line, _ in
      try consumeClean(line, number: number, terminated: terminated)
    }
  }

  /// A TSV line: split on tabs as they are (the cleaner would turn them into spaces).
  mutating func consumeTabbed(_ raw: UnsafeBufferPointer<UInt8>, number: Int) throws {
    var end = raw.count
    if end > 0, raw[end - 1] == ASCII.carriageReturn { end -= 1 }
    var start = 0
    if number == 1, end >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { start = 3 }
    let line = UnsafeBufferPointer(rebasing: raw[start..<end])
    if table == nil && series.values.isEmpty {
      let fields = MemOverTimeTable.split(line, by: .tab).map {
        String(decoding: $0, as: UTF8.self)
      }
      if let header = MemOverTimeTable(fields: fields, delimiter: .tab) {
        try startTable(header, number: number)
        return
      }
    }
    if table != nil {
      try consumeRow(line, number: number)
    } else {
      let fields = MemOverTimeTable.split(line, by: .tab)
      if fields.count == 1, let only = fields.first {
        try only.withUnsafeBufferPointer { try consumeClean($0, number: number, terminated: true) }
      } else {
        try bad(
          number,
          "\(fields.count) columns but no header naming the memory column: \(Self.preview(line))")
      }
    }
  }

  mutating func consumeClean(
    _ line: UnsafeBufferPointer<UInt8>, number: Int, terminated: Bool
  ) throws {
    var start = 0
    while start < line.count, line[start] == ASCII.space { start += 1 }
    let text = UnsafeBufferPointer(rebasing: line[start...])
    guard !text.isEmpty else { return }
    contentLines += 1
    if contentLines == 1, let first = text.first,
      first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    {
      if text.count == 1 || text[1] != ASCII.leftBracket {
        throw error(number, "this looks like JSON, not a memory-over-time series")
      }
    }
    if table != nil {
      if MemOverTimeNumber.looksNumeric(text) || text.contains(UInt8(ascii: ","))
        || text.contains(UInt8(ascii: ";"))
      {
        try consumeRow(text, number: number)
      } else {
        try skipText(text, number: number)
      }
      return
    }
    if MemOverTimeNumber.looksNumeric(text) {
      try consumeNumberLine(text, number: number, terminated: terminated)
      return
    }
    try skipText(text, number: number)
  }

  /// A line that should be one number.
  mutating func consumeNumberLine(
    _ text: UnsafeBufferPointer<UInt8>, number: Int, terminated: Bool
  ) throws {
    if text.contains(ASCII.space) || text.contains(UInt8(ascii: ","))
      || text.contains(UInt8(ascii: ";"))
    {
      // Several numbers without a header: which one is memory is anybody's guess.
      let fields = MemOverTimeTable.split(text, by: MemOverTimeTable.delimiter(of: text))
      if fields.count > 1 {
        try bad(
          number,
          "\(fields.count) values on one line but no header naming the memory column: \(Self.preview(text))"
        )
        return
      }
    }
    guard let value = try read(text, number: number, what: "a memory sample") else { return }
    if text.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }) {
      integersOnly = false
    }
    if !terminated && series.form != .numbers {
      warn(
        number,
        "read the last line, which has no newline (it may be cut off): \(Self.preview(text))")
    }
    try append(value, number: number, raw: text)
  }

  /// Converts one number, or reports why it is bad.
  mutating func read(_ text: UnsafeBufferPointer<UInt8>, number: Int, what: String) throws
    -> Double?
  {
    switch MemOverTimeNumber.parse(text) {
    case .value(let v) where v > Self.maximumValue:
      try bad(number, "number out of range (over a petabyte in any unit): \(Self.preview(text))")
    case .value(let v): return v
    case .malformed: try bad(number, "not a number: \(Self.preview(text))")
    case .negative: try bad(number, "negative memory: \(Self.preview(text))")
    case .notFinite: try bad(number, "number out of range: \(Self.preview(text))")
    }
    return nil
  }

  mutating func append(_ value: Double, number: Int, raw: UnsafeBufferPointer<UInt8>) throws {
    if value == 0 {
      warn(
        number,
        "skipped a 0 sample: derailed (get_process_mem) writes 0.0 when it cannot read the process's memory"
      )
      return
    }
    series.values.append(value)
    series.lines.append(number)
  }

  /// Ends the input.
  /// - Throws: `MemReportError.unusableInput` when it held no samples, or held text that is not
  ///   derailed's output.
  public mutating func finish() throws -> MemorySeries {
    if !pendingText.isEmpty {
      if sawPreamble {
        for p in pendingText {
          warn(p.line, "skipped a line that is not a sample (a log line?): " + p.text)
        }
      } else if options.skipBadLines {
        for p in pendingText { warn(p.line, "skipped a bad value: not a memory sample: " + p.text) }
      } else if let first = pendingText.first {
        throw error(first.line, "not a memory sample: \(first.text)" + Self.skipHint)
      }
      series.warnings.sort { $0.line < $1.line }
    }
    if sawPreamble && table == nil { series.form = .derailedStdout }
    guard !series.values.isEmpty else {
      let reason =
        contentLines == 0
        ? (lastLine == 0 ? "the input is empty" : "the input holds only blank lines")
        : "no memory samples found: expected derailed perf:mem_over_time output (one number per line), or a CSV/TSV whose header names a memory column"
      throw MemReportError.unusableInput(path: path, line: nil, reason: reason)
    }
    var unit = options.unit ?? table?.unit ?? .mebibytes
    if options.unit == nil && table?.unit == nil {
      let level = RobustStatistics.median(series.values)
      if integersOnly && level >= Self.kibibyteIntegerLevel {
        // derailed prints Floats; integers of tens of thousands are `ps -o rss=` KiB. As MiB they
        // would be a process of ≥ 9.8 GiB, which a Ruby app sampled this way hardly ever is.
        unit = .kibibytes
        series.unitInferred = true
        warn(
          0,
          "the samples are integers around \(level < 1e15 ? Units.count(Int64(level.rounded())) : Units.significant(level)) with no decimal point, as 'ps -o rss=' prints KiB (derailed prints MiB with decimals): read as KiB, \(Units.mib(level / 1024)); pass '\(OptionNames.current.unit) MiB' if they really are MiB"
        )
      } else if level > 65_536 {
        warn(
          0,
          "the values would be \(Units.significant(level / 1024)) GiB as MiB: if they are KiB (ps -o rss=), pass '\(OptionNames.current.unit) KiB'"
        )
      }
    }
    series.inputUnit = unit
    if unit != .mebibytes {
      let factor = unit.mebibytes
      for i in series.values.indices { series.values[i] *= factor }
    }
    if series.form == .numbers || series.form == .table {
      // Another tool's numbers say nothing about time (unless a table has a time column, below).
      series.intervalKnown = false
      series.intervalOrigin = "assumed; pass \(OptionNames.current.interval)"
    }
    if let interval = options.intervalSeconds {
      series.intervalSeconds = interval
      series.intervalOrigin = OptionNames.current.interval
      series.intervalKnown = true
    } else if let table, case .seconds(let scale) = table.timeKind, timesUsable, times.count >= 2 {
      var gaps: [Double] = []
      for i in 1..<times.count { gaps.append((times[i] - times[i - 1]) * scale) }
      let interval = RobustStatistics.median(gaps)
      if interval > 0 {
        series.intervalSeconds = interval
        series.intervalOrigin = "time column"
        series.intervalKnown = true
        let irregular = gaps.contains { $0 < 0 || $0 > 1.5 * interval || $0 < interval / 1.5 }
        if irregular {
          warn(
            0,
            "the '\(series.timeColumn ?? "time")' column is not evenly spaced (median step \(Units.significant(interval)) s); samples are analysed in row order"
          )
        }
      }
    }
    if droppedWarnings > 0 {
      series.warnings.append(
        ParseWarning(
          line: 0,
          message: "\(droppedWarnings) more warnings were not kept (limit \(Self.warningLimit))"))
    }
    return series
  }

  /// A short, printable quotation of a line for messages.
  static func preview(_ bytes: UnsafeBufferPointer<UInt8>) -> String { DisplayText.quoted(bytes) }

  static func preview(_ bytes: ArraySlice<UInt8>) -> String {
    bytes.withUnsafeBufferPointer { preview($0) }
  }
}
