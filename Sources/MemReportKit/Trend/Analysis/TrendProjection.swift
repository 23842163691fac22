import MemReportCore
/// When a series would reach a memory limit (`--limit`, e.g. a dyno's 512 MiB quota) at the
/// measured growth, counted from the last sample.
public struct TrendProjection: Sendable, Equatable {
  /// The limit, MiB.
  public var limitMiB: Double
  /// The level the projection starts from: the fitted trend at the last sample (growing series)
  /// or the plateau (series that level off), MiB.
  public var levelMiB: Double
  /// The first sample at or above the limit, when the series already crossed it.
  public var reachedAtSample: Int?
  /// Samples after the last one until the limit at the measured slope; `nil` when the series does
  /// not grow (bloat, stable) or is already above the limit.
  public var samplesToLimit: Double?
  /// The same at the slope's 95% CI bounds: sooner at the upper bound, later at the lower bound
  /// (`nil` when the lower bound does not grow).
  public var samplesToLimitSoonest: Double?
  public var samplesToLimitLatest: Double?
  /// Requests per sample (TEST_COUNT / samples), to turn samples into requests.
  public var requestsPerSample: Double?
  /// Seconds per sample.
  public var intervalSeconds: Double

  public init(
    limitMiB: Double, levelMiB: Double, reachedAtSample: Int? = nil, samplesToLimit: Double? = nil,
    samplesToLimitSoonest: Double? = nil, samplesToLimitLatest: Double? = nil,
    requestsPerSample: Double? = nil, intervalSeconds: Double = 5
  ) {
    self.limitMiB = limitMiB
    self.levelMiB = levelMiB
    self.reachedAtSample = reachedAtSample
    self.samplesToLimit = samplesToLimit
    self.samplesToLimitSoonest = samplesToLimitSoonest
    self.samplesToLimitLatest = samplesToLimitLatest
    self.requestsPerSample = requestsPerSample
    self.intervalSeconds = intervalSeconds
  }

  /// Requests until the limit, when TEST_COUNT is known.
  public func requests(_ samples: Double?) -> Double? {
    guard let samples, let requestsPerSample else { return nil }
    return samples * requestsPerSample
  }

  /// Seconds until the limit.
  public func seconds(_ samples: Double?) -> Double? { samples.map { $0 * intervalSeconds } }

  /// Builds the projection for a series whose tail grows at `slope` (MiB per sample, with its CI)
  /// from `level` at the last sample, or levels off at `level` when `growing` is false.
  static func project(
    limit: Double, values: [Double], level: Double, growing: Bool, slope: Double, low: Double,
    high: Double, requestsPerSample: Double?, intervalSeconds: Double
  ) -> TrendProjection {
    var p = TrendProjection(
      limitMiB: limit, levelMiB: level, requestsPerSample: requestsPerSample,
      intervalSeconds: intervalSeconds)
    p.reachedAtSample = values.firstIndex { $0 >= limit }
    guard growing, p.reachedAtSample == nil, level < limit, slope > 0 else { return p }
    let headroom = limit - level
    p.samplesToLimit = headroom / slope
    p.samplesToLimitSoonest = high > 0 ? headroom / max(high, slope) : nil
    p.samplesToLimitLatest = low > 0 ? headroom / min(low, slope) : nil
    return p
  }
}
