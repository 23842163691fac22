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

  /// The change is real: non-zero with one run per side; with several, ranges that do not overlap.
  public var isReal: Bool {
    guard let before, let after, let delta else { return false }
    if before.runCount == 1 && after.runCount == 1 { return delta != 0 }
    return after.low > before.high || after.high < before.low
  }
}
