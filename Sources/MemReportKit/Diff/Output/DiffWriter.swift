import MemReportCore
/// Lays out a diff's document in one format.
package protocol DiffWriter {
  /// - Throws: `MemReportError` when the output cannot be made (a template that does not render);
  ///   what was written so far is then to be discarded.
  func write(_ document: DiffDocument, into out: inout some TextOutputStream) throws
}

extension DiffWriter {
  /// Builds the diff's document and writes it.
  package func write(
    _ diff: ProfileDiff, context: DiffContext, into out: inout some TextOutputStream
  ) throws {
    try write(DiffDocument(diff, context: context), into: &out)
  }
}

extension OutputFormat {
  /// The formats `diff` writes.
  package static let diffFormats: [OutputFormat] = [.text, .json, .markdown, .html, .csv]

  /// The `diff` writer for this format, if `diff` writes it.
  package func diffWriter(templates: HTMLTemplates? = nil) -> (any DiffWriter)? {
    switch self {
    case .text: return DiffTextWriter()
    case .json: return DiffJSONWriter()
    case .markdown: return DiffMarkdownWriter()
    case .html: return HTMLDiffWriter(templates: templates)
    case .csv: return DiffCSVWriter()
    default: return nil
    }
  }
}
