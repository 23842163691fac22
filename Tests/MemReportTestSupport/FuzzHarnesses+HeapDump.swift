import MemReportCore
@testable import MemReportKit

extension FuzzHarness {
  /// Heap dumps (issue 13): the first byte picks options (measurement counted, heapy lines), the
  /// second the writers (one summary format, one leak-set format), the rest is one to three dumps
  /// cut at NUL bytes. Each dump is summarised (or refused with a
  /// MemReportError) and its profile written as text and Markdown; two or more are a leak set whose
  /// every writer runs. Checks: the summary's total is the sum of its type rows; the leak set is
  /// no larger than the last heap by objects; a dump against itself leaks nothing.
  public static func heapDump(_ input: UnsafeBufferPointer<UInt8>, everyWriter: Bool = false) throws
  {
    let (flags, writer, rest) = input.flagsWriterAndRest
    let dumps = rest.parts(3).map { Array($0) }
    let include = flags & 1 != 0
    for dump in dumps {
      var summary = HeapSummary()
      do {
        summary.stats = try HeapDumpParser.parse(bytes: dump, path: "fuzz") { record, p, _ in
          summary.add(record, p)
        }
      } catch is MemReportError {
        return
      } catch {
        throw FuzzFailure("unexpected error type: \(error)")
      }
      let profile = summary.profile(includeMeasurement: include)
      let types = profile.section(SectionTitle(.allocated, .objects, .type))?.rows ?? []
      let sum = types.reduce(Int64(0)) { $0 &+ $1.value }
      if sum != profile.totals.allocated.objects ?? 0 {
        throw FuzzFailure(
          "type rows add up to \(sum), not the total \(profile.totals.allocated.objects ?? 0)")
      }
      // Text, Markdown and JSON of the summary (the page and CSV share their model with reports).
      let reportFormats = [OutputFormat.text, .markdown, .json]
      for format in writers(reportFormats.count, byte: writer, every: everyWriter).map({
        reportFormats[$0]
      }) {
        guard var writer = format.reportWriter(options: ReportOptions(top: 5)) else { continue }
        var sink = StringSink()
        var complete = false
        try expectMemReportError {
          try writer.begin(source: "fuzz", into: &sink)
          try writer.write(profile, into: &sink)
          try writer.end(reports: 1, into: &sink)
          complete = true
        }
        if complete { try checkOutput(sink.text, format: format) }
      }
    }
    let sets = dumps.count >= 2 ? [dumps, [dumps[0], dumps[0]]] : [[dumps[0], dumps[0]]]
    for (i, set) in sets.enumerated() {
      let leaks: LeakSet
      do {
        leaks = try LeakSet.read(dumps: set)
      } catch is MemReportError {
        continue
      }
      let analysis = LeakAnalysis(leaks, includeMeasurement: include)
      // A dump leaks nothing against itself, unless an address repeats (a corrupt dump: the later
      // record wins).
      if i == 1 || dumps.count == 1, analysis.total.objects != 0, !(try repeatsAddress(set[0])) {
        throw FuzzFailure("a dump against itself leaks \(analysis.total.objects) objects")
      }
      let document = LeakDocument(analysis)
      for format in writers(LeaksRun.formats.count, byte: writer >> 2, every: everyWriter).map({
        LeaksRun.formats[$0]
      }) {
        var sink = StringSink()
        switch format {
        case .json: LeakJSONWriter.write(document, gate: nil, into: &sink)
        case .markdown: LeakMarkdownWriter.write(document, top: 5, gate: nil, into: &sink)
        case .csv: LeakCSVWriter.write(document, into: &sink)
        case .html:
          guard let templates else { continue }
          try LeakHTMLWriter.write(document, gate: nil, templates: templates, into: &sink)
          for chart in LeakHTMLWriter.charts(document) { try checkChart(chart) }
        default: LeakTextWriter.write(document, top: 5, into: &sink)
        }
        try checkOutput(sink.text, format: format)
      }
      if flags & 2 != 0 { _ = analysis.heapyLines }
    }
  }

  static func repeatsAddress(_ dump: [UInt8]) throws -> Bool {
    var seen: Set<UInt64> = []
    var repeated = false
    _ = try HeapDumpParser.parse(bytes: dump, path: "fuzz") { record, p, _ in
      if let address = record.address(p), !seen.insert(address).inserted { repeated = true }
    }
    return repeated
  }
}
