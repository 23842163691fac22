import Dispatch
import MemReportCore

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
  /// HTML templates (for `--format html`).
  public var templates: HTMLTemplates?
  /// `--svg DIR`: also write each chart as a standalone `.svg` file there.
  public var svgDirectory: String?

  public init(
    before: [String], after: [String], format: OutputFormat, output: String?,
    transform: ProfileTransform,
    options: DiffOptions = DiffOptions(), gate: DiffGate? = nil, top: Int? = nil,
    patch: String? = nil
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
  /// - Returns: the diff and the gate's verdict, if a gate was given (`DiffDocument.gateMessage`
  ///   words it).
  /// - Throws: `MemReportError`; no output file is left behind when it throws.
  @discardableResult
  public func run(onReport: (String, Profile) -> Void = { _, _ in }) throws -> (
    ProfileDiff, DiffGate.Result?
  ) {
    guard let writer = format.diffWriter(templates: templates) else {
      throw MemReportError.usage(
        "'diff' writes \(OutputFormat.diffFormats.map(\.rawValue).joined(separator: ", ")), not \(format.rawValue)"
      )
    }
    if let svgDirectory { try SVGFiles.prepare(svgDirectory) }
    var options = self.options
    if let patch {
      let file = try InputFile.open(patch)
      defer { file.close() }
      let text = String(decoding: try file.readAll(), as: UTF8.self)
      options.lineMap = try LineMap(patch: text, path: patch)
    }
    let loaded = try Self.loadConcurrently(before + after, transform: transform)
    for (path, reports) in zip(before + after, loaded) {
      for report in reports { onReport(path, report) }
    }
    let beforeRuns = Array(loaded.prefix(before.count).joined())
    let afterRuns = Array(loaded.dropFirst(before.count).joined())
    let diff = ProfileDiffBuilder.build(before: beforeRuns, after: afterRuns, options: options)
    let result = gate?.evaluate(diff)
    if let result, result.delta == nil || result.undecided {
      // A gate that cannot judge is unusable input, not a crossed limit: say which side lacks
      // the total, and write nothing.
      let total = diff.total(result.gate.metric.state, result.gate.metric.metric)
      let side =
        total?.before == nil || (result.undecided && (total?.before?.rounding ?? 0) > 0)
        ? before : after
      throw MemReportError.unusableInput(
        path: side.joined(separator: ", "), line: nil, reason: DiffDocument.gateMessage(result))
    }
    let context = DiffContext(
      before: before, after: after, top: top, gate: gate, gateResult: result,
      normalizer: transform.normalizer, filters: transform.filter.patterns, patch: patch)
    let document = DiffDocument(diff, context: context)
    let out = try OutputFile.create(output ?? "-")
    var stream = out
    do {
      try writer.write(document, into: &stream)
      try out.commit()
    } catch {
      out.discard()
      throw error
    }
    if let svgDirectory { try SVGFiles.write(HTMLDiffWriter.charts(diff), to: svgDirectory) }
    return (diff, result)
  }

  /// Every report of each file, transformed; files are read in parallel (one per core), and the
  /// first error in input order is thrown.
  static func loadConcurrently(_ paths: [String], transform: ProfileTransform) throws -> [[Profile]]
  {
    let slots = UnsafeMutableBufferPointer<Result<[Profile], Error>>.allocate(capacity: paths.count)
    slots.initialize(repeating: .success([]))
    defer {
      slots.deinitialize()
      slots.deallocate()
    }
    let shared = SendableSlots(slots)
    let names = OptionNames.current  // task-local values do not follow work onto Dispatch's threads
    DispatchQueue.concurrentPerform(iterations: paths.count) { i in
      OptionNames.$current.withValue(names) {
        shared.slots[i] = Result { try load(paths[i], transform: transform) }
      }
    }
    return try slots.map { try $0.get() }
  }

  /// The reports of one file (or the one `FILE#N` selects), transformed.
  static func load(_ path: String, transform: ProfileTransform) throws -> [Profile] {
    var reports: [Profile] = []
    try ReportSelection(argument: path).read { reports.append($0) }
    return transform.isIdentity ? reports : reports.map { transform.apply(to: $0) }
  }
}

/// Result slots written by `concurrentPerform`: each iteration writes only its own index.
private struct SendableSlots: @unchecked Sendable {
  let slots: UnsafeMutableBufferPointer<Result<[Profile], Error>>
  init(_ slots: UnsafeMutableBufferPointer<Result<[Profile], Error>>) { self.slots = slots }
}
