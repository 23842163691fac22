import MemReportCore
/// Writes a whole `TrendReport` in one format.
package protocol TrendWriter {
  func write(_ report: TrendReport, into out: inout some TextOutputStream) throws
}

extension OutputFormat {
  /// The formats `trend` writes.
  package static let trendFormats: [OutputFormat] = [.text, .json, .markdown, .svg, .html]

  /// The `trend` writer for this format, if `trend` writes it.
  package func trendWriter(colour: Bool = false, templates: HTMLTemplates? = nil) -> (
    any TrendWriter
  )? {
    switch self {
    case .html: return HTMLTrendWriter(templates: templates)
    case .text: return TrendTextWriter(colour: colour)
    case .json: return TrendJSONWriter()
    case .markdown: return TrendMarkdownWriter()
    case .svg: return TrendSVGWriter()
    case .csv: return nil
    }
  }
}
