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
  /// The after side's transform when it differs from `transform` (`--root-before DIR
  /// --root-after DIR`: the same app checked out in two places); `nil`: `transform` for both.
  public var afterTransform: ProfileTransform?
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
    let transforms = before.map { _ in transform } + after.map { _ in afterTransform ?? transform }
    let loaded = try Self.loadConcurrently(before + after, transforms: transforms)
    for (path, reports) in zip(before + after, loaded) {
      for report in reports { onReport(path, report.profile) }
    }
    let sides = [
      Array(loaded.prefix(before.count).joined()), Array(loaded.dropFirst(before.count).joined()),
    ]
    var diff = ProfileDiffBuilder.build(
      before: sides[0].map(\.profile), after: sides[1].map(\.profile), options: options)
    diff.filteredTotals = Self.filteredTotals(sides, perIteration: diff.perIteration)
    diff.overlap = KeyOverlap.analyse(diff) { side, key in
      guard let first = sides[side].first, let raw = first.rawNames else { return nil }
      return raw.names.first { first.normalizer.normalize($0) == key }
    }
    let result = gate?.evaluate(diff)
    if let result, result.delta == nil || result.undecided {
      // A gate that cannot judge is unusable input, not a crossed limit: say which side lacks
      // the total, and write nothing.
      let total = diff.total(result.gate.metric.state, result.gate.metric.metric)
      let side =
        result.filtered != nil || result.gate.scope == .filtered
        ? before + after
        : (total?.before == nil || (result.undecided && (total?.before?.rounding ?? 0) > 0)
          ? before : after)
      throw MemReportError.unusableInput(
        path: side.joined(separator: ", "), line: nil,
        reason: DiffDocument.gateMessage(result, filters: transform.filter.patterns))
    }
    var context = DiffContext(
      before: before, after: after, top: top, gate: gate, gateResult: result,
      normalizer: transform.normalizer, filters: transform.filter.patterns, patch: patch)
    context.afterNormalizer = afterTransform?.normalizer
    let document = DiffDocument(diff, context: context)
    let out = try OutputFile.create(output ?? "-")
    out.showsControlCharacters = format == .text
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

  /// One report as the diff needs it: transformed, with what it needs from the report as printed.
  struct Loaded {
    var profile: Profile
    /// The names as printed, when the transform rewrote paths (to say which folder to strip).
    var rawNames: NameTable?
    var normalizer: PathNormalizer
    /// With file filters: the sum of the kept rows per state and metric (not yet per iteration).
    var filtered:
      [(
        state: AllocationState, metric: Metric, title: SectionTitle,
        interval: FilteredTotal.Interval
      )] = []
  }

  /// Every report of each file, transformed; files are read in parallel (one per core), and the
  /// first error in input order is thrown.
  static func loadConcurrently(_ paths: [String], transforms: [ProfileTransform]) throws
    -> [[Loaded]]
  {
    let slots = UnsafeMutableBufferPointer<Result<[Loaded], Error>>.allocate(capacity: paths.count)
    slots.initialize(repeating: .success([]))
    defer {
      slots.deinitialize()
      slots.deallocate()
    }
    let shared = SendableSlots(slots)
    let names = OptionNames.current  // task-local values do not follow work onto Dispatch's threads
    DispatchQueue.concurrentPerform(iterations: paths.count) { i in
      OptionNames.$current.withValue(names) {
        shared.slots[i] = Result { try load(paths[i], transform: transforms[i]) }
      }
    }
    return try slots.map { try $0.get() }
  }

  /// The reports of one file (or the one `FILE#N` selects), transformed.
  static func load(_ path: String, transform: ProfileTransform) throws -> [Loaded] {
    var reports: [Profile] = []
    try ReportSelection(argument: path).read { reports.append($0) }
    guard !transform.isIdentity else {
      return reports.map { Loaded(profile: $0, rawNames: nil, normalizer: transform.normalizer) }
    }
    return reports.map { raw in
      let profile = transform.apply(to: raw)
      var loaded = Loaded(profile: profile, rawNames: raw.names, normalizer: transform.normalizer)
      if !transform.filter.isEmpty {
        for state in AllocationState.allCases {
          for metric in Metric.allCases {
            if let (title, interval) = FilteredTotal.run(
              raw: raw, filtered: profile, state: state, metric: metric)
            {
              loaded.filtered.append((state, metric, title, interval))
            }
          }
        }
      }
      return loaded
    }
  }

  /// The filtered totals of both sides: per state and metric, the median interval of each side's
  /// runs, per iteration when the diff is; none unless every run has one.
  static func filteredTotals(_ sides: [[Loaded]], perIteration: (before: Int, after: Int)?)
    -> [FilteredTotal]
  {
    var totals: [FilteredTotal] = []
    for state in AllocationState.allCases {
      for metric in Metric.allCases {
        var intervals: [FilteredTotal.Interval] = []
        var title: SectionTitle?
        for (side, runs) in sides.enumerated() {
          let found = runs.compactMap { run in
            run.filtered.first { $0.state == state && $0.metric == metric }
          }
          guard !runs.isEmpty, found.count == runs.count,
            var median = FilteredTotal.median(found.map(\.interval))
          else { break }
          title = title ?? found[0].title
          if let perIteration {
            let n = Double(side == 0 ? perIteration.before : perIteration.after)
            median = FilteredTotal.Interval(
              low: median.low / n, high: median.high / n, rounding: median.rounding / n)
          }
          intervals.append(median)
        }
        guard intervals.count == 2, let title else { continue }
        totals.append(
          FilteredTotal(
            state: state, metric: metric, title: title, before: intervals[0], after: intervals[1]))
      }
    }
    return totals
  }
}

/// Result slots written by `concurrentPerform`: each iteration writes only its own index.
private struct SendableSlots: @unchecked Sendable {
  let slots: UnsafeMutableBufferPointer<Result<[DiffRun.Loaded], Error>>
  init(_ slots: UnsafeMutableBufferPointer<Result<[DiffRun.Loaded], Error>>) { self.slots = slots }
}
