import MemReportCore

/// `--fail-on-retained LIMIT`: fails when the leak set holds more than LIMIT bytes (`1MB`, `500kB`)
/// or more than LIMIT percent of the last heap (`5%`).
public struct LeakGate: Sendable {
  public struct Result: Sendable {
    public var passed: Bool
    public var limit: String
    public var bytes: Int64
    public var share: String
  }

  public var limit: DiffGate.Limit
  public var text: String

  public init(limit text: String) throws {
    limit = try DiffGate(limit: text, metric: .allocatedBytes).limit
    self.text = text
  }

  public func evaluate(_ analysis: LeakAnalysis) -> Result {
    let bytes = analysis.total.bytes
    let over: Bool
    switch limit {
    case .percent(let p):
      over =
        analysis.heap.bytes > 0 ? Double(bytes) / Double(analysis.heap.bytes) * 100 > p : bytes > 0
    case .amount(let limit): over = Double(bytes) > limit
    }
    return Result(
      passed: !over, limit: text, bytes: bytes,
      share: Units.percentage(bytes, of: analysis.heap.bytes))
  }

  /// `the leak set holds 105 kB (3.9% of the heap), over the limit 100kB`.
  public static func message(_ r: Result) -> String {
    "the leak set holds \(Units.bytes(r.bytes)) (\(r.share) of the last heap), "
      + (r.passed ? "within the limit \(r.limit)" : "over the limit \(r.limit)")
  }
}

/// `memreport leaks D0 D1 [D2 …]` as one library call.
public struct LeaksRun {
  public static let formats: [OutputFormat] = [.text, .json, .markdown, .csv, .html]
  public var dumps: [String]
  public var format: OutputFormat
  public var output: String?
  public var top: Int?
  public var heapy = false
  public var includeMeasurement = false
  public var gate: LeakGate?
  /// Also write the charts as `.svg` files here.
  public var svgDirectory: String?
  /// The HTML templates (loaded once).
  public var templates: HTMLTemplates?

  public init(dumps: [String], format: OutputFormat, output: String?) {
    self.dumps = dumps
    self.format = format
    self.output = output
  }

  /// Reads the dumps, writes the answer.
  /// - Returns: the gate's result, when there is a gate.
  /// - Throws: `MemReportError`; no output file is left behind when it throws.
  public func run(progress: ((Int) -> Void)? = nil) throws -> LeakGate.Result? {
    guard Self.formats.contains(format) else {
      throw MemReportError.usage(
        "'leaks' writes \(Self.formats.map(\.rawValue).joined(separator: ", ")), not \(format.rawValue)"
      )
    }
    if heapy && !(2...3).contains(dumps.count) {
      throw MemReportError.usage("heapy's diff takes two or three dumps, not \(dumps.count)")
    }
    let set = try LeakSet.read(dumps, progress: progress)
    let analysis = LeakAnalysis(set, includeMeasurement: includeMeasurement)
    let document = LeakDocument(analysis)
    let result = gate.map { $0.evaluate(analysis) }
    if let svgDirectory { try SVGFiles.write(LeakHTMLWriter.charts(document), to: svgDirectory) }
    let out = try OutputFile.create(output ?? "-")
    out.showsControlCharacters = format == .text
    var stream = out
    do {
      if heapy {
        LeakHeapyWriter.write(analysis, into: &stream)
      } else {
        switch format {
        case .json: LeakJSONWriter.write(document, gate: result, into: &stream)
        case .markdown:
          LeakMarkdownWriter.write(document, top: top ?? 10, gate: result, into: &stream)
        case .csv: LeakCSVWriter.write(document, into: &stream)
        case .html:
          try LeakHTMLWriter.write(
            document, gate: result, templates: templates ?? HTMLTemplates.embedded(), into: &stream)
        default: LeakTextWriter.write(document, top: top ?? 10, into: &stream)
        }
      }
      try out.commit()
    } catch {
      out.discard()
      throw error
    }
    return result
  }
}
