import MemReportCore
/// `memreport report` as one library call: read an input, stream its reports through a writer,
/// and put the result where it was asked for.
public struct ReportRun {
  public var input: String
  public var format: OutputFormat
  public var options: ReportOptions
  /// The output path; `nil` or `-` for standard output.
  public var output: String?
  /// Path normalization and file filters, applied to every report before it is written.
  public var transform: ProfileTransform
  /// `--svg DIR`: also write each chart as a standalone `.svg` file there.
  public var svgDirectory: String?
  /// `--report N`: write only the input's Nth report (`input` may also say `FILE#N`).
  public var report: Int?

  public init(
    input: String, format: OutputFormat, options: ReportOptions, output: String?,
    transform: ProfileTransform
  ) {
    self.input = input
    self.format = format
    self.options = options
    self.output = output
    self.transform = transform
  }

  /// Runs the report.
  /// - Parameters:
  ///   - onReport: called with each report once it is written (for warnings on standard error).
  ///   - progress: bytes read so far, after each chunk.
  /// - Returns: the number of reports written (one when a report was selected).
  /// - Throws: `MemReportError`; no output file is left behind when it throws.
  @discardableResult
  public func run(
    onReport: @escaping (Profile) -> Void = { _ in }, progress: ((Int) -> Void)? = nil
  ) throws -> Int {
    guard var writer = format.reportWriter(options: options) else {
      throw MemReportError.usage(
        "'report' writes \(OutputFormat.reportFormats.map(\.rawValue).joined(separator: " or ")), not \(format.rawValue)"
      )
    }
    if let svgDirectory { try SVGFiles.prepare(svgDirectory) }
    let selection = try ReportSelection(argument: input, report: report)
    let file = try InputFile.open(selection.path)
    defer { file.close() }
    _ = try InputRegistry.profileReader(for: file)
    let out = try OutputFile.create(output ?? "-")
    out.showsControlCharacters = format == .text
    var stream = out
    do {
      try writer.begin(source: selection.path, into: &stream)
      let transform = self.transform
      var written = 0
      // `--svg DIR` with another format than HTML: the charts the page would show.
      var charts: [SVGChart] = []
      let chartsBesides = svgDirectory != nil && format != .html
      let options = self.options
      try selection.read(file, progress: progress) { parsed in
        written += 1
        var profile = parsed
        if transform.isIdentity {
          profile.normalizer = transform.normalizer
        } else {
          profile = transform.apply(to: parsed)
        }
        try writer.write(profile, into: &stream)
        // Like the page, the charts of the first `pageReports` reports: a log of thousands of
        // runs would otherwise hold every chart until the end.
        if chartsBesides && written <= HTMLReportWriter.pageReports {
          charts += try HTMLReportWriter.charts(
            of: profile, source: selection.path, options: options)
        }
        onReport(profile)
      }
      try writer.end(reports: written, into: &stream)
      try out.commit()
      if let svgDirectory { try SVGFiles.write(writer.charts + charts, to: svgDirectory) }
      return written
    } catch {
      out.discard()
      throw error
    }
  }
}

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
  /// `--quiet`: warnings are not printed, so the text report does not point to them either.
  public var quiet = false

  public init(
    top: Int? = nil, colour: Bool = false, aggregateBy: AggregateKey? = nil,
    quiet: Bool = false, templates: HTMLTemplates? = nil
  ) {
    self.top = top
    self.colour = colour
    self.aggregateBy = aggregateBy
    self.quiet = quiet
    self.templates = templates
  }
}
