import MemReportCore
/// `memreport trend` as one library call: read every series, analyse and compare them, and write
/// the result where it was asked for (a file appears whole or not at all).
public struct TrendRun {
  public var inputs: [String]
  public var format: OutputFormat
  /// The output path; `nil` or `-` for standard output.
  public var output: String?
  public var parseOptions: MemOverTimeParser.Options
  /// `--limit`, MiB.
  public var limitMiB: Double?
  /// Colour text output (a terminal only).
  public var colour: Bool
  /// HTML templates (for `--format html`).
  public var templates: HTMLTemplates?
  /// `--svg DIR`: also write the chart as a standalone `.svg` file there.
  public var svgDirectory: String?
  /// `--label NAME=FILE`: names for inputs, by path as given in `inputs`.
  public var labels: [String: String] = [:]
  /// `--baseline FILE`: the input the others are compared with (read first; it need not be in
  /// `inputs`). Without it several inputs are independent, unless exactly two are labelled
  /// `before` and `after`.
  public var baseline: String?

  public init(
    inputs: [String], format: OutputFormat, output: String? = nil,
    parseOptions: MemOverTimeParser.Options = .init(), limitMiB: Double? = nil, colour: Bool = false
  ) {
    self.inputs = inputs
    self.format = format
    self.output = output
    self.parseOptions = parseOptions
    self.limitMiB = limitMiB
    self.colour = colour
  }

  /// Reads one input.
  /// - Throws: `MemReportError` (cannot open, unusable input).
  public static func read(_ path: String, options: MemOverTimeParser.Options = .init()) throws
    -> MemorySeries
  {
    let input = try InputFile.open(path)
    defer { input.close() }
    return try InputRegistry.seriesReader(for: input).read(input, options: options)
  }

  /// Runs the command.
  /// - Parameter onSeries: called with each series once read (for its warnings on standard error).
  /// - Returns: the report written.
  /// - Throws: `MemReportError`; every input is read before the output is created, and no output
  ///   file is left behind when writing fails.
  @discardableResult
  public func run(onSeries: (MemorySeries) -> Void = { _ in }) throws -> TrendReport {
    guard let writer = format.trendWriter(colour: colour, templates: templates) else {
      throw MemReportError.usage(
        "'trend' writes \(OutputFormat.trendFormats.map(\.rawValue).joined(separator: ", ")), not \(format.rawValue)"
      )
    }
    if let svgDirectory { try SVGFiles.prepare(svgDirectory) }
    var series: [MemorySeries] = []
    var baselineIndex: Int?
    var paths = inputs
    if let baseline {
      paths.removeAll { $0 == baseline }
      paths.insert(baseline, at: 0)
      baselineIndex = 0
    }
    for path in paths {
      var s = try Self.read(path, options: parseOptions)
      s.label = labels[path]
      onSeries(s)
      // Several runs pasted into one input are analysed one by one.
      series += s.splitRuns()
    }
    let report = TrendReport(series: series, limitMiB: limitMiB, baseline: baselineIndex)
    let out = try OutputFile.create(output ?? "-")
    out.showsControlCharacters = format == .text
    var stream = out
    do {
      try writer.write(report, into: &stream)
      try out.commit()
      if let svgDirectory {
        let svg = try TrendSVGWriter().svg(report)
        try SVGFiles.write(named: "trend", document: svg, to: svgDirectory)
      }
    } catch {
      out.discard()
      throw error
    }
    return report
  }
}
