import MemReportCore
/// What a diff writer needs besides the diff: the inputs, options, and the gate's verdict.
public struct DiffContext: Sendable {
  public var before: [String]
  public var after: [String]
  /// Rows per section to show in full (text, Markdown top movers); `nil`: the writer's default.
  public var top: Int?
  public var gate: DiffGate?
  public var gateResult: DiffGate.Result?
  /// How paths were normalized and filtered (from the first report).
  public var normalizer: PathNormalizer?
  public var filters: [FileFilter.Pattern]
  /// A `--git-diff` patch was used.
  public var patch: String?

  public init(
    before: [String], after: [String], top: Int? = nil, gate: DiffGate? = nil,
    gateResult: DiffGate.Result? = nil, normalizer: PathNormalizer? = nil,
    filters: [FileFilter.Pattern] = [], patch: String? = nil
  ) {
    self.before = before
    self.after = after
    self.top = top
    self.gate = gate
    self.gateResult = gateResult
    self.normalizer = normalizer
    self.filters = filters
    self.patch = patch
  }

  /// Notes on how the comparison was made, for every format.
  public func notes(_ diff: ProfileDiff) -> [String] {
    var notes: [String] = []
    if diff.runs.before > 1 || diff.runs.after > 1 {
      notes.append("\(diff.runs.before) run(s) before, \(diff.runs.after) after: values are medians; a change is real only when the min–max ranges do not overlap")
    }
    if let runs = diff.perIteration {
      notes.append("compared per iteration: before ran \(runs.before) times, after \(runs.after)")
    }
    if let patch {
      notes.append("line numbers mapped through \(patch): \(diff.linesMoved) moved, \(diff.linesEdited) edited")
    }
    if let normalizer { notes.append("paths: " + normalizer.summary) }
    if !filters.isEmpty {
      notes.append("filters: " + filters.map { "--\($0.kind.rawValue)-files \($0.text)" }.joined(separator: ", ") + " (totals, gem and class rows are not filtered)")
    }
    return notes
  }
}

/// Writes a `ProfileDiff` in one format.
public protocol DiffWriter {
  /// - Throws: `MemReportError` when the output cannot be made (a template that does not render);
  ///   what was written so far is then to be discarded.
  func write(_ diff: ProfileDiff, context: DiffContext, into out: inout some TextOutputStream) throws
}

extension OutputFormat {
  /// The formats `diff` writes.
  public static let diffFormats: [OutputFormat] = [.text, .json, .markdown, .html]

  /// The `diff` writer for this format, if `diff` writes it.
  public func diffWriter(templates: HTMLTemplates? = nil) -> (any DiffWriter)? {
    switch self {
    case .text: return DiffTextWriter()
    case .json: return DiffJSONWriter()
    case .markdown: return DiffMarkdownWriter()
    case .html: return HTMLDiffWriter(templates: templates)
    default: return nil
    }
  }
}
