import MemReportCore
/// One of the four totals of a diff: allocated/retained × bytes/objects.
public struct DiffTotal: Sendable {
  public var state: AllocationState
  public var metric: Metric
  /// `nil` when a run of that side does not give the total (old headers, headerless pastes).
  public var before: SideValue?
  public var after: SideValue?

  public var delta: Double? {
    guard let before, let after else { return nil }
    return after.median - before.median
  }

  /// The change as a share of `before`: 0 for no change (also 0 → 0); `nil` when a side is
  /// unknown or when `before` is 0 and `after` is not (growth from nothing has no percentage).
  public var deltaPercent: Double? {
    guard let delta, let before else { return nil }
    if delta == 0 { return 0 }
    guard before.median != 0 else { return nil }
    return delta / before.median * 100
  }

  /// How far the change may be off because printed values were rounded (scaled inputs).
  public var rounding: Double { (before?.rounding ?? 0) + (after?.rounding ?? 0) }

  /// The change is real: larger than the rounding of scaled values, and with several runs per
  /// side, ranges that do not overlap.
  public var isReal: Bool {
    guard let before, let after, let delta else { return false }
    if abs(delta) <= rounding { return false }
    if before.runCount == 1 && after.runCount == 1 { return delta != 0 }
    return after.low - after.rounding > before.high + before.rounding
      || after.high + after.rounding < before.low - before.rounding
  }
}
