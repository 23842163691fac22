import MemReportCore
/// The Mann–Kendall test for a monotonic trend: S counts rising minus falling pairs; its variance
/// is corrected for ties and, following Hamed & Rao (1998), inflated for autocorrelation, which
/// RSS series have (memory moves in runs, not independent draws). The p-value uses the normal
/// approximation with a continuity correction.
public struct TrendTest: Sendable, Equatable {
  /// Number of values tested.
  public var count: Int
  /// Σ sign(yⱼ − yᵢ) over all pairs i < j.
  public var s: Int
  /// Var(S) under independence, corrected for tied values:
  /// [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18 over groups of t equal values.
  public var tieCorrectedVariance: Double
  /// Pairs of equal values (for Kendall's τ-b).
  public var tiedPairs: Double
  /// Hamed–Rao's n/n*ₛ from the significant autocorrelations of the detrended ranks (≥ 1).
  public var autocorrelationFactor: Double

  public init(
    count: Int, s: Int, tieCorrectedVariance: Double, tiedPairs: Double = 0,
    autocorrelationFactor: Double = 1
  ) {
    self.count = count
    self.s = s
    self.tieCorrectedVariance = tieCorrectedVariance
    self.tiedPairs = tiedPairs
    self.autocorrelationFactor = autocorrelationFactor
  }

  /// Var(S) used for the test and for Sen's confidence interval.
  public var variance: Double { tieCorrectedVariance * autocorrelationFactor }

  /// The standardised statistic (S − sign S)/√Var(S); 0 when S is 0 or the variance vanishes.
  public var z: Double {
    guard s != 0, variance > 0 else { return 0 }
    let corrected = Double(s) - (s > 0 ? 1 : -1)
    return corrected / variance.squareRoot()
  }

  /// The two-sided p-value for "no monotonic trend".
  public var pValue: Double { RobustStatistics.twoSidedP(z) }

  /// Kendall's τ-b between the values and time (time has no ties).
  public var tau: Double {
    let pairs = Double(count) * Double(count - 1) / 2
    let untied = pairs - tiedPairs
    guard pairs > 0, untied > 0 else { return 0 }
    return Double(s) / (pairs * untied).squareRoot()
  }

  /// Tests `values` (equally spaced in time).
  /// - Complexity: O(n²) for the pair count plus O(n log n) for ties; used on at most a few
  ///   hundred points (long series are reduced to block medians first).
  public init<C: Collection>(_ values: C) where C.Element == Double {
    let y = Array(values)
    var s = 0
    for i in 0..<y.count {
      let yi = y[i]
      for j in (i + 1)..<max(i + 1, y.count) {
        if y[j] > yi { s += 1 } else if y[j] < yi { s -= 1 }
      }
    }
    let ties = Self.ties(y)
    self.init(count: y.count, s: s, tieCorrectedVariance: ties.variance, tiedPairs: ties.tiedPairs)
  }

  /// The tie-corrected Var(S) of `values` and the number of tied pairs.
  /// - Complexity: O(n log n).
  static func ties(_ values: [Double]) -> (variance: Double, tiedPairs: Double) {
    let n = Double(values.count)
    var variance = n * (n - 1) * (2 * n + 5)
    var tiedPairs = 0.0
    let sorted = values.sorted()
    var i = 0
    while i < sorted.count {
      var j = i + 1
      while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
      let t = Double(j - i)
      if t > 1 {
        variance -= t * (t - 1) * (2 * t + 5)
        tiedPairs += t * (t - 1) / 2
      }
      i = j
    }
    return (max(0, variance / 18), tiedPairs)
  }

  /// Hamed & Rao's variance factor n/n*ₛ = 1 + 2/(n(n−1)(n−2)) · Σₖ (n−k)(n−k−1)(n−k−2) ρₖ over
  /// the lags k whose rank autocorrelation ρₖ of the detrended series is significant at 5%
  /// (|ρₖ| > 1.96/√n). Never below 1: autocorrelation may hide a trend, never manufacture one.
  /// - Complexity: O(n²).
  static func hamedRaoFactor(residuals: [Double]) -> Double {
    let n = residuals.count
    guard n >= 4 else { return 1 }
    let ranks = averageRanks(residuals)
    let mean = Double(n + 1) / 2
    var denominator = 0.0
    for r in ranks { denominator += (r - mean) * (r - mean) }
    guard denominator > 0 else { return 1 }
    let bound = RobustStatistics.z975 / Double(n).squareRoot()
    var sum = 0.0
    for k in 1..<(n - 2) {
      var numerator = 0.0
      for i in 0..<(n - k) { numerator += (ranks[i] - mean) * (ranks[i + k] - mean) }
      let rho = numerator / denominator
      guard abs(rho) > bound else { continue }
      let a = Double(n - k)
      sum += a * (a - 1) * (a - 2) * rho
    }
    let nd = Double(n)
    return max(1, 1 + 2 / (nd * (nd - 1) * (nd - 2)) * sum)
  }

  /// 1-based ranks, ties sharing their average rank.
  static func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var i = 0
    while i < order.count {
      var j = i + 1
      while j < order.count && values[order[j]] == values[order[i]] { j += 1 }
      let rank = Double(i + j + 1) / 2  // average of ranks i+1 ... j
      for m in i..<j { ranks[order[m]] = rank }
      i = j
    }
    return ranks
  }
}
