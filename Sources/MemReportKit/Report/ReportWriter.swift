import MemReportCore
/// Options shared by the report writers.
public struct ReportOptions: Sendable {
  /// Rows per section (and string groups per report) to write; `nil` writes all.
  public var top: Int?
  /// Use ANSI colour (text on a terminal only).
  public var colour = false
  /// `--by`: regroup the location rows.
  public var aggregateBy: AggregateKey?
  /// The page templates for HTML output (loaded once, before any report is read).
  public var templates: HTMLTemplates?

  public init(top: Int? = nil, colour: Bool = false, aggregateBy: AggregateKey? = nil, templates: HTMLTemplates? = nil) {
    self.top = top
    self.colour = colour
    self.aggregateBy = aggregateBy
    self.templates = templates
  }
}

/// Writes the reports of one input as they are parsed: `begin`, one `write` per report, `end`.
/// Writers hold no report after `write` returns, so output streams with the input. A writer that
/// cannot write throws (`MemReportError`); the caller discards what was written.
public protocol ReportWriter {
  mutating func begin(source: String, into out: inout some TextOutputStream) throws
  mutating func write(_ profile: Profile, into out: inout some TextOutputStream) throws
  mutating func end(reports: Int, into out: inout some TextOutputStream) throws
  /// The charts drawn, for `--svg DIR`.
  var charts: [SVGChart] { get }
}

extension ReportWriter {
  public var charts: [SVGChart] { [] }
}

extension OutputFormat {
  /// The formats `report` writes.
  public static let reportFormats: [OutputFormat] = [.text, .json, .html]

  /// The `report` writer for this format, if `report` writes it.
  public func reportWriter(options: ReportOptions) -> (any ReportWriter)? {
    switch self {
    case .text: return TextReportWriter(options: options)
    case .json: return JSONReportWriter(options: options)
    case .html: return HTMLReportWriter(options: options)
    default: return nil
    }
  }
}
