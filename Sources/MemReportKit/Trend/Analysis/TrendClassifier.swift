import MemReportCore
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decides whether a memory-over-time series leaks, bloats (grows, then levels off), is stable, or
/// cannot tell yet, and gathers the evidence in numbers.
///
/// The method, on the prepared signal (`TrendSignal`: drops found, a sawtooth replaced by its lower
/// envelope, long series reduced to block medians):
/// 1. **Levelling off.** Find the earliest change point k after which the tail (at least a third of
///    the series) has no practically significant growth: the upper bound of Sen's 95% confidence
///    interval for the Theil–Sen slope, times the tail's length, stays below the practical
///    threshold (2% of the tail's level, at least 1 MiB), and neither end of the tail strays from
///    its line (`isFlat`). This is an equivalence test: flatness must be shown, not merely fail to
///    be rejected. If such a k exists, the series is **bloat** when memory rose by more than the
///    threshold (and 3× the noise) before k; it is **stable** when the whole stretch passes the
///    same test from its first sample.
/// 2. **Growth.** Otherwise the rate is measured from where the series joins its final trend (see
///    `growthTail`). It is a **leak** when the Mann–Kendall test is significant (p < 0.05, variance
///    corrected for ties and autocorrelation), the lower CI bound of the growth over the tail
///    exceeds the threshold, the growth is not slowing down (second half's CI entirely below the
///    first half's, at under 60% of its rate), and it is not a single step.
/// 3. Anything else, and any series of fewer than 30 samples, is **inconclusive**, with the number
///    of samples a run would need.
///
/// A plateau is therefore called a leak only if its tail grows by more than 2% of its level with
/// 95% confidence, keeps doing so in both halves, and not in one jump.
public struct TrendClassifier: Sendable {
  /// Fewer samples than this (2.5 minutes at derailed's 5 s) cannot show a plateau.
  public static let minimumSamples = 30
  /// The practical threshold: a tail that grows less than this share of its level is flat...
  public static let relativeThreshold = 0.02
  /// ...or less than this many MiB.
  public static let absoluteThresholdMiB = 1.0
  /// A plateau must last at least this share of the analysed samples...
  public static let minimumTailShare = 1.0 / 3
  /// ...and at least this many points.
  public static let minimumTailPoints = 10
  /// Significance level of the Mann–Kendall test.
  public static let significance = 0.05
  /// A flat-looking series whose Mann–Kendall p-value is below this while rising is not stable.
  public static let steadyRiseSignificance = 0.01
  /// A rise smaller than this many noise standard deviations is not a warm-up.
  static let riseNoiseMultiple = 3.0
  /// Candidate change points tried (then refined to the sample).
  static let candidateCount = 50

  /// The memory limit to project against, MiB.
  public var limitMiB: Double?

  public init(limitMiB: Double? = nil) { self.limitMiB = limitMiB }

  /// Analyses one series.
  /// - Precondition: `series` has at least one sample.
  /// - Complexity: O(n) to prepare the signal, then O(c·m²) for the c ≤ ~110 candidate tails fitted
  ///   on m ≤ 300 points (`TrendSignal.maxPoints`), so the cost is bounded whatever the length:
  ///   about 0.1 s in a release build for any series.
  public func analyse(_ series: MemorySeries) -> TrendAnalysis {
    let y = series.values
    let n = y.count
    precondition(n > 0, "a series needs at least one sample")
    let signal = TrendSignal.prepare(y, minimumStretch: Self.minimumSamples)
    let points = signal.points
    let m = points.count

    func fit(_ k: Int, _ end: Int?) -> TrendFit? {
      TrendFit.fit(
        points[k..<(end ?? m)], firstSample: signal.sample(ofPoint: k),
        samplesPerPoint: signal.samplesPerPoint)
    }
    func threshold(_ k: Int) -> Double {
      max(
        Self.relativeThreshold * abs(RobustStatistics.median(points[k...])),
        Self.absoluteThresholdMiB)
    }
    func tailRange(_ k: Int) -> Range<Int> {
      signal.firstSample(ofPoint: k)..<signal.range.upperBound
    }

    let start = Self.startLevel(signal.values)
    var analysis = TrendAnalysis(
      verdict: .inconclusive, samples: n, analysedRange: signal.range, warmupSamples: 0,
      tailRange: signal.range, startMiB: start, endMiB: y[n - 1], minMiB: y.min() ?? 0,
      maxMiB: y.max() ?? 0, thresholdMiB: threshold(0), pattern: signal.pattern,
      samplesPerPoint: signal.samplesPerPoint)

    if signal.range.count < Self.minimumSamples {
      analysis.fit = fit(0, nil)
      analysis.uncertainty =
        signal.pattern.drops.isEmpty || signal.pattern.sawtooth
        ? .tooShort(minimum: Self.minimumSamples) : .interruptedByDrops
      let precision =
        analysis.fit.map { precisionSamples($0, threshold: analysis.thresholdMiB, samples: n) } ?? 0
      analysis.samplesNeeded = max(Self.minimumSamples + n - signal.range.count, precision)
      return finish(analysis, series: series)
    }

    let minimumTail = max(
      Self.minimumTailPoints, Int((Double(m) * Self.minimumTailShare).rounded(.up)))
    let lastCandidate = m - minimumTail
    let step = max(1, lastCandidate / Self.candidateCount)

    // 1. The earliest change point after which the tail is practically flat.
    func isFlat(_ k: Int) -> Bool {
      guard let f = fit(k, nil) else { return false }
      return Self.isFlat(f, points: points[k...], threshold: threshold(k), signal: signal)
    }
    var flatFrom: Int?
    for k in stride(from: 0, through: lastCandidate, by: step) where isFlat(k) {
      flatFrom = k
      break
    }
    if let k = flatFrom, step > 1, k > 0 {
      flatFrom = (max(0, k - step + 1)..<k).first(where: isFlat) ?? k
    }

    if let k = flatFrom, var tailFit = fit(k, nil) {
      var tail = tailRange(k)
      // The level the tail holds is where it ends up (the median of its last window), not its
      // median over a stretch that may still be falling back from a peak.
      let level = Self.level(y, tail: tail)
      // The same on the values analysed (a sawtooth's lower envelope), for the rise and settling.
      let offset = signal.range.lowerBound
      let analysed = Self.level(
        signal.values, tail: (tail.lowerBound - offset)..<(tail.upperBound - offset))
      // The warm-up ends where the series settles at that level (within 5% of the rise, or the
      // level's own spread), which can be well before the tail proven flat starts.
      let settled = Self.settlingPoint(signal.values, start: start, level: analysed)
      let settledPoint = settled / signal.samplesPerPoint
      if settledPoint != k, settledPoint <= lastCandidate, let refit = fit(settledPoint, nil),
        refit.growthHigh <= threshold(settledPoint)
      {
        tailFit = refit
        tail = tailRange(settledPoint)
      }
      analysis.tailRange = tail
      // The warm-up is where memory settles; the tail the growth is measured on starts there, or
      // later when the series is only provably flat from a later point.
      analysis.warmupSamples = settled
      analysis.settledSample = signal.range.lowerBound + settled
      analysis.fit = tailFit
      analysis.thresholdMiB = threshold(k)
      analysis.plateauMiB = level.median
      analysis.plateauSpreadMiB = level.spread
      analysis.plateauWindow = level.window
      let rise = analysed.median - start
      analysis.riseMiB = rise
      analysis.peakMiB = Self.smoothed(Array(y[signal.range])).max()
      // Levelling off means settling at the level with a tail of at least a third left: a series
      // that keeps creeping towards its end value never does (a slow steady rise is not bloat).
      let rose =
        analysis.warmupSamples > 0 && settledPoint <= lastCandidate
        && rise >= analysis.thresholdMiB
        && rise >= Self.riseNoiseMultiple * tailFit.noise
      if rose {
        analysis.verdict = .bloat
        return finish(analysis, series: series)
      }
      // Stable claims more: no rise and no growth over the whole stretch, not just after k (a noisy
      // slow leak can pass for flat on some tail by chance, since many tails are tried).
      if let whole = fit(0, nil),
        k == 0 || Self.isFlat(whole, points: points[...], threshold: threshold(0), signal: signal)
      {
        // Within the threshold but rising all along, clearly (p < 0.01) and not as the envelope
        // of a sawtooth, is not stable: a slow steady rise that a longer run may show to be a
        // leak. A fall, or no clear trend, is stable.
        if whole.test.pValue < Self.steadyRiseSignificance && whole.slope > 0
          && !signal.pattern.sawtooth
        {
          analysis.fit = whole
          analysis.warmupSamples = 0
          analysis.tailRange = signal.range
          analysis.thresholdMiB = threshold(0)
          analysis.plateauMiB = nil
          analysis.plateauSpreadMiB = nil
          analysis.plateauWindow = nil
          analysis.settledSample = nil
          analysis.peakMiB = nil
          analysis.riseMiB = nil
          analysis.uncertainty = .uncertainRate
          analysis.samplesNeeded = max(
            2 * n, precisionSamples(whole, threshold: threshold(0), samples: n))
          return finish(analysis, series: series)
        }
        analysis.verdict = .stable
        analysis.fit = whole
        analysis.warmupSamples = 0
        analysis.tailRange = signal.range
        analysis.thresholdMiB = threshold(0)
        let whole = Self.level(y, tail: signal.range)
        analysis.plateauMiB = whole.median
        analysis.plateauSpreadMiB = whole.spread
        analysis.plateauWindow = whole.window
        analysis.settledSample = nil
        analysis.riseMiB = RobustStatistics.median(signal.values) - start
        return finish(analysis, series: series)
      }
      analysis.plateauMiB = nil
      analysis.plateauSpreadMiB = nil
      analysis.plateauWindow = nil
      analysis.settledSample = nil
      analysis.peakMiB = nil
      analysis.riseMiB = nil
    }

    // 2. No plateau: measure the final rate, from where the series joins it.
    guard
      let tailFit = growthTail(
        points: points, signal: signal, step: step, fit: fit, threshold: threshold)
    else { return finish(analysis, series: series) }
    let settled = Int(
      ((tailFit.firstSample - Double(signal.range.lowerBound)) / Double(signal.samplesPerPoint))
        .rounded(.down))
    let tail = tailRange(settled)
    let limit = threshold(settled)
    analysis.tailRange = tail
    analysis.warmupSamples = tail.lowerBound - signal.range.lowerBound
    analysis.fit = tailFit
    analysis.thresholdMiB = limit
    analysis.riseMiB =
      analysis.warmupSamples > 0 ? tailFit.value(atSample: Double(tail.lowerBound)) - start : nil

    let significant = tailFit.test.pValue < Self.significance && tailFit.test.s > 0
    let practical = tailFit.growthLow >= limit
    let middle = settled + (m - settled) / 2
    var slowing: (TrendFit, TrendFit)?
    if let first = fit(settled, middle), let second = fit(middle, nil),
      second.high < first.low, second.slope < 0.6 * first.slope
    {
      slowing = (first, second)
    }
    let step1 = singleStep(points: points, from: settled, threshold: limit, signal: signal)

    if significant && practical && slowing == nil && step1 == nil {
      analysis.verdict = .leak
      return finish(analysis, series: series)
    }
    if let step1 {
      analysis.uncertainty = .singleStep(atSample: step1.sample, heightMiB: step1.height)
      analysis.samplesNeeded = max(
        Int((1.5 * Double(step1.sample)).rounded(.up)), n + Self.minimumSamples / 3)
    } else if let (first, second) = slowing, significant {
      analysis.uncertainty = .slowingDown(fromPerSample: first.slope, toPerSample: second.slope)
      analysis.samplesNeeded = levellingSamples(
        first: first, second: second, threshold: limit, samples: n)
    } else if significant && tailFit.slope > 0 {
      analysis.uncertainty = .uncertainRate
      analysis.samplesNeeded = max(2 * n, precisionSamples(tailFit, threshold: limit, samples: n))
    } else {
      analysis.uncertainty = .tooNoisy
      analysis.samplesNeeded = max(2 * n, precisionSamples(tailFit, threshold: limit, samples: n))
    }
    return finish(analysis, series: series)
  }

  /// The level a tail holds: the median of its last window (a fifth of it, at least 10 samples,
  /// at most all of it), with half the width of the window's central 95% as its spread.
  static func level(_ y: [Double], tail: Range<Int>) -> (
    median: Double, spread: Double, window: Range<Int>
  ) {
    let width = min(tail.count, max(Self.minimumTailPoints, tail.count / 5))
    let window = (tail.upperBound - width)..<tail.upperBound
    let raw = y[window]
    let median = RobustStatistics.median(raw)
    let spread = max(
      RobustStatistics.quantile(raw, 0.975) - median, median - RobustStatistics.quantile(raw, 0.025)
    )
    return (median, spread, window)
  }

  /// Where a warm-up ends (the settling time): the first position after which the series, smoothed
  /// by a centred running median of 5 (so a lone spike does not count), stays within a band around
  /// `level` for good: 5% of the rise from `start`, or twice the noise of the sample-to-sample
  /// changes, whichever is wider. For a rise that slows down this is where 95% of it is reached; for
  /// a rise that overshoots and falls back, where the fall ends.
  /// - Returns: an offset into `values`.
  /// - Complexity: O(n).
  static func settlingPoint(
    _ values: [Double], start: Double, level: (median: Double, spread: Double, window: Range<Int>)
  ) -> Int {
    let n = values.count
    guard n >= 3 else { return 0 }
    var diffs = [Double](repeating: 0, count: n - 1)
    for i in 0..<(n - 1) { diffs[i] = values[i + 1] - values[i] }
    let noise = RobustStatistics.mad(diffs) / 2.0.squareRoot()
    let band = max(0.05 * abs(level.median - start), 2 * noise, 1e-9)
    var last = -1
    for (i, value) in smoothed(values).enumerated() where abs(value - level.median) > band {
      last = i
    }
    return last + 1
  }

  /// A centred running median of 5 (3 at the ends' neighbours, the value itself at the ends' edge
  /// windows shrink accordingly): lone spikes and dips removed.
  /// - Complexity: O(n).
  static func smoothed(_ values: [Double]) -> [Double] {
    let n = values.count
    var result = [Double](repeating: 0, count: n)
    var window = [Double](repeating: 0, count: 5)
    for i in 0..<n {
      let lo = max(0, i - 2)
      let hi = min(n - 1, i + 2)
      let count = hi - lo + 1
      for j in 0..<count { window[j] = values[lo + j] }
      result[i] = RobustStatistics.median(window[0..<count])
    }
    return result
  }

  /// Where the series starts: the first value, unless it is an outlier against the next two (then
  /// the median of the first three). An outlier differs from that median by more than 3 noise
  /// standard deviations (from the sample-to-sample changes) and by more than twice the step
  /// between the next two values, so a steep start still counts from its first sample.
  static func startLevel(_ values: [Double]) -> Double {
    guard values.count >= 3 else { return values.first ?? 0 }
    let median3 = RobustStatistics.median(values.prefix(3))
    var diffs = [Double](repeating: 0, count: values.count - 1)
    for i in 0..<diffs.count { diffs[i] = values[i + 1] - values[i] }
    let noise = RobustStatistics.mad(diffs) / 2.0.squareRoot()
    let tolerance = max(3 * noise, 2 * abs(values[2] - values[1]))
    return abs(values[0] - median3) <= tolerance ? values[0] : median3
  }

  /// Whether a tail is practically flat: the upper 95% bound of its growth is within the
  /// threshold, and neither its start lies far below its line (it still includes part of the rise,
  /// which the Theil–Sen median shrugs off while the rising points are a minority of the pairs) nor
  /// its end far above it (a late jump). Both ends are checked by their first or last point, the
  /// median of 3 and the median of a tenth (at least 5); "far" is beyond the threshold and
  /// beyond 3 standard errors of that median (from the residual noise and the effective number of
  /// points under autocorrelation).
  static func isFlat(
    _ f: TrendFit, points: ArraySlice<Double>, threshold: Double, signal: TrendSignal
  ) -> Bool {
    guard f.growthHigh <= threshold else { return false }
    let count = points.count
    for w in Set([1, min(count, 3), min(count, max(5, count / 10))]) {
      // Autocorrelated noise averages out more slowly: use the effective number of points.
      let effective = max(1, Double(w) / f.test.autocorrelationFactor)
      let allowance = max(threshold, 3 * 1.2533 * f.noise / effective.squareRoot())
      let startLevel = RobustStatistics.median(points.prefix(w))
      let startLine = f.value(atSample: signal.sample(ofPoint: points.startIndex + (w - 1) / 2))
      if startLevel - startLine < -allowance { return false }
      let endLevel = RobustStatistics.median(points.suffix(w))
      let endLine = f.value(atSample: signal.sample(ofPoint: points.endIndex - 1 - (w - 1) / 2))
      if endLevel - endLine > allowance { return false }
    }
    return true
  }

  /// The stretch a growing series' rate is measured on, and its fit. First the earliest change
  /// point whose tail grows at most 15% faster than the last half (so a steep boot does not inflate
  /// the rate); then the warm-up ends where the series joins that tail's line for good: the last
  /// point of the first half whose residual (a 3-point running median, so one spike does not count)
  /// lies outside ±max(4 × noise, 1% of the level).
  func growthTail(
    points: [Double], signal: TrendSignal, step: Int, fit: (Int, Int?) -> TrendFit?,
    threshold: (Int) -> Double
  ) -> TrendFit? {
    let m = points.count
    let half = m / 2
    guard let lastHalf = fit(half, nil) else { return nil }
    var settled = half
    for k in stride(from: 0, through: half, by: step) {
      if let f = fit(k, nil), f.slope <= max(lastHalf.high, lastHalf.slope * 1.15) {
        settled = k
        break
      }
    }
    guard let line = fit(settled, nil) else { return nil }
    let band = max(4 * line.noise, threshold(settled) / 2)
    var residuals = [Double](repeating: 0, count: half)
    for j in 0..<half { residuals[j] = points[j] - line.value(atSample: signal.sample(ofPoint: j)) }
    var joined = 0
    for j in 0..<half {
      let window = residuals[max(0, j - 1)...min(half - 1, j + 1)]
      if abs(RobustStatistics.median(window)) > band { joined = j + 1 }
    }
    return fit(min(joined, half), nil)
  }

  /// Samples for the CI of the growth over the tail to shrink to ± half the threshold: the
  /// half-width shrinks as 1/√length for a fixed rate, so the run must grow by (width / target)².
  /// Capped at 100× the current length.
  func precisionSamples(_ fit: TrendFit, threshold: Double, samples n: Int) -> Int {
    let halfWidth = (fit.growthHigh - fit.growthLow) / 2
    let target = threshold / 2
    guard halfWidth > target, target > 0 else { return n }
    let factor = min((halfWidth / target) * (halfWidth / target), 100)
    return Int((Double(n) * factor).rounded(.up))
  }

  /// For growth that slows from `first` to `second`: fit an exponential approach to a plateau
  /// (rate r·e^(−t/τ)), find when the growth still to come falls below half the threshold, and
  /// ask for a run in which that point leaves a tail of a third.
  func levellingSamples(first: TrendFit, second: TrendFit, threshold: Double, samples n: Int) -> Int
  {
    let c1 = first.firstSample + first.spanSamples / 2
    let c2 = second.firstSample + second.spanSamples / 2
    guard first.slope > second.slope, second.slope > 0, c2 > c1 else { return 2 * n }
    let tau = (c2 - c1) / (first.slope / second.slope).logarithm
    let remaining = second.slope * tau
    let wait = remaining > threshold / 2 ? tau * (remaining / (threshold / 2)).logarithm : 0
    let needed = 1.5 * (c2 + wait)
    return min(max(Int(needed.rounded(.up)), n + n / 4), 100 * n)
  }

  /// The tail's growth as one jump: the largest run of rises beyond the noise, if removing it
  /// leaves the tail practically flat.
  func singleStep(points: [Double], from k: Int, threshold: Double, signal: TrendSignal)
    -> (sample: Int, height: Double)?
  {
    let tail = Array(points[k...])
    guard tail.count >= 4 else { return nil }
    var diffs = [Double](repeating: 0, count: tail.count - 1)
    for i in 0..<diffs.count { diffs[i] = tail[i + 1] - tail[i] }
    let center = RobustStatistics.median(diffs)
    let bound = max(6 * RobustStatistics.mad(diffs), threshold / 2)
    var best: (start: Int, end: Int, height: Double)?
    var i = 0
    while i < diffs.count {
      guard diffs[i] - center > bound else {
        i += 1
        continue
      }
      var j = i
      var height = diffs[i]
      while j + 1 < diffs.count, diffs[j + 1] - center > bound {
        j += 1
        height += diffs[j]
      }
      if height > (best?.height ?? 0) { best = (i, j, height) }
      i = j + 1
    }
    guard let best else { return nil }
    var flattened = tail
    for p in (best.end + 1)..<flattened.count { flattened[p] -= best.height }
    guard
      let f = TrendFit.fit(
        flattened[...], firstSample: signal.sample(ofPoint: k),
        samplesPerPoint: signal.samplesPerPoint),
      f.growthHigh <= threshold
    else { return nil }
    return (signal.firstSample(ofPoint: k + best.end + 1), best.height)
  }

  /// Adds the projection.
  private func finish(_ analysis: TrendAnalysis, series: MemorySeries) -> TrendAnalysis {
    var a = analysis
    if let limitMiB {
      let fit = a.fit
      let growing = (a.verdict == .leak || a.verdict == .inconclusive) && (fit?.slope ?? 0) > 0
      let last = Double(series.count - 1)
      let level =
        growing
        ? (fit?.value(atSample: last) ?? a.endMiB)
        : (a.plateauMiB ?? fit?.value(atSample: last) ?? a.endMiB)
      a.projection = TrendProjection.project(
        limit: limitMiB, values: series.values, level: level, growing: growing,
        slope: fit?.slope ?? 0, low: fit?.low ?? 0, high: fit?.high ?? 0,
        requestsPerSample: series.requestsPerSample, intervalSeconds: series.intervalSeconds)
    }
    return a
  }
}

extension Double {
  /// The natural logarithm, without Foundation.
  fileprivate var logarithm: Double {
    POSIX.log(self)
  }
}
