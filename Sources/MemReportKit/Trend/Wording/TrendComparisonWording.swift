import MemReportCore
/// The words for a `TrendComparison`: one sentence on what changed, and the numbers behind it.
enum TrendComparisonWording {
  /// `leak → bloat`.
  static func verdicts(_ c: TrendComparison) -> String {
    "\(c.beforeVerdict.rawValue) → \(c.afterVerdict.rawValue)"
  }

  /// The unit both rates are given in.
  static func rate(_ c: TrendComparison) -> TrendRate {
    TrendRate.unit(for: [(c.beforeInterval, c.beforeSlope), (c.afterInterval, c.afterSlope)])
  }

  /// `the leak is gone: tail growth 67.8 → 0.134 MiB/min, levels off at 224.2 MiB.`
  static func summary(_ c: TrendComparison) -> String {
    let f = Units.self
    let unit = rate(c)
    let growth =
      "tail growth \(c.beforeSlope.map { unit.number($0, interval: c.beforeInterval) } ?? "n/a") → \(c.afterSlope.map { unit.number($0, interval: c.afterInterval) } ?? "n/a") \(unit.suffix)"
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
      let share = pb > 0 ? " (\(delta < 0 ? f.minus : "+")\(f.share(abs(delta) / pb)))" : ""
      return
        "no leak in either; plateau \(f.mib(pb)) → \(f.mib(pa)), \(f.signedMiB(delta))\(share)."
    default:
      return
        "\(verdicts(c)): \(growth); an inconclusive series cannot be compared by verdict."
    }
  }

  /// `tail growth −5,640 MiB per 1,000 samples`, `23.3 → 0.0458 MiB per 1,000 requests`,
  /// `plateau +1.2 MiB`, `last sample 1,204.5 MiB → 226.1 MiB`.
  static func details(_ c: TrendComparison) -> [String] {
    let f = Units.self
    var details: [String] = []
    let unit = rate(c)
    if let b = c.beforeSlope, let a = c.afterSlope {
      let change =
        a * unit.factor(interval: c.afterInterval) - b * unit.factor(interval: c.beforeInterval)
      details.append("tail growth \(signedRate(change)) \(unit.suffix)")
    }
    if let b = c.beforeSlopePerRequest, let a = c.afterSlopePerRequest {
      details.append(
        "\(f.significant(b * 1000)) → \(f.significant(a * 1000)) MiB per 1,000 requests")
    }
    if let change = c.plateauChange { details.append("plateau \(f.signedMiB(change))") }
    details.append("last sample \(f.mib(c.beforeEnd)) → \(f.mib(c.afterEnd))")
    return details
  }

  /// A change of rate with its sign: `+5.2`, `−5,640`, `±0`.
  private static func signedRate(_ value: Double) -> String {
    let text = Units.significant(abs(value))
    return text == "0" ? "±0" : (value < 0 ? Units.minus : "+") + text
  }
}
