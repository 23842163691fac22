import MemReportCore
/// A robust straight line through one stretch of a series: the Theil–Sen slope (the median of all
/// pairwise slopes) with Sen's rank-based 95% confidence interval (Hollander & Wolfe), which uses
/// the Mann–Kendall variance of S, and the Mann–Kendall test itself.
///
/// Points are equally spaced. A point may stand for a block of samples (long series are reduced
/// to block medians first), so slopes and intercepts are converted to MiB per *sample*.
public struct TrendFit: Sendable {
  /// The sample index of the first point (the centre of its block).
  public var firstSample: Double
  /// Samples per point (1 unless the series was reduced to block medians).
  public var samplesPerPoint: Int
  /// Number of points fitted.
  public var points: Int
  /// Theil–Sen slope, MiB per sample.
  public var slope: Double
  /// Sen's 95% confidence interval for the slope, MiB per sample.
  public var low: Double
  public var high: Double
  /// The fitted line is `intercept + slope × sample`, with `sample` the 0-based sample index.
  public var intercept: Double
  /// The residual scatter around the line: 1.4826 × MAD, MiB.
  public var noise: Double
  public var test: TrendTest

  /// Samples from the first point to the last.
  public var spanSamples: Double { Double(max(0, points - 1) * samplesPerPoint) }
  /// Growth over the fitted stretch by the slope and by its CI bounds, MiB.
  public var growth: Double { slope * spanSamples }
  public var growthLow: Double { low * spanSamples }
  public var growthHigh: Double { high * spanSamples }

  /// The fitted value at a sample index.
  public func value(atSample x: Double) -> Double { intercept + slope * x }

  /// Fits `values`, whose point `j` stands for sample `firstSample + j × samplesPerPoint`.
  /// Returns `nil` for fewer than 3 points.
  /// - Parameter autocorrelation: apply Hamed–Rao's variance correction (on by default).
  /// - Complexity: O(n²) time and memory in the number of points (all n(n−1)/2 pairwise slopes,
  ///   selected in linear time); callers keep n to a few hundred by reducing long series to block
  ///   medians, so a fit costs well under a millisecond per hundred points.
  public static func fit(
    _ values: ArraySlice<Double>, firstSample: Double = 0, samplesPerPoint: Int = 1,
    autocorrelation: Bool = true
  ) -> TrendFit? {
    let y = Array(values)
    let n = y.count
    guard n >= 3 else { return nil }
    let pairs = n * (n - 1) / 2
    var slopes = [Double](repeating: 0, count: pairs)
    var s = 0
    var index = 0
    for i in 0..<(n - 1) {
      let yi = y[i]
      for j in (i + 1)..<n {
        let d = y[j] - yi
        slopes[index] = d / Double(j - i)
        index += 1
        if d > 0 { s += 1 } else if d < 0 { s -= 1 }
      }
    }
    let slopePerPoint = RobustStatistics.medianInPlace(&slopes)
    var residuals = [Double](repeating: 0, count: n)
    for i in 0..<n { residuals[i] = y[i] - slopePerPoint * Double(i) }
    let interceptAtFirstPoint = RobustStatistics.median(residuals)
    let centered = residuals.map { $0 - interceptAtFirstPoint }
    let noise = RobustStatistics.mad(centered)
    let ties = TrendTest.ties(y)
    let factor = autocorrelation ? TrendTest.hamedRaoFactor(residuals: residuals) : 1
    let test = TrendTest(
      count: n, s: s, tieCorrectedVariance: ties.variance, tiedPairs: ties.tiedPairs,
      autocorrelationFactor: factor)
    // Sen's interval: C = z·√Var(S); the bounds are the M₁-th and (M₂+1)-th ordered slopes,
    // M₁ = (N − C)/2, M₂ = (N + C)/2 (1-based ranks).
    let c = RobustStatistics.z975 * test.variance.squareRoot()
    let m1 = Int(((Double(pairs) - c) / 2).rounded())
    let m2 = Int(((Double(pairs) + c) / 2).rounded())
    let lowRank = min(max(m1, 1), pairs) - 1
    let highRank = min(max(m2 + 1, 1), pairs) - 1
    // The median's selection left the slopes split at rank pairs/2 (none below it is larger, none
    // above smaller), and lowRank <= pairs/2 <= highRank: each bound is selected in its half only.
    let middle = pairs / 2
    let lowPerPoint = RobustStatistics.select(
      &slopes, lowRank, in: 0..<(lowRank <= middle ? middle + 1 : pairs))
    let highPerPoint = RobustStatistics.select(
      &slopes, highRank, in: (highRank >= middle ? middle : 0)..<pairs)
    let step = Double(samplesPerPoint)
    let slope = slopePerPoint / step
    return TrendFit(
      firstSample: firstSample, samplesPerPoint: samplesPerPoint, points: n, slope: slope,
      low: min(lowPerPoint, slopePerPoint) / step, high: max(highPerPoint, slopePerPoint) / step,
      intercept: interceptAtFirstPoint - slope * firstSample, noise: noise, test: test)
  }
}
