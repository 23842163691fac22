import MemReportCore

/// The unit a growth rate is given in: MiB per minute, or per hour for slow rates, when the
/// sampling interval is known (derailed's 5 s, a time column, `--interval`); MiB per 1,000 samples
/// only when it is not (a list of numbers from another tool). Slopes are MiB per sample.
enum TrendRate: Equatable {
  case perMinute
  case perHour
  case perThousandSamples

  /// The unit for rates of these series, shared so that rates side by side compare: per 1,000
  /// samples unless every interval is known; per minute when the largest rate is at least 1 MiB a
  /// minute, else per hour.
  /// - Parameter rates: each series' interval (`nil` when not known) and slope.
  static func unit(for rates: [(interval: Double?, slope: Double?)]) -> TrendRate {
    var fastest = 0.0
    for r in rates {
      guard let interval = r.interval, interval > 0 else { return .perThousandSamples }
      fastest = max(fastest, abs(r.slope ?? 0) * 60 / interval)
    }
    guard !rates.isEmpty else { return .perThousandSamples }
    return fastest >= 1 ? .perMinute : .perHour
  }

  /// The unit for one series' rates.
  static func unit(for series: MemorySeries, slope: Double?) -> TrendRate {
    unit(for: [(series.knownInterval, slope)])
  }

  /// MiB per sample to this unit, for a series sampled every `interval` seconds.
  func factor(interval: Double?) -> Double {
    guard let interval, interval > 0 else { return 1000 }
    switch self {
    case .perMinute: return 60 / interval
    case .perHour: return 3600 / interval
    case .perThousandSamples: return 1000
    }
  }

  func factor(_ series: MemorySeries) -> Double { factor(interval: series.knownInterval) }

  /// `MiB/min`, `MiB/h`, `MiB per 1,000 samples`.
  var suffix: String {
    switch self {
    case .perMinute: return "MiB/min"
    case .perHour: return "MiB/h"
    case .perThousandSamples: return "MiB per 1,000 samples"
    }
  }

  /// `per minute`, `per hour`, `per 1,000 samples` (a column heading).
  var per: String {
    switch self {
    case .perMinute: return "per minute"
    case .perHour: return "per hour"
    case .perThousandSamples: return "per 1,000 samples"
    }
  }

  /// The number alone, for a series sampled every `interval` seconds.
  func number(_ slope: Double, interval: Double?) -> String {
    Self.significant(slope * factor(interval: interval))
  }

  /// `Units.significant`, or Swift's own exponent form beyond what it can group (a hostile
  /// series with a tiny interval).
  static func significant(_ value: Double) -> String {
    abs(value) < 1e15 || !value.isFinite ? Units.significant(value) : "\(value)"
  }

  /// The number alone: `67.8`.
  func number(_ slope: Double, _ series: MemorySeries) -> String {
    Units.significant(slope * factor(series))
  }

  /// `67.8 MiB/min`.
  func text(_ slope: Double, _ series: MemorySeries) -> String {
    "\(number(slope, series)) \(suffix)"
  }

  /// With its sign: `+8.06 MiB/h`, `−3.1 MiB/h`, `±0 MiB/h`.
  func signed(_ slope: Double, _ series: MemorySeries) -> String {
    let text = Self.significant(abs(slope * factor(series)))
    return (text == "0" ? "±0" : (slope < 0 ? Units.minus : "+") + text) + " " + suffix
  }

  /// The 95% CI's bounds: `67.5–68.0`.
  func interval(_ low: Double, _ high: Double, _ series: MemorySeries) -> String {
    Units.interval(number(low, series), number(high, series))
  }
}

extension MemorySeries {
  /// `intervalSeconds` when known, else `nil`.
  var knownInterval: Double? { intervalKnown ? intervalSeconds : nil }
}
