import MemReportCore
/// Writes the reports of one input as they are parsed: `begin`, one `write` per report, `end`.
/// Writers hold no report after `write` returns, so output streams with the input. A writer that
/// cannot write throws (`MemReportError`); the caller discards what was written.
package protocol ReportWriter {
  mutating func begin(source: String, into out: inout some TextOutputStream) throws
  mutating func write(_ profile: Profile, into out: inout some TextOutputStream) throws
  mutating func end(reports: Int, into out: inout some TextOutputStream) throws
  /// The charts drawn, for `--svg DIR`.
  var charts: [SVGChart] { get }
}

extension ReportWriter {
  package var charts: [SVGChart] { [] }
}

extension OutputFormat {
  /// The formats `report` writes.
  package static let reportFormats: [OutputFormat] = [.text, .json, .html, .markdown, .csv]

  /// The `report` writer for this format, if `report` writes it.
  package func reportWriter(options: ReportOptions) -> (any ReportWriter)? {
    switch self {
    case .text: return TextReportWriter(options: options)
    case .json: return JSONReportWriter(options: options)
    case .html: return HTMLReportWriter(options: options)
    case .markdown: return MarkdownReportWriter(options: options)
    case .csv: return CSVReportWriter()
    default: return nil
    }
  }
}
