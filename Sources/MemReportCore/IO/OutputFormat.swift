/// The formats memreport writes. Each feature lists the ones it writes.
public enum OutputFormat: String, CaseIterable, Sendable {
  case text, json, markdown, svg, html, csv

  /// The format a file name asks for (`report.json`), if its extension names one.
  public init?(pathExtensionOf path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "json": self = .json
    case "txt", "text", "log": self = .text
    case "md", "markdown": self = .markdown
    case "svg": self = .svg
    case "html", "htm": self = .html
    case "csv": self = .csv
    default: return nil
    }
  }
}
