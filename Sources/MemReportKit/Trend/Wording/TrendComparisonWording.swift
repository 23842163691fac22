import MemReportCore
/// The words for a `TrendComparison`: one sentence on what changed, and the numbers behind it.
enum TrendComparisonWording {
  /// `leak → bloat`.
  static func verdicts(_ c: TrendComparison) -> String {
    "\(c.beforeVerdict.rawValue) → \(c.afterVerdict.rawValue)"
  }

  /// `the leak is gone: tail growth 5,651 → 11.2 MiB per 1,000 samples, levels off at 223.7 MiB.`
  static func summary(_ c: TrendComparison) -> String {
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
    if let change = c.slopeChange {
      details.append("tail growth \(signedRate(change)) MiB per 1,000 samples")
    }
    if let b = c.beforeSlopePerRequest, let a = c.afterSlopePerRequest {
      details.append(
        "\(f.significant(b * 1000)) → \(f.significant(a * 1000)) MiB per 1,000 requests")
    }
    if let change = c.plateauChange { details.append("plateau \(f.signedMiB(change))") }
    details.append("last sample \(f.mib(c.beforeEnd)) → \(f.mib(c.afterEnd))")
    return details
  }

  /// A change per 1,000 samples with its sign: `+5.2`, `−5,640`, `±0`.
  private static func signedRate(_ value: Double) -> String {
    let text = Units.significant(abs(value * 1000))
    return text == "0" ? "±0" : (value < 0 ? Units.minus : "+") + text
  }
}
