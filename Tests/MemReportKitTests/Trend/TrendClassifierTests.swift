import Testing
@testable import MemReportKit

/// Verdicts on the committed real derailed series and on generated series with known labels.
@Suite("Trend verdicts")
struct TrendClassifierTests {
  let classifier = TrendClassifier()

  func analyse(_ values: [Double], limit: Double? = nil, testCount: Int? = nil) -> TrendAnalysis {
    TrendClassifier(limitMiB: limit).analyse(series(values, testCount: testCount))
  }

  @Test func realLeakIsALeak() throws {
    let s = try readSeries(try TrendFiles.leak)
    let a = TrendClassifier(limitMiB: 512).analyse(s)
    #expect(a.verdict == .leak)
    // The first samples grow faster (boot: +9.8, +6.0, +7.9 MiB), then ~5.6 MiB per sample.
    #expect(a.warmupSamples == 3)
    #expect(a.tailRange == 3..<206)
    let fit = try #require(a.fit)
    // python3: v = values[3:]; median((v[j]-v[i])/(j-i) for i<j) → 5.651393581081081
    #expect(abs(fit.slope - 5.651393581081081) < 1e-9)
    #expect(fit.low > 5.6 && fit.low < fit.slope && fit.high > fit.slope && fit.high < 5.7)
    #expect(fit.test.pValue < 1e-6)
    #expect(fit.growthLow > 1100)  // ≈ 1,142 MiB over the tail, far above the 2% threshold
    #expect(a.thresholdMiB > 10 && a.thresholdMiB < 15)
    #expect(a.plateauMiB == nil && a.uncertainty == nil)
    // 50,000 requests over 206 samples: ≈ 23.3 MiB per 1,000 requests.
    let perRequest = fit.slope / (50000.0 / 206) * 1000
    #expect(abs(perRequest - 23.28) < 0.01)
    // python3: next(i for i, x in enumerate(values) if x >= 512) → 84
    #expect(a.projection?.reachedAtSample == 84)
    let explanation = TrendExplanation.explain(a, series: s)
    #expect(
      explanation.hasPrefix(
        "memory rose from 27.7 MiB to 1,204.5 MiB over 206 samples (17 min) and never levelled off")
    )
    #expect(explanation.hasSuffix("a leak, not bloat."))
  }

  @Test func realPlateauIsBloat() throws {
    for path in [try TrendFiles.plateau, TrendFiles.plateauStdout] {
      let s = try readSeries(path)
      let a = TrendClassifier(limitMiB: 512).analyse(s)
      #expect(a.verdict == .bloat)
      // The LRU holds TEST_COUNT/5 entries, so memory fills for the first 20% of requests. It is
      // at 215.5 MiB at sample 39 and 220.6 MiB at sample 40, then creeps: the warm-up ends where
      // memory stays within 5% of the rise (9.8 MiB) of the plateau, sample 40 (python3: the
      // first i after which every running median of 5 is within 9.8275 of 224.244 → 40).
      #expect(a.warmupSamples == 40 && a.settledSample == 40)
      // The plateau is the level the tail holds at its end: the median of its last fifth.
      // python3: statistics.median(values[173:205]) → 224.244140625
      #expect(a.plateauWindow == 173..<205)
      #expect(a.plateauMiB == 224.244140625)
      #expect((a.plateauSpreadMiB ?? 99) < 0.1)
      let fit = try #require(a.fit)
      // python3: Theil–Sen slope of values[40:] → 0.011160714285714286 MiB per sample
      #expect(abs(fit.slope - 0.011160714285714286) < 1e-12)
      // The creep is statistically significant but practically flat: its upper bound over the
      // tail stays under 2% of the plateau (4.47 MiB); first to last it is +3.7 MiB.
      #expect(fit.test.pValue < 0.001)
      #expect(fit.growthHigh < a.thresholdMiB)
      #expect(abs(a.thresholdMiB - 0.02 * 223.6640625) < 1e-9)
      #expect(abs((a.riseMiB ?? 0) - (224.244140625 - 27.69140625)) < 1e-9)
      // Significant, so the headline says so (issue 10 point 7): 0.01116 × 720 = 8.04 MiB/h.
      #expect(a.residualTrend)
      #expect(
        TrendHeadline(TrendReport.Entry(series: s, analysis: a)).text
          == "bloat: memory rises 196.6 MiB in a 40-sample (3.3 min) warm-up, then levels off at 224.2 MiB (±0.082 MiB); the tail still creeps up 8.04 MiB/h (p < 0.001)"
      )
      #expect(a.projection?.reachedAtSample == nil)
      #expect(a.projection?.samplesToLimit == nil)
      let explanation = TrendExplanation.explain(a, series: s)
      #expect(
        explanation.contains("settled at its level after 40 samples (3.3 min), then held 224.2 MiB")
      )
      #expect(!explanation.contains("20%"))
      #expect(explanation.hasSuffix("bloat, not a leak."))
    }
  }

  @Test func generatedLeaksAtSeveralRates() {
    for (i, rate) in [0.05, 0.3, 2.0, 8.0].enumerated() {
      let values = Shapes.leak(400, base: 150, rate: rate, sigma: 1, seed: UInt64(10 + i))
      let a = analyse(values)
      #expect(a.verdict == .leak, "rate \(rate)")
      #expect(
        a.fit.map { $0.low <= rate && rate <= $0.high } == true, "rate \(rate) outside the CI")
    }
  }

  @Test func slowLeakHiddenInNoise() {
    // +30 MiB over 1,500 samples (10% of the level) under noise of σ = 20 MiB.
    let values = Shapes.leak(1500, base: 300, rate: 0.02, sigma: 20, seed: 21)
    let a = analyse(values)
    #expect(a.verdict == .leak)
    #expect(a.samplesPerPoint == 5)
    #expect(a.fit.map { $0.low < 0.02 && 0.02 < $0.high } == true)
  }

  @Test func plateausWithShortAndLongWarmups() {
    for (warmup, seed) in [(20, UInt64(31)), (90, 32), (150, 33)] {
      let values = Shapes.plateau(
        300, base: 80, height: 120, warmup: warmup, sigma: 0.4, seed: seed)
      let a = analyse(values)
      #expect(a.verdict == .bloat, "warm-up \(warmup)")
      #expect(
        abs(a.warmupSamples - warmup) <= warmup / 3 + 3,
        "warm-up \(warmup) found \(a.warmupSamples)")
      #expect(abs((a.plateauMiB ?? 0) - 200) < 1)
    }
  }

  @Test func gcSawtoothDoesNotFoolIt() {
    // Flat under a sawtooth: stable; the same teeth on a leak: still a leak; on a plateau: bloat.
    let flat = Shapes.sawtooth(
      Shapes.leak(400, base: 200, rate: 0, sigma: 0.3, seed: 41), period: 20, amplitude: 30)
    let a = analyse(flat)
    #expect(a.verdict == .stable)
    #expect(a.pattern.sawtooth && a.pattern.period == 20)
    let leaking = Shapes.sawtooth(
      Shapes.leak(400, base: 200, rate: 0.15, sigma: 0.3, seed: 42), period: 20, amplitude: 30)
    #expect(analyse(leaking).verdict == .leak)
    let bloat = Shapes.sawtooth(
      Shapes.plateau(400, base: 100, height: 100, warmup: 80, sigma: 0.3, seed: 43), period: 15,
      amplitude: 20)
    #expect(analyse(bloat).verdict == .bloat)
  }

  @Test func aSingleDropDoesNotHideALeak() {
    // A restart at sample 200 back to the boot level; the leak goes on after it.
    var values = Shapes.leak(400, base: 100, rate: 0.5, sigma: 0.5, seed: 51)
    for i in 200..<400 { values[i] -= 100 }
    let a = analyse(values)
    #expect(a.verdict == .leak)
    #expect(a.pattern.drops.map(\.sample) == [200])
    #expect(a.analysedRange == 200..<400)
    // A big GC in a plateau, with regrowth: still bloat, never a leak.
    var plateau = Shapes.plateau(400, base: 100, height: 150, warmup: 60, sigma: 0.4, seed: 52)
    for i in 250..<400 { plateau[i] -= 60 * Foundation.exp(-Double(i - 250) / 5) }
    #expect(analyse(plateau).verdict == .bloat)
  }

  @Test func stepsOneIsBloatRepeatedIsALeak() {
    var r = SeededRandom(seed: 61)
    let one = (0..<300).map { 200 + ($0 >= 90 ? 30 : 0) + 0.3 * r.gaussian() }
    let a = analyse(one)
    #expect(a.verdict == .bloat)
    #expect(a.warmupSamples == 90)
    let stairs = (0..<300).map { 200 + 12 * Double(($0 + 20) / 45) + 0.3 * r.gaussian() }
    #expect(analyse(stairs).verdict == .leak)
    // One step near the end: not enough flat samples after it to tell.
    let late = (0..<300).map { 200 + ($0 >= 260 ? 30 : 0) + 0.3 * r.gaussian() }
    let l = analyse(late)
    #expect(l.verdict == .inconclusive)
    #expect(
      l.uncertainty
        == .singleStep(
          atSample: 260,
          heightMiB: l.uncertainty.flatMap { u -> Double? in
            if case .singleStep(_, let h) = u { return h }
            return nil
          } ?? 0))
  }

  @Test func noisyFlatIsStableNotALeak() {
    for seed in UInt64(70)..<UInt64(80) {
      let a = analyse(Shapes.leak(250, base: 300, rate: 0, sigma: 3, seed: seed))
      #expect(a.verdict == .stable, "seed \(seed)")
      #expect(a.warmupSamples == 0)
    }
  }

  @Test func shortSeriesAreInconclusiveAndSayWhatToRun() {
    let s = series(Shapes.leak(12, base: 100, rate: 3, sigma: 0.1, seed: 81), testCount: 3000)
    let a = TrendClassifier().analyse(s)
    #expect(a.verdict == .inconclusive)
    #expect(a.uncertainty == .tooShort(minimum: 30))
    #expect(a.samplesNeeded == 30)
    // 3,000 requests over 12 samples is 250 per sample: 30 samples need TEST_COUNT=7500.
    #expect(
      TrendExplanation.explain(a, series: s).contains(
        "Run about 30 samples (2.5 min at 5 s per sample): with ≈250 requests per sample, TEST_COUNT=7500."
      ))
    #expect(analyse([100]).verdict == .inconclusive)
    #expect(analyse([100, 101]).fit == nil)
  }

  @Test func slowingGrowthIsNotCalledALeak() {
    // An exponential approach cut off before it levels off.
    let values = Shapes.plateau(200, base: 100, height: 200, warmup: 600, sigma: 0.2, seed: 91)
    let a = analyse(values)
    #expect(a.verdict == .inconclusive)
    if case .slowingDown(let from, let to)? = a.uncertainty {
      #expect(from > to && to > 0)
    } else {
      Issue.record("expected slowing down, got \(String(describing: a.uncertainty))")
    }
    #expect((a.samplesNeeded ?? 0) > 200)
  }

  @Test func projectionToALimit() throws {
    // 1 MiB per sample from 100 MiB: the fitted line is at 299 MiB at the last sample (199), so
    // 512 MiB is 213 samples away; 10,000 requests over 200 samples is 50 per sample.
    let values = (0..<200).map { 100 + Double($0) }
    let a = analyse(values, limit: 512, testCount: 10000)
    let p = try #require(a.projection)
    #expect(p.reachedAtSample == nil)
    #expect(abs((p.samplesToLimit ?? 0) - 213) < 1e-9)
    #expect(abs((p.requests(p.samplesToLimit) ?? 0) - 10650) < 1e-6)
    #expect(abs((p.seconds(p.samplesToLimit) ?? 0) - 1065) < 1e-6)
    #expect(analyse(values, limit: 150).projection?.reachedAtSample == 50)
  }

  @Test func comparisonOfBeforeAndAfter() throws {
    let before = try readSeries(try TrendFiles.leak)
    let after = try readSeries(try TrendFiles.plateau)
    let report = TrendReport(series: [before, after], baseline: 0)
    let c = try #require(report.comparisons.first)
    #expect(c.beforeVerdict == .leak && c.afterVerdict == .bloat)
    // Rates per minute at derailed's 5 s: 5.6514 × 12 = 67.8 and 0.01116 × 12 = 0.134 MiB/min.
    #expect(
      TrendComparisonWording.summary(c).hasPrefix(
        "the leak is gone: tail growth 67.8 → 0.134 MiB/min, levels off at 224.2 MiB."
      ))
    #expect(abs((c.slopeChange ?? 0) - (0.011160714285714286 - 5.651393581081081)) < 1e-9)
    #expect(c.plateauChange == nil)
  }

  /// Issue 10 point 8: several series are independent unless a baseline is named, or exactly two
  /// are labelled before and after.
  @Test func severalSeriesAreComparedOnlyAgainstABaseline() throws {
    let leak = try readSeries(try TrendFiles.leak)
    let plateau = try readSeries(try TrendFiles.plateau)
    #expect(TrendReport(series: [leak, plateau]).comparisons.isEmpty)
    #expect(TrendReport(series: [leak, plateau]).baseline == nil)
    let based = TrendReport(series: [plateau, leak], baseline: 1)
    #expect(based.comparisons.count == 1 && based.comparisons[0].before == leak.source)
    var before = leak
    var after = plateau
    before.label = "before"
    after.label = "after"
    let pair = TrendReport(series: [after, before])
    #expect(pair.baseline == 1)
    #expect(pair.comparisons.map(\.after) == [plateau.source])
  }
}

import Foundation
import MemReportCore
import MemReportTestSupport
