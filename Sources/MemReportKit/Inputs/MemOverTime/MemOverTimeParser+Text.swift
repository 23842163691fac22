#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import MemReportCore

/// CSV/TSV rows, table headers and the text lines between samples (preamble, noise, headers).
extension MemOverTimeParser {
  /// A row of a table.
  mutating func consumeRow(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws {
    guard let table else { return }
    let fields = MemOverTimeTable.split(line, by: table.delimiter)
    guard table.memoryColumn < fields.count else {
      try bad(
        number, "no '\(table.names[table.memoryColumn])' column in this row: \(Self.preview(line))")
      return
    }
    let field = fields[table.memoryColumn]
    guard !field.isEmpty else {
      try bad(number, "empty '\(table.names[table.memoryColumn])' value")
      return
    }
    let parsed = try field.withUnsafeBufferPointer { try read($0, number: number, what: "memory") }
    guard let value = parsed else { return }
    if value == 0 {
      warn(number, "skipped a 0 memory value")
      return
    }
    if let column = table.timeColumn, case .seconds = table.timeKind, timesUsable {
      if column < fields.count,
        case .value(let t) = fields[column].withUnsafeBufferPointer({ MemOverTimeNumber.parse($0) })
      {
        times.append(t)
      } else {
        timesUsable = false
        let name = table.names[column]
        warn(
          number,
          "the '\(name)' column is not a number of seconds here, so samples are taken as evenly spaced"
        )
      }
    }
    series.values.append(value)
    series.lines.append(number)
  }

  mutating func startTable(_ header: MemOverTimeTable, number: Int) throws {
    table = header
    series.form = .table
    series.memoryColumn = header.names[header.memoryColumn]
    series.timeColumn = header.timeColumn.map { header.names[$0] }
    if let named = header.unit, let given = options.unit, named != given {
      warn(
        number,
        "the column '\(header.names[header.memoryColumn])' says \(named.rawValue), but '\(OptionNames.current.unit) \(given.rawValue)' was given: reading \(given.rawValue)"
      )
    }
  }

  /// Text where a sample could be: a header, derailed's preamble, recognised noise, or a bad value.
  mutating func skipText(_ text: UnsafeBufferPointer<UInt8>, number: Int) throws {
    if let fact = LineKind.preambleFact(text) {
      // derailed's preamble again after samples: a second run pasted after the first.
      let newRun = series.values.count > (series.runStarts.last ?? 0) && table == nil
      if newRun && series.runStarts.count + 1 >= Self.runLimit {
        // A hostile paste of thousands of runs: the rest stay in the last run.
        if !runLimitReached {
          runLimitReached = true
          warn(
            number,
            "more than \(Self.runLimit) runs pasted into one input: the rest are read as part of run \(Self.runLimit)"
          )
        }
      } else if newRun {
        series.runStarts.append(series.values.count)
        series.runPreambles.append([:])
        warn(
          number,
          "a new run starts here (derailed's '\(fact.name):' line again after \(Units.counted(series.values.count - (series.runStarts.dropLast().last ?? 0), "sample"))): each run is analysed as a series of its own"
        )
      }
      if series.runStarts.isEmpty {
        series.preamble[fact.name] = fact.value
      } else {
        series.runPreambles[series.runPreambles.count - 1][fact.name] = fact.value
      }
      sawPreamble = true
      return
    }
    if series.values.isEmpty && table == nil {
      if LineKind.equals(text, "Total allocated")
        || text.starts(with: Array("Total allocated".utf8))
      {
        throw error(
          number,
          "this looks like \(MemoryProfilerReader.description), not \(MemOverTimeReader.description)"
        )
      }
      let delimiter = MemOverTimeTable.delimiter(of: text)
      let fields = MemOverTimeTable.split(text, by: delimiter).map {
        String(decoding: $0, as: UTF8.self)
      }
      if !fields.isEmpty, fields.count <= 16, !text.starts(with: [ASCII.hash]),
        let header = MemOverTimeTable(fields: fields, delimiter: delimiter),
        delimiter != .whitespace || fields.count <= 3
      {
        try startTable(header, number: number)
        return
      }
    }
    let noise = LineKind.noise(text)
    switch noise {
    case .fence, .elision, .prompt, .rubyWarning:
      warn(number, noise.message + ": " + Self.preview(text))
    case .heading:
      warn(number, "skipped a comment: " + Self.preview(text))
    case .number, .other:
      if fileName != nil && !sawPreamble && table == nil {
        try bad(number, "not a memory sample: \(Self.preview(text))")
      } else if sawPreamble {
        warn(number, "skipped a line that is not a sample (a log line?): " + Self.preview(text))
      } else if table != nil {
        try bad(number, "not a row of numbers: \(Self.preview(text))")
      } else if pendingText.count < Self.warningLimit {
        pendingText.append((number, Self.preview(text)))
      }
    }
  }
}
