import MemReportCore
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A linear chart axis with ticks at round numbers (1-2-5 steps) covering the data, and tick labels
/// short enough to read when the chart is scaled down (`50k` requests, `1,200` MiB).
struct TrendChartScale: Equatable {
  var lower: Double
  var upper: Double
  var step: Double

  /// An axis from `minimum` to `maximum` with about `targetTicks` intervals.
  init(minimum: Double, maximum: Double, targetTicks: Int = 5) {
    var low = minimum
    var high = maximum
    if !(high > low) {
      let pad = max(abs(low) * 0.05, 1)
      low -= pad
      high += pad
    }
    let step = Self.niceStep((high - low) / Double(max(1, targetTicks)))
    self.step = step
    lower = (low / step).rounded(.down) * step
    upper = (high / step).rounded(.up) * step
  }

  /// The smallest 1, 2 or 5 × 10ᵏ at least `raw`.
  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    let residual = raw / magnitude
    let nice: Double = residual <= 1 ? 1 : (residual <= 2 ? 2 : (residual <= 5 ? 5 : 10))
    return nice * magnitude
  }

  /// Tick values from `lower` to `upper`.
  var ticks: [Double] {
    var result: [Double] = []
    var i = 0.0
    // At most 100 ticks: a step too small to move a huge value (1.7e308) looped until memory ran out.
    while result.count < 100, step.isFinite, step > 0 {
      let v = lower + i * step
      if !v.isFinite || v > upper + step * 1e-9 { break }
      result.append(abs(v) < step * 1e-9 ? 0 : v)
      i += 1
    }
    return result
  }

  /// Where `value` falls between `lower` (0) and `upper` (1).
  func fraction(_ value: Double) -> Double { (value - lower) / (upper - lower) }

  /// A tick label: thousands separators, decimals only as fine as the step, `k`/`M` for large
  /// round values.
  func label(_ value: Double) -> String {
    if value == 0 { return "0" }
    if upper >= 10_000_000, step >= 1_000_000 {
      return compact(value / 1_000_000, step / 1_000_000) + "M"
    }
    if upper >= 10_000, step >= 1000 { return compact(value / 1000, step / 1000) + "k" }
    return compact(value, step)
  }

  private func compact(_ value: Double, _ step: Double) -> String {
    let decimals = step >= 1 ? 0 : Int((-log10(step)).rounded(.up))
    return Units.grouped(value, digits: max(0, decimals))
  }
}
