import MemReportCore
@testable import MemReportKit

/// The fuzz harnesses' bodies, one per entry point. scripts/fuzz/run builds each into a libFuzzer
/// executable (scripts/fuzz/Sources/<Name>, with MEMREPORT_FUZZ=1); `FuzzSeedTests` runs the
/// committed seeds through the same bodies, so a crash found once stays fixed. A body returns when
/// the input is handled (a `MemReportError` is a handled input) and throws `FuzzFailure` when an
/// output check fails; a trap is a crash.
public enum FuzzHarness {
  /// The harnesses' executable names (and seed folders).
  public static let names = [
    "FuzzProfileParser", "FuzzSeries", "FuzzPatch", "FuzzDiff", "FuzzFilter", "FuzzRequireTree",
    "FuzzHeapDump",
  ]

  /// The body of the harness named `name`. The fuzzer renders each input in the one format its
  /// writer byte picks (rendering every format, a whole page included, is what kept the harnesses
  /// at a few hundred executions a second); `everyWriter` renders it in all of them, as the seed
  /// tests do, so a committed seed checks every writer whatever its writer byte.
  public static func named(_ name: String, everyWriter: Bool = false)
    -> ((UnsafeBufferPointer<UInt8>) throws -> Void)?
  {
    switch name {
    case "FuzzProfileParser": return { try profileParser($0, everyWriter: everyWriter) }
    case "FuzzSeries": return { try series($0, everyWriter: everyWriter) }
    case "FuzzPatch": return patch
    case "FuzzDiff": return { try diff($0, everyWriter: everyWriter) }
    case "FuzzFilter": return { try filter($0, everyWriter: everyWriter) }
    case "FuzzRequireTree": return { try requireTree($0, everyWriter: everyWriter) }
    case "FuzzHeapDump": return { try heapDump($0, everyWriter: everyWriter) }
    default: return nil
    }
  }

  /// The writers an input runs: all of `count`, or the one its writer byte picks.
  static func writers(_ count: Int, byte: UInt8, every: Bool) -> [Int] {
    every ? Array(0..<count) : [Int(byte) % count]
  }

  static let units: [SeriesUnit?] = [nil] + SeriesUnit.allCases

  static let templates: HTMLTemplates? = try? HTMLTemplates.embedded()

  /// memory_profiler reports: the first byte picks options (top, --by, path normalization), the
  /// second a report format (its charts with HTML), the rest is a report. Every input parses or is
  /// refused with a MemReportError, survives the transform and a diff with itself (which changes
  /// nothing), and renders in that format.
  public static func profileParser(_ input: UnsafeBufferPointer<UInt8>, everyWriter: Bool = false)
    throws
  {
    let (flags, writer, bytes) = input.flagsWriterAndRest
    let profiles: [Profile]
    do {
      let transform = ProfileTransform(
        normalizer: PathNormalizer(enabled: flags & 1 == 0, ignoreGemVersions: flags & 2 != 0),
        filter: try FileFilter(ignore: flags & 4 != 0 ? ["gems"] : []))
      profiles = try MemoryProfilerParser.parse(bytes: bytes, path: "fuzz").map {
        transform.apply(to: $0)
      }
    } catch is MemReportError {
      return
    } catch {
      throw FuzzFailure("unexpected error type: \(error)")
    }
    let keys = AggregateKey.allCases
    let by = flags & 8 != 0 ? keys[Int(flags >> 4) % keys.count] : nil
    let options = ReportOptions(
      top: flags & 0x80 != 0 ? nil : 5, aggregateBy: by, templates: templates)
    let formats = OutputFormat.reportFormats
    for index in writers(formats.count, byte: writer, every: everyWriter) {
      let format = formats[index]
      guard var writer = format.reportWriter(options: options) else { continue }
      var sink = StringSink()
      var complete = false
      try expectMemReportError {
        try writer.begin(source: "fuzz", into: &sink)
        for profile in profiles { try writer.write(profile, into: &sink) }
        try writer.end(reports: profiles.count, into: &sink)
        complete = true
      }
      if complete { try checkOutput(sink.text, format: format) }
      for chart in writer.charts { try checkChart(chart) }
    }
    let diff = ProfileDiffBuilder.build(before: profiles, after: profiles)
    for total in diff.totals where (total.delta ?? 0) != 0 {
      throw FuzzFailure("a diff with itself changed \(total.state) \(total.metric)")
    }
  }

  /// memory-over-time series: the first byte picks options (--skip-bad-lines, a unit, --limit, a
  /// derailed file name), the second a trend format or the standalone chart, the rest is up to
  /// three series cut at NUL bytes. Each parses or is refused with a MemReportError; those read are
  /// classified and compared, and written in that format.
  public static func series(_ input: UnsafeBufferPointer<UInt8>, everyWriter: Bool = false) throws {
    let (flags, writer, bytes) = input.flagsWriterAndRest
    let options = MemOverTimeParser.Options(
      unit: units[Int(flags >> 4) % units.count], skipBadLines: flags & 1 != 0)
    // derailed names its files after the Ruby version, test count and start time.
    let path = flags & 2 != 0 ? "ruby_2.7.2-tests_200-time_2020-01-10T13:31:21+00:00.txt" : "fuzz"
    var series: [MemorySeries] = []
    for part in bytes.parts(3) {
      do {
        series.append(try parseSeries(part, path: path, options: options))
      } catch is MemReportError {
      } catch {
        throw FuzzFailure("unexpected error type: \(error)")
      }
    }
    guard !series.isEmpty else { return }
    let report = TrendReport(series: series, limitMiB: flags & 4 != 0 ? 512 : nil)
    let formats = OutputFormat.trendFormats
    for index in writers(formats.count + 1, byte: writer, every: everyWriter) {
      guard index < formats.count else {
        try expectMemReportError { try checkOutput(try TrendSVGWriter().svg(report), format: .svg) }
        continue
      }
      let format = formats[index]
      guard let writer = format.trendWriter(templates: templates) else { continue }
      var sink = StringSink()
      var complete = false
      try expectMemReportError {
        try writer.write(report, into: &sink)
        complete = true
      }
      if complete { try checkOutput(sink.text, format: format) }
    }
  }

  /// Parses one series held in memory, cut into lines as `LineReader` cuts a file.
  static func parseSeries(
    _ bytes: UnsafeBufferPointer<UInt8>, path: String, options: MemOverTimeParser.Options
  ) throws -> MemorySeries {
    var parser = MemOverTimeParser(path: path, options: options)
    var start = 0
    var number = 1
    while start < bytes.count {
      let newline = bytes[start...].firstIndex(of: ASCII.newline)
      let end = newline ?? bytes.count
      try parser.consume(
        UnsafeBufferPointer(rebasing: bytes[start..<end]), number: number,
        terminated: newline != nil)
      start = end + 1
      number += 1
    }
    return try parser.finish()
  }

  /// `--git-diff` patches: the input is a unified diff. It parses or is refused with a
  /// MemReportError; every line at and around each hunk's edges (and the extremes) maps without
  /// trapping, looked up by the patch's own paths and by an absolute path ending in them.
  public static func patch(_ input: UnsafeBufferPointer<UInt8>) throws {
    let map: LineMap
    do {
      map = try LineMap(patch: String(decoding: input, as: UTF8.self), path: "fuzz.patch")
    } catch is MemReportError {
      return
    } catch {
      throw FuzzFailure("unexpected error type: \(error)")
    }
    for file in map.files.prefix(8) {
      var lines = [0, 1, 2, Int.max, Int.min, UnifiedDiffParser.maximumLine + 1]
      for hunk in file.hunks.prefix(16) {
        for edge in [hunk.oldStart, hunk.oldStart &+ hunk.oldCount] {
          lines += [edge &- 1, edge, edge &+ 1]
        }
      }
      for path in [file.oldPath, file.newPath].compactMap({ $0 }) {
        for line in lines {
          for name in [path, "/app/" + path] {
            if case .moved(let to) = map.map(file: name, line: line), to < 1 && line >= 1 {
              throw FuzzFailure("line \(line) of \(name) moved to \(to)")
            }
          }
        }
      }
    }
  }

  /// `diff`: the first byte picks options (file filter, gate, iterations, --root), the second a diff
  /// format or the charts, the rest is cut at NUL bytes into the before report, the after report
  /// and an optional `--git-diff` patch. Inputs that parse are compared as `DiffRun` compares them
  /// and written in that format.
  public static func diff(_ input: UnsafeBufferPointer<UInt8>, everyWriter: Bool = false) throws {
    let (flags, writer, bytes) = input.flagsWriterAndRest
    let parts = bytes.parts(3)
    guard parts.count >= 2 else { return }
    var options = DiffOptions(
      iterationsBefore: flags & 8 != 0 ? 3 : nil, iterationsAfter: flags & 8 != 0 ? 7 : nil)
    let transform: ProfileTransform
    let sides: [[DiffRun.Loaded]]
    do {
      if parts.count == 3 {
        options.lineMap = try LineMap(
          patch: String(decoding: parts[2], as: UTF8.self), path: "fuzz.patch")
      }
      transform = ProfileTransform(
        normalizer: PathNormalizer(root: flags & 16 != 0 ? "/app" : nil),
        filter: try FileFilter(allow: flags & 32 != 0 ? ["app/"] : [], ignore: ["gems"]))
      sides = try parts.prefix(2).map { try load($0, transform: transform) }
    } catch is MemReportError {
      return
    } catch {
      throw FuzzFailure("unexpected error type: \(error)")
    }
    var diff = ProfileDiffBuilder.build(
      before: sides[0].map(\.profile), after: sides[1].map(\.profile), options: options)
    diff.filteredTotals = DiffRun.filteredTotals(sides, perIteration: diff.perIteration)
    diff.overlap = KeyOverlap.analyse(diff) { side, key in
      sides[side].first?.rawNames?.names.first { transform.normalizer.normalize($0) == key }
    }
    var gate: DiffGate?
    try expectMemReportError {
      switch flags & 7 {
      case 1: gate = try DiffGate(limit: "5%")
      case 2: gate = try DiffGate(limit: "100kB", metric: .retainedBytes)
      case 3: gate = try DiffGate(limit: "3", metric: .allocatedObjects)
      case 4:
        gate = try DiffGate(limit: "0.5%")
        gate?.scope = .filtered
      default: gate = nil
      }
    }
    let result = gate?.evaluate(diff)
    if let result, result.delta == nil || result.undecided {
      _ = DiffDocument.gateMessage(result, filters: transform.filter.patterns)
      return
    }
    let context = DiffContext(
      before: ["before.txt"], after: ["after.txt"], top: flags & 64 != 0 ? nil : 5, gate: gate,
      gateResult: result, normalizer: transform.normalizer, filters: transform.filter.patterns,
      patch: parts.count == 3 ? "fuzz.patch" : nil)
    let document = DiffDocument(diff, context: context)
    let formats = OutputFormat.diffFormats
    for index in writers(formats.count + 1, byte: writer, every: everyWriter) {
      guard index < formats.count else {
        for chart in HTMLDiffWriter.charts(diff) { try checkChart(chart) }
        continue
      }
      let format = formats[index]
      guard let writer = format.diffWriter(templates: templates) else { continue }
      var sink = StringSink()
      var complete = false
      try expectMemReportError {
        try writer.write(document, into: &sink)
        complete = true
      }
      if complete { try checkOutput(sink.text, format: format) }
    }
  }

  /// One side as `DiffRun.load` reads it, from memory.
  static func load(_ bytes: UnsafeBufferPointer<UInt8>, transform: ProfileTransform) throws
    -> [DiffRun.Loaded]
  {
    try MemoryProfilerParser.parse(bytes: bytes, path: "fuzz").map { raw in
      let profile = transform.apply(to: raw)
      var loaded = DiffRun.Loaded(
        profile: profile, rawNames: raw.names, normalizer: transform.normalizer)
      for state in AllocationState.allCases {
        for metric in Metric.allCases {
          if let (title, interval) = FilteredTotal.run(
            raw: raw, filtered: profile, state: state, metric: metric)
          {
            loaded.filtered.append((state, metric, title, interval))
          }
        }
      }
      return loaded
    }
  }

  /// `--allow-files` / `--ignore-files`: the first line holds the patterns (tab-separated arguments;
  /// one starting with `!` is an ignore argument, its commas split it as the CLI does), the rest is a
  /// report. Patterns compile or are refused with a MemReportError; the filtered report's totals are
  /// intervals (low <= high) and it writes as text and Markdown.
  public static func filter(_ input: UnsafeBufferPointer<UInt8>, everyWriter: Bool = false) throws {
    let newline = input.firstIndex(of: ASCII.newline) ?? input.count
    let arguments = String(
      decoding: UnsafeBufferPointer(rebasing: input[..<newline]), as: UTF8.self
    )
    .split(separator: "\t", omittingEmptySubsequences: false)
    let filter: FileFilter
    let raws: [Profile]
    do {
      filter = try FileFilter(
        allow: arguments.filter { !$0.hasPrefix("!") }.map(String.init),
        ignore: arguments.filter { $0.hasPrefix("!") }.map { String($0.dropFirst()) })
      let rest = newline < input.count ? newline + 1 : input.count
      raws = try MemoryProfilerParser.parse(bytes: UnsafeBufferPointer(rebasing: input[rest...]))
    } catch is MemReportError {
      return
    } catch {
      throw FuzzFailure("unexpected error type: \(error)")
    }
    let transform = ProfileTransform(filter: filter)
    let profiles = raws.map { transform.apply(to: $0) }
    for (raw, profile) in zip(raws, profiles) {
      for state in AllocationState.allCases {
        for metric in Metric.allCases {
          guard
            let (_, interval) = FilteredTotal.run(
              raw: raw, filtered: profile, state: state, metric: metric)
          else { continue }
          if !(interval.low <= interval.high) && !interval.low.isNaN {
            throw FuzzFailure("filtered total \(interval.low) above its bound \(interval.high)")
          }
        }
      }
    }
    for format in [OutputFormat.text, .markdown] {
      guard var writer = format.reportWriter(options: ReportOptions(top: 5)) else { continue }
      var sink = StringSink()
      var complete = false
      try expectMemReportError {
        try writer.begin(source: "fuzz", into: &sink)
        for profile in profiles { try writer.write(profile, into: &sink) }
        try writer.end(reports: profiles.count, into: &sink)
        complete = true
      }
      if complete { try checkOutput(sink.text, format: format) }
    }
  }

  /// A writer threw something other than a `MemReportError` (a writer may refuse an input, never
  /// fail another way).
  static func expectMemReportError(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch is MemReportError {
    } catch let failure as FuzzFailure {
      throw failure
    } catch {
      throw FuzzFailure("unexpected error type: \(error)")
    }
  }

  /// Checks what a writer made (without colour): HTML and SVG are well-formed XML; Markdown (a PR
  /// comment) and text after the terminal guard hold no control character but newlines.
  static func checkOutput(_ text: String, format: OutputFormat) throws {
    switch format {
    case .html, .svg:
      if !MarkupDocument.isWellFormed(text) {
        throw FuzzFailure("\(format.rawValue) is not well-formed XML")
      }
    case .markdown:
      if let bad = text.unicodeScalars.first(where: { $0 != "\n" && TerminalText.isUnsafe($0) }) {
        throw FuzzFailure("Markdown holds control character U+\(String(bad.value, radix: 16))")
      }
    case .text:
      // Writers run without colour here, so after the terminal guard (what OutputFile applies to
      // text) no escape may remain: an input cannot smuggle a colour sequence either.
      if let bad = TerminalText.forTerminal(text).unicodeScalars.first(where: {
        $0 != "\n" && TerminalText.isUnsafe($0)
      }) {
        throw FuzzFailure("text holds control character U+\(String(bad.value, radix: 16))")
      }
    default: break
    }
  }

  /// A chart (`--svg DIR`) serializes, or refuses with a MemReportError, to well-formed SVG.
  static func checkChart(_ chart: SVGChart) throws {
    try expectMemReportError { try checkOutput(try chart.document(), format: .svg) }
  }
}

/// A harness's check failed: the message says which.
public struct FuzzFailure: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

extension UnsafeBufferPointer where Element == UInt8 {
  /// The input cut at each NUL byte, at most `limit` parts (the last one keeps the rest).
  func parts(_ limit: Int) -> [UnsafeBufferPointer<UInt8>] {
    var parts: [UnsafeBufferPointer<UInt8>] = []
    var start = 0
    while parts.count < limit - 1, let nul = self[start...].firstIndex(of: 0) {
      parts.append(UnsafeBufferPointer(rebasing: self[start..<nul]))
      start = nul + 1
    }
    parts.append(UnsafeBufferPointer(rebasing: self[start...]))
    return parts
  }

  /// The first byte as option bits, the second as the writer to run (0 for a missing byte), and
  /// the rest.
  var flagsWriterAndRest: (UInt8, UInt8, UnsafeBufferPointer<UInt8>) {
    let start = Swift.min(count, 2)
    return (
      isEmpty ? 0 : self[0], count < 2 ? 0 : self[1],
      UnsafeBufferPointer(rebasing: self[start...])
    )
  }
}
