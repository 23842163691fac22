import MemReportCore
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads memory_profiler `pretty_print` text, as written or as pasted, into `Profile`s.
///
/// The parser is a push parser over lines of bytes: it never holds the input, only the report
/// being read, and hands each finished report to `onProfile` before reading the next, so memory
/// grows with distinct names, not with input size. Every line it skips or reads in a particular way
/// leaves a `ParseWarning` with its line number; input that is not a memory_profiler report at
/// all is a `MemReportError.unusableInput`.
public struct MemoryProfilerParser {
  /// At most this many warnings are kept per report; the rest are counted.
  public static let warningLimit = 1000

  public let path: String
  let onProfile: (Profile) throws -> Void
  var cleaner = LineCleaner()
  var names = NameTable()

  // The report being read and where in it we are.
  var profile: Profile?
  var reportIndex = 0
  var context = Context.none
  var sectionRows: [Row] = []
  var group: StringGroup?
  var awaitingDashes: Int?
  var droppedWarnings = 0
  var lastLine = 0

  // What belongs to the next report: preamble facts, warnings about lines before it.
  var pendingMetadata = ProfileMetadata()
  var pendingWarnings: [ParseWarning] = []

  // What the input looked like, to explain why it is not a report.
  var firstContentLine: (number: Int, byte: UInt8)?
  var deliveryError: Error?
  var contentLines = 0
  var numberLines = 0
  /// Lines in a row that were blank or not part of a report. An endless stream of them (`yes |`)
  /// would be read forever: past `idleLineLimit` the parser stops.
  var idleLines = 0
  var idleLineLimit = Self.defaultIdleLineLimit
  /// Blank or unrelated lines in a row after which reading stops (see `stopIdle`).
  public static let defaultIdleLineLimit = 1_000_000
  var overlongLine: Int?
  /// Inside derailed's fixed "You're not using Rails" banner (`DerailedBanner`).
  var inDerailedBanner = false

  enum Context {
    case none
    case header
    case section(Int)
    case strings(AllocationState)
  }

  /// Creates a parser for the input named `path` (used in messages).
  public init(path: String, onProfile: @escaping (Profile) throws -> Void) {
    self.path = path
    self.onProfile = onProfile
  }

  // MARK: - Entry points

  /// Parses `input` to the end, handing each report to `onProfile` as soon as it is complete.
  /// - Returns: the number of reports read.
  /// - Throws: `MemReportError` when the input cannot be read or holds no report.
  /// - Complexity: O(*n*) in the input size; memory O(*k*) in the distinct names of one report.
  @discardableResult
  public static func parse(
    _ input: InputFile, progress: ((Int) -> Void)? = nil,
    onProfile: @escaping (Profile) throws -> Void
  ) throws -> Int {
    var parser = MemoryProfilerParser(path: input.path, onProfile: onProfile)
    let reader = LineReader(input: input, progress: progress)
    do {
      try reader.forEachLine { line in
        if line.number == 1 && input.wasUTF16 { parser.pendingMetadata.features.insert(.utf16) }
        try parser.consume(line)
      }
    } catch is StopReading {
      // What was read is kept; the open report says where reading stopped.
    }
    return try parser.finish()
  }

  /// Parses a whole text held in memory (tests, small inputs).
  public static func parse(
    text: String, path: String = "<text>", idleLineLimit: Int = defaultIdleLineLimit
  ) throws -> [Profile] {
    var text = text
    return try text.withUTF8 { try parse(bytes: $0, path: path, idleLineLimit: idleLineLimit) }
  }

  /// Parses bytes held in memory, split into lines as `LineReader` splits a file.
  public static func parse(
    bytes all: UnsafeBufferPointer<UInt8>, path: String = "<bytes>",
    idleLineLimit: Int = defaultIdleLineLimit
  ) throws -> [Profile] {
    var profiles: [Profile] = []
    var parser = MemoryProfilerParser(path: path) { profiles.append($0) }
    parser.idleLineLimit = idleLineLimit
    do {
      var start = 0
      var number = 1
      while start < all.count {
        let rest = UnsafeBufferPointer(rebasing: all[start...])
        let newline = rest.firstIndex(of: ASCII.newline)
        let end = newline.map { start + $0 } ?? all.count
        let length = end - start
        let overlong = length >= LineReader.defaultMaxLineLength
        let line = RawLine(
          bytes: UnsafeBufferPointer(rebasing: all[start..<(overlong ? start + 256 : end)]),
          number: number, terminated: newline != nil, overlong: overlong)
        try parser.consume(line)
        number += 1
        start = end + 1
      }
    } catch is StopReading {}
    try parser.finish()
    return profiles
  }

  // MARK: - Lines

  mutating func consume(_ raw: RawLine) throws {
    if let error = deliveryError { throw error }
    lastLine = raw.number
    if idleLines >= idleLineLimit { try stopIdle(at: raw.number) }
    if raw.overlong {
      if overlongLine == nil { overlongLine = raw.number }
      contentLines += 1
      if firstContentLine == nil { firstContentLine = (raw.number, raw.bytes.first ?? 0) }
      warn(raw.number, "skipped a line longer than 1 MiB")
      return
    }
    var cleaner = self.cleaner
    self.cleaner = LineCleaner()
    defer { self.cleaner = cleaner }
    try cleaner.clean(raw.bytes) { line, found in
      if !found.isEmpty { note(found) }
      try handle(line, number: raw.number, terminated: raw.terminated, hasNUL: found.contains(.nul))
    }
  }

  mutating func handle(
    _ line: UnsafeBufferPointer<UInt8>, number: Int, terminated: Bool, hasNUL: Bool
  ) throws {
    var cursor = ByteCursor(line)
    let indent = cursor.skipSpaces()
    let idle = idleLines
    idleLines = 0
    guard let first = cursor.current else {
      idleLines = idle + 1
      endGroup()
      return
    }
    contentLines += 1
    if firstContentLine == nil { firstContentLine = (number, first) }
    checkDashesAfterTitle(line)
    if hasNUL {
      guard profile != nil else {
        throw MemReportError.unusableInput(
          path: path, line: number, reason: "binary data, not a memory_profiler text report")
      }
      warn(number, "skipped a line holding NUL bytes")
      return
    }
    if ASCII.isDigit(first), let count = cursor.count() {
      let spaces = cursor.skipSpaces()
      if spaces >= 2, !cursor.isAtEnd {
        guard terminated else {
          markIncomplete()
          feature(.truncated)
          warn(
            number,
            "skipped the last line: it has no newline, so it may be cut off (a truncated paste)",
            line)
          return
        }
        try row(count, data: cursor.rest, number: number, line: line)
        return
      }
      cursor.position = indent
    }
    if first == UInt8(ascii: "T") {
      if try header(line, number: number) { return }
    }
    if first == ASCII.dash && LineKind.isDashes(line) {
      if awaitingDashes == nil { warn(number, "skipped a dashes line that follows no title") }
      awaitingDashes = nil
      return
    }
    if first == UInt8(ascii: "N") && LineKind.equals(line, "NO DATA") {
      noData(number: number)
      return
    }
    if let match = LineKind.title(line) {
      title(match, number: number, line: line)
      return
    }
    if legacyRow(line, number: number) { return }
    if let fact = LineKind.preambleFact(line) {
      inDerailedBanner = false
      preamble(fact)
      return
    }
    if DerailedBanner.continues(line, inBanner: inDerailedBanner) {
      // derailed's fixed instructions, printed before its preamble: metadata, not 8 warnings.
      if !inDerailedBanner, profile != nil { finishReport() }
      inDerailedBanner = true
      pendingMetadata.features.insert(.derailedBanner)
      return
    }
    inDerailedBanner = false
    let noise = LineKind.noise(line)
    if noise == .number { numberLines += 1 }
    if let feature = noise.feature { self.feature(feature) }
    if noise == .elision { markIncomplete() }
    warn(number, noise.message, line)
    idleLines = idle + 1
  }

  /// Stops at an endless or unrelated stream: an error before any report, else a warning on the
  /// open report, whose lines so far are kept.
  mutating func stopIdle(at number: Int) throws {
    let limit = Units.count(Int64(idleLineLimit))
    guard reportIndex > 0 else {
      throw MemReportError.unusableInput(
        path: path, line: number,
        reason:
          "no memory_profiler report in the first \(limit) lines (an endless or unrelated stream): stopped reading"
      )
    }
    // Past the warning limit too: this one says why the input was not read to its end.
    profile?.warnings.append(
      ParseWarning(
        line: number,
        message:
          "stopped reading: the last \(limit) lines held no report (an endless or unrelated stream)"
      ))
    throw StopReading()
  }

  // MARK: - Preamble and reports

  mutating func preamble(_ fact: (name: String, value: String)) {
    // derailed prints its preamble before a report: a fact after a report's lines starts the next.
    if profile != nil { finishReport() }
    pendingMetadata.features.insert(.derailedPreamble)
    switch fact.name {
    case "Running":
      pendingMetadata.iterations = Int(fact.value)
      pendingMetadata.producer = .derailedPerfObjects
    case "Warming up app": pendingMetadata.warmupIterations = Int(fact.value)
    case "Gem groups":
      pendingMetadata.producer = .derailedBundleObjects
      pendingMetadata.preamble[fact.name] = fact.value
    default: pendingMetadata.preamble[fact.name] = fact.value
    }
  }

  mutating func startReport(number: Int, hasHeader: Bool) {
    if profile != nil {
      // The previous report ends on the line before this one's first (not on it).
      let current = lastLine
      lastLine = max(number - 1, 1)
      finishReport()
      lastLine = current
    }
    reportIndex += 1
    var report = Profile()
    report.metadata = pendingMetadata
    report.metadata.index = reportIndex
    report.metadata.firstLine = number
    report.warnings = pendingWarnings
    if !hasHeader {
      report.metadata.features.insert(.headerless)
      report.warnings.append(
        ParseWarning(
          line: number,
          message: "this report has no 'Total allocated' header (sections only): totals are unknown"
        ))
    }
    pendingMetadata = ProfileMetadata()
    pendingWarnings = []
    droppedWarnings = 0
    profile = report
    context = .header
  }

  mutating func finishReport() {
    closeSection()
    guard var report = profile else { return }
    profile = nil
    context = .none
    awaitingDashes = nil
    report.metadata.lastLine = lastLine
    report.names = names
    ReportChecks.finish(&report)
    report.warnings = report.warnings.enumerated().sorted {
      ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
    }.map(\.element)
    if droppedWarnings > 0 {
      report.warnings.append(
        ParseWarning(
          line: 0,
          message: "\(droppedWarnings) more warnings were not kept (limit \(Self.warningLimit))"))
    }
    deliver(report)
  }

  /// Hands a finished report on; an error from the receiver is kept and thrown by the next
  /// `consume` or by `finish`, so the input is not read further.
  mutating func deliver(_ report: Profile) {
    do { try onProfile(report) } catch { deliveryError = error }
  }

  /// Ends the input: finishes the last report and explains an input that held none.
  @discardableResult
  public mutating func finish() throws -> Int {
    if let error = deliveryError { throw error }
    finishReport()
    if let error = deliveryError { throw error }
    guard reportIndex == 0 else { return reportIndex }
    throw MemReportError.unusableInput(
      path: path, line: firstContentLine?.number, reason: notAReport())
  }

  func notAReport() -> String {
    if contentLines == 0 {
      return lastLine == 0 ? "the input is empty" : "the input holds only blank lines"
    }
    if overlongLine != nil, contentLines <= 2 {
      return "line is longer than 1 MiB: not a memory_profiler report"
    }
    if let first = firstContentLine?.byte, first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    {
      return
        "this looks like JSON, not a memory_profiler text report (memreport reads the text that pretty_print writes)"
    }
    if numberLines * 2 >= contentLines {
      return
        "this looks like \(MemOverTimeReader.description), not \(MemoryProfilerReader.description)"
    }
    return "not a memory_profiler report: no 'Total allocated' line or section title found"
  }

}

/// Thrown by the parser to stop reading an input whose reports have ended (`stopIdle`).
struct StopReading: Error {}
