import MemReportCore

/// Options of `report` on require trees.
public struct BootReportOptions: Sendable {
  /// Show only requires of at least this many MiB (with their subtrees); `nil`: text and Markdown
  /// 0.5 MiB, the other formats every require.
  public var minCostMiB: Double?
  /// The HTML templates (loaded once).
  public var templates: HTMLTemplates?

  public init(minCostMiB: Double? = nil, templates: HTMLTemplates? = nil) {
    self.minCostMiB = minCostMiB
    self.templates = templates
  }

  /// The threshold for `format`.
  func threshold(_ format: OutputFormat) -> Double? {
    if let minCostMiB { return minCostMiB }
    return format == .text || format == .markdown ? 0.5 : nil
  }
}

/// `memreport report TREE` as one library call: read every tree of the input, write the report.
public struct BootReportRun {
  public static let formats: [OutputFormat] = [.text, .json, .markdown, .html, .csv]
  public var input: String
  public var format: OutputFormat
  public var output: String?
  public var options: BootReportOptions
  /// `FILE#N` / `--report N`: only the Nth tree of the input.
  public var tree: Int?

  public init(input: String, format: OutputFormat, output: String?, options: BootReportOptions) {
    self.input = input
    self.format = format
    self.output = output
    self.options = options
  }

  /// Reads and writes.
  /// - Returns: the input's warnings (for standard error).
  /// - Throws: `MemReportError`; no output file is left behind when it throws.
  @discardableResult
  public func run(progress: ((Int) -> Void)? = nil) throws -> [ParseWarning] {
    guard Self.formats.contains(format) else {
      throw MemReportError.usage(
        "'report' on a require tree writes \(Self.formats.map(\.rawValue).joined(separator: ", ")), not \(format.rawValue)"
      )
    }
    let file = try InputFile.open(input)
    defer { file.close() }
    var parsed = try RequireTreeReader.read(file, progress: progress)
    if let tree {
      guard tree <= parsed.trees.count else {
        throw MemReportError.usage(
          "\(input) holds \(Units.counted(parsed.trees.count, "require tree")); there is no tree \(tree)"
        )
      }
      parsed.trees = [parsed.trees[tree - 1]]
    }
    let document = BootReportDocument(parsed)
    let out = try OutputFile.create(output ?? "-")
    out.showsControlCharacters = format == .text
    var stream = out
    do {
      let threshold = options.threshold(format)
      switch format {
      case .json: BootReportJSONWriter.write(document, into: &stream)
      case .markdown: BootReportMarkdownWriter.write(document, threshold: threshold, into: &stream)
      case .csv: BootReportCSVWriter.write(document, into: &stream)
      case .html:
        try BootReportHTMLWriter.write(
          document, templates: options.templates ?? HTMLTemplates.embedded(), into: &stream)
      default: BootReportTextWriter.write(document, threshold: threshold, into: &stream)
      }
      try out.commit()
    } catch {
      out.discard()
      throw error
    }
    return parsed.warnings
  }
}

extension BootDiffRun {
  /// The gate's result in words, for standard error.
  public static func gateMessage(_ result: BootGate.Result) -> String {
    BootDiffDocument.gateMessage(result)
  }
}

/// `memreport diff BEFORE AFTER` (or `--before a1 a2 --after b1 b2`) on require trees.
public struct BootDiffRun {
  public static let formats: [OutputFormat] = [.text, .json, .markdown, .html, .csv]
  public var before: [String]
  public var after: [String]
  public var format: OutputFormat
  public var output: String?
  public var gate: BootGate?
  public var top: Int?
  public var templates: HTMLTemplates?

  public init(
    before: [String], after: [String], format: OutputFormat, output: String?, gate: BootGate?,
    top: Int? = nil, templates: HTMLTemplates? = nil
  ) {
    self.before = before
    self.after = after
    self.format = format
    self.output = output
    self.gate = gate
    self.top = top
    self.templates = templates
  }

  /// Reads every input (each may hold several runs), diffs, writes.
  /// - Parameter onInput: each input's path and warnings, once read.
  /// - Returns: the diff and the gate's result.
  /// - Throws: `MemReportError`; no output file is left behind when it throws.
  public func run(onInput: (String, [ParseWarning]) -> Void = { _, _ in }) throws -> (
    BootDiff, BootGate.Result?
  ) {
    guard Self.formats.contains(format) else {
      throw MemReportError.usage(
        "'diff' on require trees writes \(Self.formats.map(\.rawValue).joined(separator: ", ")), not \(format.rawValue)"
      )
    }
    func read(_ paths: [String]) throws -> [RequireTree] {
      var trees: [RequireTree] = []
      for argument in paths {
        // `both.txt#2`: only the second tree (run) of the file.
        let selection = try ReportSelection(argument: argument)
        let path = selection.path
        let file = try InputFile.open(path)
        defer { file.close() }
        if try !RequireTreeReader.claims(file), let model = try InputRegistry.model(of: file),
          model != .requireTrees
        {
          throw MemReportError.unusableInput(
            path: path, line: nil,
            reason:
              "the other inputs are derailed require trees, but this is not one; diff compares like with like"
          )
        }
        let parsed = try RequireTreeReader.read(file, progress: nil)
        onInput(path, parsed.warnings)
        if let n = selection.report {
          guard n <= parsed.trees.count else {
            throw MemReportError.usage(
              "\(path) holds \(Units.counted(parsed.trees.count, "require tree")); there is no tree \(n)"
            )
          }
          trees.append(parsed.trees[n - 1])
        } else {
          trees += parsed.trees
        }
      }
      return trees
    }
    let beforeTrees = try read(before)
    let afterTrees = try read(after)
    let diff = BootDiff(before: beforeTrees, after: afterTrees)
    let result = gate?.evaluate(diff)
    let document = BootDiffDocument(
      diff, before: before, after: after, beforeTrees: beforeTrees, afterTrees: afterTrees,
      gate: result)
    let out = try OutputFile.create(output ?? "-")
    out.showsControlCharacters = format == .text
    var stream = out
    do {
      switch format {
      case .json: BootDiffJSONWriter.write(document, into: &stream)
      case .markdown: BootDiffMarkdownWriter.write(document, top: top, into: &stream)
      case .csv: BootDiffCSVWriter.write(document, into: &stream)
      case .html:
        try BootDiffHTMLWriter.write(
          document, top: top, templates: templates ?? HTMLTemplates.embedded(), into: &stream)
      default: BootDiffTextWriter.write(document, top: top, into: &stream)
      }
      try out.commit()
    } catch {
      out.discard()
      throw error
    }
    return (diff, result)
  }
}
