import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// The statistics against brute force and hand-checked values.
@Suite("Trend statistics: order statistics, Mann–Kendall, Theil–Sen")
struct TrendStatisticsTests {
  @Test func medianQuantileAndMAD() {
    #expect(RobustStatistics.median([5, 1, 3]) == 3)
    #expect(RobustStatistics.median([4, 1, 3, 2]) == 2.5)
    #expect(RobustStatistics.median([Double]()).isNaN)
    // Type 7 quantiles, as numpy.quantile([1,2,3,4,5,6,7,8,9,10], [0.25, 0.975]) → 3.25, 9.775.
    let ten = (1...10).map(Double.init)
    #expect(abs(RobustStatistics.quantile(ten, 0.25) - 3.25) < 1e-12)
    #expect(abs(RobustStatistics.quantile(ten, 0.975) - 9.775) < 1e-12)
    // MAD of [1, 2, 3, 4, 100]: median 3, deviations [2, 1, 0, 1, 97], median 1, × 1.4826.
    #expect(abs(RobustStatistics.mad([1, 2, 3, 4, 100]) - 1.482602218505602) < 1e-12)
  }

  @Test func selectionMatchesSortingWithManyTies() {
    var r = SeededRandom(seed: 7)
    for size in [1, 2, 3, 10, 101, 1000] {
      let values = (0..<size).map { _ in Double(Int(r.uniform() * 5)) }  // heavy ties
      let sorted = values.sorted()
      for k in Set([0, size / 3, size / 2, size - 1]) {
        var copy = values
        #expect(RobustStatistics.select(&copy, k) == sorted[k])
      }
    }
  }

  @Test func rollingMinimumMatchesBruteForce() {
    var r = SeededRandom(seed: 11)
    let values = (0..<200).map { _ in r.uniform() * 100 }
    for window in [1, 2, 3, 7, 20, 301] {
      let fast = RobustStatistics.rollingMinimum(values, window: window)
      let half = window / 2
      let slow = values.indices.map { i in
        window > 1
          ? values[max(0, i - half)...min(values.count - 1, i + half)].min() ?? 0 : values[i]
      }
      #expect(fast == slow, "window \(window)")
    }
  }

  @Test func normalTails() {
    #expect(abs(RobustStatistics.normalCDF(0) - 0.5) < 1e-15)
    #expect(abs(RobustStatistics.normalCDF(RobustStatistics.z975) - 0.975) < 1e-12)
    #expect(abs(RobustStatistics.twoSidedP(1.959963984540054) - 0.05) < 1e-12)
    // Far tails stay positive instead of rounding to 0 too early: 2·(1 − Φ(10)) ≈ 1.5e-23.
    #expect(RobustStatistics.twoSidedP(10) > 1e-24 && RobustStatistics.twoSidedP(10) < 2e-23)
  }

  @Test func mannKendallWithTies() {
    // [1, 2, 2, 3, 1]: pairs rising 5, falling 3 → S = 2 (hand count). Ties: {1,1}, {2,2}:
    // Var = [5·4·15 − 2·(2·1·9)]/18 = (300 − 36)/18 = 14.666…; z = (2 − 1)/√14.667 = 0.2611,
    // p = 2·(1 − Φ(0.2611)) = 0.794 (python3 -c "import math; print(math.erfc(0.2611/math.sqrt(2)))").
    let t = TrendTest([1, 2, 2, 3, 1])
    #expect(t.s == 2)
    #expect(abs(t.tieCorrectedVariance - 264.0 / 18) < 1e-12)
    #expect(abs(t.z - 1 / (264.0 / 18).squareRoot()) < 1e-12)
    #expect(abs(t.pValue - 0.794) < 1e-3)
    let flat = TrendTest([3, 3, 3, 3])
    #expect(flat.s == 0 && flat.z == 0 && flat.pValue == 1)
    let rising = TrendTest((0..<30).map(Double.init))
    #expect(rising.s == 435 && rising.tau == 1 && rising.pValue < 1e-10)
  }

  @Test func theilSenMatchesBruteForceAndSensInterval() throws {
    var r = SeededRandom(seed: 3)
    let values = (0..<120).map { 50 + 0.3 * Double($0) + 4 * r.gaussian() }
    let fit = try #require(TrendFit.fit(values[...], autocorrelation: false))
    var slopes: [Double] = []
    for i in 0..<values.count {
      for j in (i + 1)..<values.count { slopes.append((values[j] - values[i]) / Double(j - i)) }
    }
    slopes.sort()
    let n = slopes.count
    let median = n % 2 == 1 ? slopes[n / 2] : (slopes[n / 2 - 1] + slopes[n / 2]) / 2
    #expect(abs(fit.slope - median) < 1e-12)
    // Sen's ranks from the Mann–Kendall variance (no ties in Gaussian data).
    let variance = 120.0 * 119 * 245 / 18
    let c = 1.959963984540054 * variance.squareRoot()
    let low = slopes[Int(((Double(n) - c) / 2).rounded()) - 1]
    let high = slopes[Int(((Double(n) + c) / 2).rounded()) + 1 - 1]
    #expect(fit.low == low && fit.high == high)
    #expect(fit.low < 0.3 && 0.3 < fit.high)
    #expect(fit.test.autocorrelationFactor == 1)
  }

  @Test func blocksScaleSlopesToSamples() throws {
    // Points that stand for 10-sample blocks: a slope of 20 per point is 2 per sample, and the
    // line passes through each block's centre.
    let points = (0..<50).map { 100 + 20 * Double($0) }
    let fit = try #require(TrendFit.fit(points[...], firstSample: 4.5, samplesPerPoint: 10))
    #expect(abs(fit.slope - 2) < 1e-12)
    #expect(abs(fit.value(atSample: 4.5) - 100) < 1e-9)
    #expect(abs(fit.value(atSample: 494.5) - 1080) < 1e-9)
    #expect(fit.spanSamples == 490)
  }

  @Test func autocorrelationWidensTheIntervalButNeverNarrowsIt() throws {
    var r = SeededRandom(seed: 5)
    var e = 0.0
    let ar = (0..<200).map { i -> Double in
      e = 0.9 * e + r.gaussian()
      return 100 + e
    }
    let corrected = try #require(TrendFit.fit(ar[...]))
    let plain = try #require(TrendFit.fit(ar[...], autocorrelation: false))
    #expect(corrected.test.autocorrelationFactor > 2)
    #expect(corrected.high - corrected.low > plain.high - plain.low)
    #expect(corrected.test.pValue > plain.test.pValue)
    var w = SeededRandom(seed: 6)
    let white = (0..<200).map { _ in w.gaussian() }
    #expect(TrendTest.hamedRaoFactor(residuals: white) >= 1)
  }
}
