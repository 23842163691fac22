import MemReportCore
/// Number and duration wording shared by the trend explanation and writers: MiB (mem-over-time
/// series are MiB, never decimal MB), rates per 1,000 samples or requests, durations at the sample
/// interval, p-values. Plain digits with thousands separators, no locale.
enum TrendFormat {
  /// `1,204.5 MiB`, `27.7 MiB`, `3.25 MiB`, `0.125 MiB`.
  static func mib(_ value: Double) -> String { mibNumber(value) + " MiB" }

  /// The number part of `mib`.
  static func mibNumber(_ value: Double) -> String {
    let magnitude = abs(value)
    let digits = magnitude >= 10 ? 1 : (magnitude >= 1 ? 2 : 3)
    var text = grouped(value, digits: digits)
    // `512 MiB`, not `512.0 MiB`.
    if let dot = text.firstIndex(of: "."), text[text.index(after: dot)...].allSatisfy({ $0 == "0" })
    {
      text = String(text[..<dot])
    }
    return text
  }

  /// A signed MiB change: `+12.5 MiB`, `−3.20 MiB`.
  static func signedMiB(_ value: Double) -> String {
    let text = mibNumber(abs(value))
    if text.allSatisfy({ $0 == "0" || $0 == "." || $0 == "," }) { return "±0 MiB" }
    return (value < 0 ? "−" : "+") + text + " MiB"
  }

  /// Three significant digits with thousands separators: `5,590`, `41.3`, `0.123`, `0`.
  static func significant(_ value: Double, digits: Int = 3) -> String {
    guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
    let magnitude = abs(value)
    guard magnitude >= 1e-12 else { return "0" }
    var decimals = 0
    var scaled = magnitude
    while scaled < pow10(digits - 1) && decimals < 12 {
      scaled *= 10
      decimals += 1
    }
    // Rounding can carry into a new digit (0.99999 → 1.00, not 1.000).
    if decimals > 0 && scaled.rounded() >= pow10(digits) { decimals -= 1 }
    return grouped(value, digits: decimals)
  }

  /// `value` with `digits` decimals and thousands separators; a minus sign as U+2212 in text.
  static func grouped(_ value: Double, digits: Int) -> String {
    let plain = Units.fixed(abs(value), digits: digits)
    let parts = plain.split(separator: ".", maxSplits: 1)
    let whole = Int64(parts[0]) ?? 0
    var text = Units.count(whole)
    if parts.count > 1 { text += "." + parts[1] }
    let isZero = !text.contains(where: { $0 != "0" && $0 != "." && $0 != "," })
    return value < 0 && !isZero ? "−" + text : text
  }

  /// A confidence interval: `5,629–5,668`, or `−7.96 to 22.2` when a bound is negative (a dash
  /// between signed numbers reads as a minus).
  static func interval(_ low: String, _ high: String) -> String {
    low.hasPrefix("−") || high.hasPrefix("−") ? "\(low) to \(high)" : "\(low)–\(high)"
  }

  /// Rounds a count up to two significant digits, for "run about N samples": 1,234 → 1,300.
  static func roundedUp(_ value: Double) -> Int {
    guard value > 100 else { return Int(value.rounded(.up)) }
    var scale = 1.0
    while value / scale >= 100 { scale *= 10 }
    return Int((value / scale).rounded(.up) * scale)
  }

  /// Seconds without trailing zeros: `5 s`, `2.5 s`, `0.25 s`.
  static func seconds(_ value: Double) -> String {
    var text = significant(value, digits: 3)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text + " s"
  }

  /// `35 s`, `4.5 min`, `17 min`, `2.3 h`, `3.1 days`.
  static func duration(_ seconds: Double) -> String {
    if seconds < 90 { return "\(Int(seconds.rounded())) s" }
    let minutes = seconds / 60
    if minutes < 10 { return Units.fixed(minutes, digits: 1) + " min" }
    if minutes < 90 { return "\(Int(minutes.rounded())) min" }
    let hours = minutes / 60
    if hours < 48 { return Units.fixed(hours, digits: 1) + " h" }
    return Units.fixed(hours / 24, digits: 1) + " days"
  }

  /// `p < 0.001`, `p = 0.012`, `p = 0.41`.
  static func pValue(_ p: Double) -> String {
    if p < 0.001 { return "p < 0.001" }
    if p < 0.01 { return "p = " + Units.fixed(p, digits: 3) }
    return "p = " + Units.fixed(p, digits: 2)
  }

  /// `20%`, `4.5%`, `0.3%`.
  static func percent(_ share: Double) -> String {
    let value = share * 100
    return value >= 10 || value == 0
      ? "\(Int(value.rounded()))%" : Units.fixed(value, digits: 1) + "%"
  }

  /// `1 sample`, `12 samples`.
  static func samples(_ count: Int) -> String {
    count == 1 ? "1 sample" : Units.count(Int64(count)) + " samples"
  }

  private static func pow10(_ n: Int) -> Double {
    var v = 1.0
    for _ in 0..<max(0, n) { v *= 10 }
    return v
  }
}
