import MemReportCore
@testable import MemReportKit

extension FuzzHarness {
  /// derailed require trees (issue 12): the first byte picks options (a `--min-cost`, a gate), the
  /// rest is one input, or two cut at the first NUL byte (before and after). Every input parses or
  /// is refused with a MemReportError; its report renders in every format (HTML only for small
  /// inputs); a diff of a side with itself changes nothing; the diff of the two sides renders in
  /// every format and the gate decides.
  public static func requireTree(_ input: UnsafeBufferPointer<UInt8>, everyWriter: Bool = false)
    throws
  {
    let flags = input.first ?? 0
    let rest = UnsafeBufferPointer(rebasing: input[Swift.min(input.count, 1)...])
    let parts = rest.parts(2)
    var sides: [RequireTreeInput] = []
    for part in parts {
      do {
        sides.append(try RequireTreeParser.parse(bytes: Array(part), source: "fuzz"))
      } catch is MemReportError {
        return
      } catch {
        throw FuzzFailure("unexpected error type: \(error)")
      }
    }
    let threshold: Double? = flags & 1 != 0 ? Double(flags >> 4) / 4 : nil
    let report = BootReportDocument(sides[0])
    // One report format and one diff format per execution, picked by the input's bytes (the
    // seeds keep their one option byte); every format for the seed tests.
    let sum = input.reduce(0) { $0 &+ Int($1) }
    let reportFormats = writers(
      BootReportRun.formats.count, byte: UInt8(sum & 0xFF), every: everyWriter
    )
    .map { BootReportRun.formats[$0] }
    for format in reportFormats {
      if format == .html && !rendersHTML(input) { continue }
      var sink = StringSink()
      var complete = false
      try expectMemReportError {
        switch format {
        case .json: BootReportJSONWriter.write(report, into: &sink)
        case .markdown: BootReportMarkdownWriter.write(report, threshold: threshold, into: &sink)
        case .csv: BootReportCSVWriter.write(report, into: &sink)
        case .html:
          guard let templates else { return }
          try BootReportHTMLWriter.write(report, templates: templates, into: &sink)
        default: BootReportTextWriter.write(report, threshold: threshold, into: &sink)
        }
        complete = true
      }
      if complete { try checkOutput(sink.text, format: format) }
    }
    for block in report.trees {
      if let chart = BootCharts.icicle(block.analysis) { try checkChart(chart) }
    }
    let same = BootDiff(before: sides[0].trees, after: sides[0].trees)
    if same.top.deltaKiB != 0 || same.rows.contains(where: { $0.status != .same }) {
      throw FuzzFailure("a require-tree diff with itself changed something")
    }
    let after = sides.count > 1 ? sides[1].trees : sides[0].trees
    let diff = BootDiff(before: sides[0].trees, after: after)
    let gate = flags & 2 != 0 ? try? BootGate(limit: flags & 4 != 0 ? "5%" : "2MiB") : nil
    let document = BootDiffDocument(
      diff, before: ["a"], after: ["b"], beforeTrees: sides[0].trees, afterTrees: after,
      gate: gate?.evaluate(diff))
    let diffFormats = writers(
      BootDiffRun.formats.count, byte: UInt8((sum >> 8) & 0xFF), every: everyWriter
    ).map { BootDiffRun.formats[$0] }
    for format in diffFormats {
      if format == .html && !rendersHTML(input) { continue }
      var sink = StringSink()
      var complete = false
      try expectMemReportError {
        switch format {
        case .json: BootDiffJSONWriter.write(document, into: &sink)
        case .markdown: BootDiffMarkdownWriter.write(document, top: nil, into: &sink)
        case .csv: BootDiffCSVWriter.write(document, into: &sink)
        case .html:
          guard let templates else { return }
          try BootDiffHTMLWriter.write(document, top: nil, templates: templates, into: &sink)
        default: BootDiffTextWriter.write(document, top: nil, into: &sink)
        }
        complete = true
      }
      if complete { try checkOutput(sink.text, format: format) }
    }
    if let chart = BootCharts.movers(document) { try checkChart(chart) }
  }

  /// Whether a require-tree input renders HTML too: small inputs always, larger ones one in 16
  /// (a page per execution kept the harness slow). Its seeds keep their one option byte.
  static func rendersHTML(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    input.count <= 512 || input.reduce(0) { $0 &+ Int($1) } % 16 == 0
  }
}
