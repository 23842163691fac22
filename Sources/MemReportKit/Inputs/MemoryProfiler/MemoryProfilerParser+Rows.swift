#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import MemReportCore

/// Section rows, string-report groups, and closing sections.
extension MemoryProfilerParser {
  // MARK: - Rows

  mutating func row(
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
  mutating func legacyRow(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
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
  mutating func stringRow(
    _ data: UnsafeBufferPointer<UInt8>, count: Int64, state: AllocationState, number: Int,
    line: UnsafeBufferPointer<UInt8>
  ) {
    if data.first == ASCII.quote {
      endGroup()
      group = StringGroup(string: decode(data, number: number), count: count, line: number)
    } else if group != nil {
      let location = makeRow(data, value: count, isLocation: true)
      group?.locations.append(
        StringLocation(fileID: location.nameID, line: location.line, count: count))
    } else {
      warn(
        number,
        "skipped a location row outside a string group in the \(state.rawValue) string report", line
      )
    }
  }

  static func startsWithCount(_ data: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = data.first, ASCII.isDigit(first) else { return false }
    var c = ByteCursor(data)
    guard c.count() != nil else { return false }
    return c.skipSpaces() >= 2 && !c.isAtEnd
  }

  /// Cuts a hand-typed note after a run of three or more spaces (`foo.rb:3   (* this one)`).
  /// Returns `nil`, with a warning, when what follows is another `count  name` pair: a
  /// side-by-side table typed by a user, whose columns cannot be told apart.
  mutating func trimmedAnnotation(
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

  static func firstRunOfThreeSpaces(_ data: UnsafeBufferPointer<UInt8>) -> Int? {
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
  mutating func makeRow(_ data: UnsafeBufferPointer<UInt8>, value: Int64, isLocation: Bool) -> Row {
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

  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let count = names.count
    let id = names.intern(bytes)
    if names.count > count, String(validating: bytes, as: UTF8.self) == nil {
      feature(.invalidUTF8)
      warn(lastLine, "a name is not valid UTF-8 (Latin-1?): its invalid bytes are shown as \\xNN")
    }
    return id
  }

  mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) -> String {
    let (text, valid) = UTF8Text.decode(bytes)
    if !valid {
      feature(.invalidUTF8)
      warn(
        number, "a string value is not valid UTF-8 (Latin-1?): its invalid bytes are shown as \\xNN"
      )
    }
    return text
  }

  mutating func scaled(_ count: ParsedCount) {
    feature(count.decimals == 2 ? .scaledTwoDecimals : .scaledRounded)
    if let seen = profile?.metadata.scaledDecimals
      ?? (profile == nil ? pendingMetadata.scaledDecimals : nil),
      seen <= count.decimals
    {
      return
    }
    if profile != nil {
      profile?.metadata.scaledDecimals = count.decimals
    } else {
      pendingMetadata.scaledDecimals = count.decimals
    }
  }

  mutating func endGroup() {
    guard let finished = group else { return }
    group = nil
    guard case .strings(let state) = context else { return }
    let sum = finished.locations.reduce(Int64(0)) { $0 +| $1.count }
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

  mutating func closeSection() {
    endGroup()
    if case .section(let index) = context {
      profile?.sections[index].rows = sectionRows
      sectionRows = []
    }
    context = profile == nil ? .none : .header
  }

  mutating func markIncomplete() {
    switch context {
    case .section(let index): profile?.sections[index].incomplete = true
    case .strings(let state):
      if state == .allocated {
        profile?.allocatedStrings?.incomplete = true
      } else {
        profile?.retainedStrings?.incomplete = true
      }
    default: break
    }
  }
}
