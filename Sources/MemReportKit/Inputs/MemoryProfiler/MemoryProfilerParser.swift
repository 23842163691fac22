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
  private let onProfile: (Profile) throws -> Void
  private var cleaner = LineCleaner()
  private var names = NameTable()

  // The report being read and where in it we are.
  private var profile: Profile?
  private var reportIndex = 0
  private var context = Context.none
  private var sectionRows: [Row] = []
  private var group: StringGroup?
  private var awaitingDashes: Int?
  private var droppedWarnings = 0
  private var lastLine = 0

  // What belongs to the next report: preamble facts, warnings about lines before it.
  private var pendingMetadata = ProfileMetadata()
  private var pendingWarnings: [ParseWarning] = []

  // What the input looked like, to explain why it is not a report.
  private var firstContentLine: (number: Int, byte: UInt8)?
  private var contentLines = 0
  private var numberLines = 0
  private var overlongLine: Int?

  private enum Context {
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
    try reader.forEachLine { try parser.consume($0) }
    return try parser.finish()
  }

  /// Parses a whole text held in memory (tests, small inputs).
  public static func parse(text: String, path: String = "<text>") throws -> [Profile] {
    var text = text
    return try text.withUTF8 { try parse(bytes: $0, path: path) }
  }

  /// Parses bytes held in memory, split into lines as `LineReader` splits a file.
  public static func parse(bytes all: UnsafeBufferPointer<UInt8>, path: String = "<bytes>") throws -> [Profile] {
    var profiles: [Profile] = []
    var parser = MemoryProfilerParser(path: path) { profiles.append($0) }
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
    try parser.finish()
    return profiles
  }

  // MARK: - Lines

  mutating func consume(_ raw: RawLine) throws {
    if let error = deliveryError { throw error }
    lastLine = raw.number
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

  private mutating func handle(
    _ line: UnsafeBufferPointer<UInt8>, number: Int, terminated: Bool, hasNUL: Bool
  ) throws {
    var cursor = ByteCursor(line)
    let indent = cursor.skipSpaces()
    guard let first = cursor.current else {
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
          warn(number, "skipped the last line: it has no newline, so it may be cut off (a truncated paste)", line)
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
      preamble(fact)
      return
    }
    let noise = LineKind.noise(line)
    if noise == .number { numberLines += 1 }
    if let feature = noise.feature { self.feature(feature) }
    if noise == .elision { markIncomplete() }
    warn(number, noise.message, line)
  }

  // MARK: - Header

  /// `Total allocated: 99059 bytes (1237 objects)` and its variants. Returns false when the line
  /// only starts with `T`.
  private mutating func header(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws -> Bool {
    var c = ByteCursor(line)
    c.skipSpaces()
    guard c.consume("Total ") else { return false }
    let state: AllocationState
    if c.consume("allocated") {
      state = .allocated
    } else if c.consume("retained") {
      state = .retained
    } else if c.consume("freed") {
      throw MemReportError.unusableInput(
        path: path, line: number,
        reason:
          "this is heap-profiler output (Shopify's heap-profiler gem: 'Total freed'), not memory_profiler; memreport reads memory_profiler reports only"
      )
    } else {
      return false
    }
    let hasColon = c.consume(":")
    c.skipSpaces()
    var amount = TotalAmount()
    var shape: VariantFeature = .bytesAndObjectsHeader
    if let size = c.count() {
      c.skipSpaces()
      if size.scaled {
        amount.bytes = size.value
        amount.bytesApproximate = true
        scaled(size)
      } else if c.consume("bytes") {
        amount.bytes = size.value
      } else if hasColon {
        return malformedHeader(line, number: number)
      } else if c.isAtEnd {
        amount.objects = size.value
        shape = .objectsOnlyHeader
      } else {
        amount.bytes = size.value
        shape = .unlabelledHeader
      }
    } else if c.consume("bytes") {
      shape = .emptyHeader
    } else if !c.isAtEnd {
      return malformedHeader(line, number: number)
    } else {
      shape = .emptyHeader
    }
    c.skipSpaces()
    if c.consume("(") {
      c.skipSpaces()
      amount.objects = c.unsignedInteger()
      if amount.objects == nil && shape != .unlabelledHeader { shape = .emptyHeader }
      c.skipSpaces()
      _ = c.consume("objects") || c.consume("object")
      c.skipSpaces()
      guard c.consume(")") else { return malformedHeader(line, number: number) }
    }
    c.skipSpaces()
    guard c.isAtEnd else { return malformedHeader(line, number: number) }
    if state == .allocated {
      startReport(number: number, hasHeader: true)
    } else if profile == nil || profile?.totals.retained != TotalAmount() || !(profile?.sections.isEmpty ?? true) {
      startReport(number: number, hasHeader: true)
      warn(number, "a 'Total retained' line without 'Total allocated' before it starts a new report")
    }
    profile?.totals[state] = amount
    if profile?.totals.line == nil { profile?.totals.line = number }
    feature(shape)
    context = .header
    return true
  }

  private mutating func malformedHeader(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
    warn(number, "skipped a 'Total' line in an unknown form", line)
    return true
  }

  // MARK: - Titles

  private mutating func title(
    _ match: (title: LineKind.Title, exact: Bool, markdown: Bool), number: Int,
    line: UnsafeBufferPointer<UInt8>
  ) {
    closeSection()
    if match.markdown { feature(.markdown) }
    switch match.title {
    case .section(let title):
      if let profile, profile.section(title) != nil || profile.allocatedStrings != nil
        || profile.retainedStrings != nil
      {
        warn(number, "'\(title.text)' appears again: reading it as the start of another report")
        finishReport()
      }
      if profile == nil { startReport(number: number, hasHeader: false) }
      profile?.sections.append(Section(title: title, line: number))
      context = .section((profile?.sections.count ?? 1) - 1)
      awaitingDashes = number
      if !match.exact && !match.markdown {
        warn(number, "read this line as the title '\(title.text)'", line)
      }
    case .strings(let state):
      if let profile, profile.strings(state) != nil {
        warn(number, "the \(state.rawValue) string report appears again: reading it as another report")
        finishReport()
      }
      if profile == nil { startReport(number: number, hasHeader: false) }
      let report = StringReport(state: state, line: number)
      if state == .allocated { profile?.allocatedStrings = report } else { profile?.retainedStrings = report }
      context = .strings(state)
      awaitingDashes = number
      if !match.exact && !match.markdown {
        warn(number, "read this line as the title '\(report.title)'", line)
      }
    }
  }

  /// A title is followed by its dashes line; note the variant when it is not.
  private mutating func checkDashesAfterTitle(_ line: UnsafeBufferPointer<UInt8>) {
    guard awaitingDashes != nil, !LineKind.isDashes(line) else { return }
    awaitingDashes = nil
    feature(.titleWithoutDashes)
  }

  private mutating func noData(number: Int) {
    if case .section(let index) = context, sectionRows.isEmpty, let profile,
      !profile.sections[index].noData
    {
      self.profile?.sections[index].noData = true
      feature(.noData)
      awaitingDashes = nil
    } else {
      warn(number, "skipped a 'NO DATA' line outside an empty section")
    }
  }

  // MARK: - Rows

  private mutating func row(
    _ count: ParsedCount, data: UnsafeBufferPointer<UInt8>, number: Int,
    line: UnsafeBufferPointer<UInt8>
  ) throws {
    awaitingDashes = nil
    switch context {
    case .section(let index):
      guard let title = profile?.sections[index].title else { return }
      if Self.startsWithCount(data) {
        warn(number, "skipped a line with two count columns (a side-by-side table?)", line)
        return
      }
      if count.scaled && title.metric == .objects {
        warn(number, "skipped a row with a size in an objects section", line)
        return
      }
      if count.scaled {
        scaled(count)
        profile?.sections[index].approximate = true
      }
      guard let text = trimmedAnnotation(data, number: number, line: line) else { return }
      sectionRows.append(makeRow(text, value: count.value, isLocation: title.grouping == .location))
    case .strings(let state):
      if Self.startsWithCount(data) || count.scaled {
        throw MemReportError.unusableInput(
          path: path, line: number,
          reason:
            "this is heap-profiler output (Shopify's heap-profiler gem: string rows carry bytes and a count), not memory_profiler; memreport reads memory_profiler reports only"
        )
      }
      stringRow(data, count: count.value, state: state, number: number, line: line)
    case .none, .header:
      warn(number, "skipped a row that belongs to no section", line)
    }
  }

  /// `data x count` rows of memory_profiler 0.0.x.
  private mutating func legacyRow(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
    switch context {
    case .section, .strings: break
    default: return false
    }
    var i = line.count - 1
    while i >= 0, ASCII.isDigit(line[i]) { i -= 1 }
    guard i < line.count - 1, i >= 3, line[i] == ASCII.space, line[i - 1] == UInt8(ascii: "x"),
      line[i - 2] == ASCII.space
    else { return false }
    var countCursor = ByteCursor(line, at: i + 1)
    guard let count = countCursor.unsignedInteger() else { return false }
    var start = 0
    while start < i - 2, line[start] == ASCII.space { start += 1 }
    let data = UnsafeBufferPointer(rebasing: line[start..<(i - 2)])
    guard !data.isEmpty else { return false }
    feature(.legacyRows)
    awaitingDashes = nil
    switch context {
    case .section(let index):
      let isLocation = profile?.sections[index].title.grouping == .location
      sectionRows.append(makeRow(data, value: count, isLocation: isLocation))
    case .strings(let state):
      stringRow(data, count: count, state: state, number: number, line: line)
    default: break
    }
    return true
  }

  /// A string-report row: a group header when its data is a quoted string, else a location of
  /// the current group.
  private mutating func stringRow(
    _ data: UnsafeBufferPointer<UInt8>, count: Int64, state: AllocationState, number: Int,
    line: UnsafeBufferPointer<UInt8>
  ) {
    if data.first == ASCII.quote {
      endGroup()
      group = StringGroup(string: decode(data, number: number), count: count, line: number)
    } else if group != nil {
      let location = makeRow(data, value: count, isLocation: true)
      group?.locations.append(StringLocation(fileID: location.nameID, line: location.line, count: count))
    } else {
      warn(number, "skipped a location row outside a string group in the \(state.rawValue) string report", line)
    }
  }

  private static func startsWithCount(_ data: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = data.first, ASCII.isDigit(first) else { return false }
    var c = ByteCursor(data)
    guard c.count() != nil else { return false }
    return c.skipSpaces() >= 2 && !c.isAtEnd
  }

  /// Cuts a hand-typed note after a run of three or more spaces (`foo.rb:3   (* this one)`).
  /// Returns `nil`, with a warning, when what follows is another `count  name` pair: a
  /// side-by-side table typed by a user, whose columns cannot be told apart.
  private mutating func trimmedAnnotation(
    _ data: UnsafeBufferPointer<UInt8>, number: Int, line: UnsafeBufferPointer<UInt8>
  ) -> UnsafeBufferPointer<UInt8>? {
    guard let start = Self.firstRunOfThreeSpaces(data) else { return data }
    var end = start + 3
    while end < data.count, data[end] == ASCII.space { end += 1 }
    let note = UnsafeBufferPointer(rebasing: data[end...])
    if Self.startsWithCount(note) {
      warn(number, "skipped a line with two count columns (a side-by-side table?)", line)
      return nil
    }
    warn(number, "dropped a note after the row's name", note)
    return UnsafeBufferPointer(rebasing: data[0..<start])
  }

  private static func firstRunOfThreeSpaces(_ data: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = data.baseAddress else { return nil }
    var i = 0
    let n = data.count
    while i + 2 < n, let found = memchr(base + i, Int32(ASCII.space), n - i - 2) {
      let j = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if base[j + 1] == ASCII.space && base[j + 2] == ASCII.space { return j }
      i = j + 1
    }
    return nil
  }

  /// A row keyed on an interned name; locations are split on their last colon, when only digits
  /// (at most 9) follow it.
  private mutating func makeRow(_ data: UnsafeBufferPointer<UInt8>, value: Int64, isLocation: Bool) -> Row {
    guard isLocation else { return Row(nameID: intern(data), value: value) }
    var i = data.count - 1
    var line: Int32 = 0
    var scale: Int32 = 1
    while i >= 0, ASCII.isDigit(data[i]), data.count - i <= 9 {
      line += Int32(data[i] &- ASCII.zero) * scale
      scale = scale &* 10
      i -= 1
    }
    guard i >= 0, data[i] == ASCII.colon else { return Row(nameID: intern(data), value: value) }
    let file = UnsafeBufferPointer(rebasing: data[..<i])
    return Row(nameID: intern(file), line: i == data.count - 1 ? Row.emptyLine : line, value: value)
  }

  private mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let count = names.count
    let id = names.intern(bytes)
    if names.count > count, names[id].unicodeScalars.contains("\u{FFFD}") {
      feature(.invalidUTF8)
      warn(lastLine, "invalid UTF-8 in a name was replaced with U+FFFD")
    }
    return id
  }

  private mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    if text.utf8.count != bytes.count || text.unicodeScalars.contains("\u{FFFD}") {
      if String(validating: bytes, as: UTF8.self) == nil {
        feature(.invalidUTF8)
        warn(number, "invalid UTF-8 in a string value was replaced with U+FFFD")
      }
    }
    return text
  }

  private mutating func scaled(_ count: ParsedCount) {
    feature(count.decimals == 2 ? .scaledTwoDecimals : .scaledRounded)
  }

  private mutating func endGroup() {
    guard let finished = group else { return }
    group = nil
    guard case .strings(let state) = context else { return }
    let sum = finished.locations.reduce(Int64(0)) { $0 &+ $1.count }
    if sum != finished.count && !(profile?.strings(state)?.incomplete ?? false) {
      warn(
        finished.line,
        "string count \(finished.count) differs from the sum of its locations (\(sum))")
    }
    if state == .allocated {
      profile?.allocatedStrings?.groups.append(finished)
    } else {
      profile?.retainedStrings?.groups.append(finished)
    }
  }

  private mutating func closeSection() {
    endGroup()
    if case .section(let index) = context {
      profile?.sections[index].rows = sectionRows
      sectionRows = []
    }
    context = profile == nil ? .none : .header
  }

  private mutating func markIncomplete() {
    switch context {
    case .section(let index): profile?.sections[index].incomplete = true
    case .strings(let state):
      if state == .allocated { profile?.allocatedStrings?.incomplete = true } else {
        profile?.retainedStrings?.incomplete = true
      }
    default: break
    }
  }

  // MARK: - Preamble and reports

  private mutating func preamble(_ fact: (name: String, value: String)) {
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

  private mutating func startReport(number: Int, hasHeader: Bool) {
    if profile != nil { finishReport() }
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
          message: "this report has no 'Total allocated' header (sections only): totals are unknown"))
    }
    pendingMetadata = ProfileMetadata()
    pendingWarnings = []
    droppedWarnings = 0
    profile = report
    context = .header
  }

  private mutating func finishReport() {
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
          line: 0, message: "\(droppedWarnings) more warnings were not kept (limit \(Self.warningLimit))"))
    }
    try? deliver(report)
  }

  private var deliveryError: Error?
  private mutating func deliver(_ report: Profile) throws {
    do { try onProfile(report) } catch { deliveryError = error; throw error }
  }

  /// Ends the input: finishes the last report and explains an input that held none.
  @discardableResult
  public mutating func finish() throws -> Int {
    if let error = deliveryError { throw error }
    finishReport()
    if let error = deliveryError { throw error }
    guard reportIndex == 0 else { return reportIndex }
    throw MemReportError.unusableInput(path: path, line: firstContentLine?.number, reason: notAReport())
  }

  private func notAReport() -> String {
    if contentLines == 0 {
      return lastLine == 0 ? "the input is empty" : "the input holds only blank lines"
    }
    if overlongLine != nil, contentLines <= 2 {
      return "line is longer than 1 MiB: not a memory_profiler report"
    }
    if let first = firstContentLine?.byte, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
      return "this looks like JSON, not a memory_profiler text report (memreport reads the text that pretty_print writes)"
    }
    if numberLines * 2 >= contentLines {
      return "this looks like \(InputKind.memoryOverTimeSeries.description), not \(InputKind.memoryProfilerReport.description)"
    }
    return "not a memory_profiler report: no 'Total allocated' line or section title found"
  }

  // MARK: - Warnings and features

  private mutating func warn(_ line: Int, _ message: String, _ text: UnsafeBufferPointer<UInt8>? = nil) {
    var message = message
    if let text { message += ": " + Self.preview(text) }
    let warning = ParseWarning(line: line, message: message)
    if profile == nil {
      if pendingWarnings.count < Self.warningLimit { pendingWarnings.append(warning) }
      return
    }
    if (profile?.warnings.count ?? 0) < Self.warningLimit {
      profile?.warnings.append(warning)
    } else {
      droppedWarnings += 1
    }
  }

  /// A short, printable quotation of a line for messages.
  static func preview(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var text = String(decoding: bytes.prefix(80), as: UTF8.self).trimmingSpaces()
    text = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
    if bytes.count > 80 { text += "…" }
    return "'\(text)'"
  }

  private mutating func feature(_ feature: VariantFeature) {
    if profile != nil {
      profile?.metadata.features.insert(feature)
    } else {
      pendingMetadata.features.insert(feature)
    }
  }

  private mutating func note(_ found: LineCleaner.Found) {
    if found.contains(.ansi) { feature(.ansiColour) }
    if found.contains(.carriageReturn) { feature(.crlf) }
    if found.contains(.byteOrderMark) { feature(.byteOrderMark) }
    if found.contains(.tab) { feature(.tabs) }
    if found.contains(.nonBreakingSpace) { feature(.nonBreakingSpaces) }
  }
}
