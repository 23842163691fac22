/// `memreport diff` as one library call: read both sides, normalize and filter them the same way,
/// compare, write the result, and judge the gate.
public struct DiffRun {
  public var before: [String]
  public var after: [String]
  public var format: OutputFormat
  public var output: String?
  public var transform: ProfileTransform
  public var options: DiffOptions
  public var gate: DiffGate?
  public var top: Int?
  /// A `git diff -U0` patch file.
  public var patch: String?

  public init(
    before: [String], after: [String], format: OutputFormat, output: String?, transform: ProfileTransform,
    options: DiffOptions = DiffOptions(), gate: DiffGate? = nil, top: Int? = nil, patch: String? = nil
  ) {
    self.before = before
    self.after = after
    self.format = format
    self.output = output
    self.transform = transform
    self.options = options
    self.gate = gate
    self.top = top
    self.patch = patch
  }

  /// Runs the diff. The output is written even when the gate fails; the caller turns a failed
  /// gate into exit code 1.
  /// - Parameter onReport: called with each input's path and each report read from it (warnings).
  /// - Returns: the diff and the gate's verdict, if a gate was given.
  /// - Throws: `MemReportError`; no output file is left behind when it throws.
  @discardableResult
  public func run(onReport: (String, Profile) -> Void = { _, _ in }) throws -> (ProfileDiff, DiffGate.Result?) {
    guard let writer = format.diffWriter() else {
      throw MemReportError.usage("'diff' writes \(OutputFormat.diffFormats.map(\.rawValue).joined(separator: ", ")), not \(format.rawValue)")
    }
    var options = self.options
    if let patch {
      let file = try InputFile.open(patch)
      defer { file.close() }
      let text = String(decoding: try file.readAll(), as: UTF8.self)
      options.lineMap = LineMap(try UnifiedDiffParser.parse(text, path: patch))
    }
    let beforeRuns = try load(before, onReport: onReport)
    let afterRuns = try load(after, onReport: onReport)
    let diff = ProfileDiffBuilder.build(before: beforeRuns, after: afterRuns, options: options)
    let result = gate?.evaluate(diff)
    let context = DiffContext(
      before: before, after: after, top: top, gate: gate, gateResult: result,
      normalizer: transform.normalizer, filters: transform.filter.patterns, patch: patch)
    let out = try OutputFile.create(output ?? "-")
    var stream = out
    writer.write(diff, context: context, into: &stream)
    try out.commit()
    return (diff, result)
  }

  /// Every report of every file of one side, transformed.
  private func load(_ paths: [String], onReport: (String, Profile) -> Void) throws -> [Profile] {
    var runs: [Profile] = []
    for path in paths {
      let file = try InputFile.open(path)
      defer { file.close() }
      var reports: [Profile] = []
      try MemoryProfilerParser.parse(file) { reports.append($0) }
      for report in reports {
        let profile = transform.isIdentity ? report : transform.apply(to: report)
        onReport(path, profile)
        runs.append(profile)
      }
    }
    return runs
  }
}
