import MemReportCore
/// The verdict on one memory-over-time series and the evidence for it, in numbers.
///
/// Sample indices are 0-based positions in `MemorySeries.values`; slopes are MiB per sample
/// (multiply by 1,000 for "per 1,000 samples"; divide by `requestsPerSample` for requests).
public struct TrendAnalysis: Sendable {
  public var verdict: TrendVerdict
  /// Samples in the series.
  public var samples: Int
  /// The samples the verdict is based on: all of them, or the stretch after a restart.
  public var analysedRange: Range<Int>
  /// Samples at the start of `analysedRange` in the warm-up: for bloat, until memory settles at
  /// its plateau (`settledSample`; the tail may start later, where it is provably flat); for a
  /// leak, until it grows at its steady rate (where the tail starts).
  public var warmupSamples: Int
  /// The samples the tail growth was measured on.
  public var tailRange: Range<Int>
  /// Where memory levelled off (bloat) or stays (stable): the median of the tail's last window
  /// (`plateauWindow`), the level the tail holds at the end, MiB.
  public var plateauMiB: Double?
  /// Half the width of the central 95% of that window around the plateau, MiB ("within ±x").
  public var plateauSpreadMiB: Double?
  /// The samples the plateau is the median of: the last fifth of the tail, at least 10.
  public var plateauWindow: Range<Int>?
  /// For bloat: the sample where the warm-up ends, where memory settles within 5% of its rise (or
  /// twice the noise) of the plateau for good (`TrendClassifier.settlingPoint`).
  public var settledSample: Int?
  /// For bloat: the highest sample up to the end (above the plateau when memory fell back).
  public var peakMiB: Double?
  /// The start level (median of the first three analysed samples), and the series' extremes.
  public var startMiB: Double
  public var endMiB: Double
  public var minMiB: Double
  public var maxMiB: Double
  /// How much memory rose during the warm-up (plateau, or tail start, minus the start), MiB.
  public var riseMiB: Double?
  /// Theil–Sen slope, Sen's 95% CI and the Mann–Kendall test on the tail.
  public var fit: TrendFit?
  /// Practical threshold: tail growth at or below this is drift, not growth (2% of the tail's
  /// level, at least 1 MiB).
  public var thresholdMiB: Double
  /// Drops found in the series (restarts, big GCs, a sawtooth).
  public var pattern: TrendPattern
  /// Samples per analysis point (long series are reduced to block medians).
  public var samplesPerPoint: Int
  /// Why the verdict is `inconclusive`.
  public var uncertainty: TrendUncertainty?
  /// For `inconclusive`: about how many samples a run needs to decide.
  public var samplesNeeded: Int?
  /// When the series would reach `--limit`.
  public var projection: TrendProjection?

  public init(
    verdict: TrendVerdict, samples: Int, analysedRange: Range<Int>, warmupSamples: Int,
    tailRange: Range<Int>, startMiB: Double, endMiB: Double, minMiB: Double, maxMiB: Double,
    thresholdMiB: Double, pattern: TrendPattern, samplesPerPoint: Int
  ) {
    self.verdict = verdict
    self.samples = samples
    self.analysedRange = analysedRange
    self.warmupSamples = warmupSamples
    self.tailRange = tailRange
    self.startMiB = startMiB
    self.endMiB = endMiB
    self.minMiB = minMiB
    self.maxMiB = maxMiB
    self.thresholdMiB = thresholdMiB
    self.pattern = pattern
    self.samplesPerPoint = samplesPerPoint
  }

  /// The tail's trend is statistically significant (Mann–Kendall p < 0.05) whatever its size: a
  /// plateau or stable series that still creeps up or falls says so in its headline.
  public var residualTrend: Bool {
    guard let fit, verdict == .bloat || verdict == .stable else { return false }
    return fit.test.pValue < TrendClassifier.significance && fit.slope != 0
  }

  /// For bloat whose peak lies above the plateau by more than the threshold (and the plateau's
  /// spread): the peak it fell back from.
  public var fellBackFrom: Double? {
    guard verdict == .bloat, let peak = peakMiB, let plateau = plateauMiB else { return nil }
    return peak - plateau > max(thresholdMiB, 3 * (plateauSpreadMiB ?? 0)) ? peak : nil
  }

  /// Tail growth by the slope and by its CI bounds over the tail, MiB.
  public var tailGrowthMiB: Double? { fit?.growth }
  public var tailGrowthCI95: (low: Double, high: Double)? {
    fit.map { ($0.growthLow, $0.growthHigh) }
  }
}
