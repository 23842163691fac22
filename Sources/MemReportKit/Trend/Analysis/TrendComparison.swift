import MemReportCore
/// Two series side by side, the first as "before" (say, before a leak fix): verdicts, tail growth
/// and plateau level, and one sentence on what changed.
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
  public var summary: String

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
    summary = ""
    summary = Self.summarise(self)
  }

  public var slopeChange: Double? {
    guard let beforeSlope, let afterSlope else { return nil }
    return afterSlope - beforeSlope
  }

  public var plateauChange: Double? {
    guard let beforePlateau, let afterPlateau else { return nil }
    return afterPlateau - beforePlateau
  }

  private static func summarise(_ c: TrendComparison) -> String {
    let f = Units.self
    func rate(_ s: Double?) -> String { s.map { f.significant($0 * 1000) } ?? "n/a" }
    let growth = "tail growth \(rate(c.beforeSlope)) → \(rate(c.afterSlope)) MiB per 1,000 samples"
    switch (c.beforeVerdict, c.afterVerdict) {
    case (.leak, .bloat), (.leak, .stable):
      let level = c.afterPlateau.map { ", levels off at \(f.mib($0))" } ?? ""
      return "the leak is gone: \(growth)\(level)."
    case (.leak, .leak):
      guard let b = c.beforeSlope, let a = c.afterSlope, b > 0 else {
        return "still leaking: \(growth)."
      }
      let change = (a - b) / b
      let word = change < 0 ? "slower" : "faster"
      return "still leaking, \(f.share(abs(change))) \(word): \(growth)."
    case (.bloat, .leak), (.stable, .leak):
      return "a leak appeared: \(growth)."
    case (.bloat, .bloat), (.stable, .stable), (.bloat, .stable), (.stable, .bloat):
      guard let pb = c.beforePlateau, let pa = c.afterPlateau else { return "\(growth)." }
      let delta = pa - pb
      let share = pb > 0 ? " (\(delta < 0 ? Units.minus : "+")\(f.share(abs(delta) / pb)))" : ""
      return
        "no leak in either; plateau \(f.mib(pb)) → \(f.mib(pa)), \(f.signedMiB(delta))\(share)."
    default:
      return
        "\(c.beforeVerdict.rawValue) → \(c.afterVerdict.rawValue): \(growth); an inconclusive series cannot be compared by verdict."
    }
  }
}
