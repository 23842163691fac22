import MemReportCore
/// Two series side by side, the first as "before" (say, before a leak fix): verdicts, tail growth
/// and plateau level, in numbers (`TrendComparisonWording` words them).
public struct TrendComparison: Sendable {
  public var before: String
  public var after: String
  public var beforeVerdict: TrendVerdict
  public var afterVerdict: TrendVerdict
  /// Tail slopes, MiB per sample (`nil` without a fit).
  public var beforeSlope: Double?
  public var afterSlope: Double?
  /// Tail slopes per request, when both TEST_COUNTs are known.
  public var beforeSlopePerRequest: Double?
  public var afterSlopePerRequest: Double?
  public var beforePlateau: Double?
  public var afterPlateau: Double?
  public var beforeEnd: Double
  public var afterEnd: Double
  /// Seconds between samples of each, when known (rates per minute or hour need both).
  public var beforeInterval: Double?
  public var afterInterval: Double?

  /// Compares `after` with `before`.
  /// - Complexity: O(1).
  public init(
    before: (series: MemorySeries, analysis: TrendAnalysis),
    after: (series: MemorySeries, analysis: TrendAnalysis)
  ) {
    let b = before.analysis
    let a = after.analysis
    self.before = before.series.source
    self.after = after.series.source
    beforeVerdict = b.verdict
    afterVerdict = a.verdict
    beforeSlope = b.fit?.slope
    afterSlope = a.fit?.slope
    if let rb = before.series.requestsPerSample, let ra = after.series.requestsPerSample,
      let sb = beforeSlope, let sa = afterSlope
    {
      beforeSlopePerRequest = sb / rb
      afterSlopePerRequest = sa / ra
    }
    beforePlateau = b.plateauMiB
    afterPlateau = a.plateauMiB
    beforeEnd = b.endMiB
    afterEnd = a.endMiB
    beforeInterval = before.series.intervalKnown ? before.series.intervalSeconds : nil
    afterInterval = after.series.intervalKnown ? after.series.intervalSeconds : nil
  }

  public var slopeChange: Double? {
    guard let beforeSlope, let afterSlope else { return nil }
    return afterSlope - beforeSlope
  }

  public var plateauChange: Double? {
    guard let beforePlateau, let afterPlateau else { return nil }
    return afterPlateau - beforePlateau
  }
}
