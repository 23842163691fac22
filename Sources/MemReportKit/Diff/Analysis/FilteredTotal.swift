import MemReportCore
/// The total of the rows that `--allow-files`/`--ignore-files` kept, per side: what a gate on the
/// filtered rows watches (a report's header totals are never filtered).
///
/// It is the sum of the kept rows of the `… by file` section (by location when a report has no
/// file section). When the unfiltered list was complete, the sum is exact; when it was cut at
/// top N, the kept files may have more below the cut, at most everything the list left out, so
/// the total is an interval.
public struct FilteredTotal: Sendable, Equatable {
  public var state: AllocationState
  public var metric: Metric
  /// The section summed.
  public var title: SectionTitle
  public var before: Interval
  public var after: Interval

  /// Where a side's filtered total lies.
  public struct Interval: Sendable, Equatable {
    /// The sum of the kept rows (median over runs).
    public var low: Double
    /// `low` plus what the cut list may hide (median over runs); equals `low` when exact.
    public var high: Double
    /// How far the printed values may be off (scaled sizes), summed over the kept rows.
    public var rounding: Double

    public init(low: Double, high: Double, rounding: Double = 0) {
      self.low = low
      self.high = high
      self.rounding = rounding
    }

    public var isExact: Bool { low == high }
  }

  public init(
    state: AllocationState, metric: Metric, title: SectionTitle, before: Interval, after: Interval
  ) {
    self.state = state
    self.metric = metric
    self.title = title
    self.before = before
    self.after = after
  }

  /// Both sides are exact sums (their unfiltered lists were complete).
  public var isExact: Bool { before.isExact && after.isExact }
  /// The change of the lower ends (the change itself when exact).
  public var delta: Double { after.low - before.low }
  /// Where the true change lies, rounding included.
  public var deltaRange: (low: Double, high: Double) {
    let r = before.rounding + after.rounding
    return (after.low - before.high - r, after.high - before.low + r)
  }
  public var deltaPercent: Double? {
    guard isExact else { return nil }
    if delta == 0 { return 0 }
    return before.low > 0 ? delta / before.low * 100 : nil
  }

  /// One run's filtered total for a state and metric: `raw` is the report as read, `filtered` the
  /// same report after `ProfileTransform`. `nil` when the report has no file or location section.
  /// - Complexity: O(*r*) in the section's rows.
  public static func run(
    raw: Profile, filtered: Profile, state: AllocationState, metric: Metric, factor: Double = 1
  ) -> (title: SectionTitle, interval: Interval)? {
    var title = SectionTitle(state, metric, .file)
    if filtered.section(title) == nil { title = SectionTitle(state, metric, .location) }
    guard let kept = filtered.section(title), let printed = raw.section(title) else { return nil }
    // Summed as Doubles: hostile values near Int64.max must not wrap.
    let low = kept.rows.reduce(0.0) { $0 + Double($1.value) }
    let printedSum = printed.rows.reduce(0.0) { $0 + Double($1.value) }
    var hidden = 0.0
    if !raw.isListComplete(printed) {
      // Everything the printed list leaves out may belong to kept files; without a total, the
      // smallest printed value bounds only each missing row, so nothing bounds their sum.
      if let total = raw.totals[state].value(metric) {
        hidden = max(Double(total) - printedSum, 0)
      } else {
        hidden = .infinity
      }
    }
    var rounding = 0.0
    if kept.approximate && metric == .memory {
      for row in kept.rows { rounding += filtered.rounding(ofBytes: row.value) }
      if hidden > 0 && hidden.isFinite { hidden += raw.rounding(ofBytes: printed.listedTotal) }
    }
    return (
      title,
      Interval(low: low * factor, high: (low + hidden) * factor, rounding: rounding * factor)
    )
  }

  /// The median interval of several runs (each end's median: the median is monotone, so the true
  /// median lies between them).
  public static func median(_ runs: [Interval]) -> Interval? {
    guard !runs.isEmpty else { return nil }
    func median(_ values: [Double]) -> Double {
      let sorted = values.sorted()
      let mid = sorted.count / 2
      return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
    return Interval(
      low: median(runs.map(\.low)), high: median(runs.map(\.high)),
      rounding: runs.map(\.rounding).max() ?? 0)
  }
}
