/// Every number memreport prints is spelled here: decimal byte units in memory_profiler's
/// convention (`kB` = 1000 bytes), MiB for memory-over-time series, object counts with thousands
/// separators, percentages, signed changes, durations and p-values. Plain digits, no locale; a
/// negative number always carries U+2212 (`−`), never a hyphen.
public enum Units {
  /// The minus sign of every negative number memreport prints.
  public static let minus = "\u{2212}"

  private static let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]

  /// `1.94 MB`, `999 B`, `12.3 kB`: three significant digits, decimal units.
  public static func bytes(_ value: Int64) -> String {
    let magnitude = value.magnitude
    let sign = value < 0 ? minus : ""
    if magnitude < 1000 { return "\(sign)\(magnitude) B" }
    var scaled = Double(magnitude)
    var unit = 0
    while scaled >= 999.95 && unit < units.count - 1 {
      scaled /= 1000
      unit += 1
    }
    let digits = scaled >= 100 ? 0 : (scaled >= 10 ? 1 : 2)
    return "\(sign)\(fixed(scaled, digits: digits)) \(units[unit])"
  }

  /// `59,761`.
  public static func count(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return value < 0 ? minus + out : out
  }

  /// `1 sample`, `12 samples`, `1,204 requests`.
  public static func counted(_ value: Int, _ singular: String, plural: String? = nil) -> String {
    value == 1 ? "1 \(singular)" : count(Int64(value)) + " " + (plural ?? singular + "s")
  }

  /// `71.3%` of a total; `<0.1%` for tiny non-zero shares; `n/a` without a total.
  public static func percentage(_ part: Int64, of total: Int64?) -> String {
    guard let total, total > 0 else { return "n/a" }
    let share = Double(part) / Double(total) * 100
    if share > 0 && share < 0.05 { return "<0.1%" }
    return fixed(share, digits: 1) + "%"
  }

  /// A share (0–1) as `20%`, `4.5%`, `0.3%`.
  public static func share(_ share: Double) -> String {
    let value = share * 100
    return value >= 10 || value == 0
      ? fixed(value, digits: 0) + "%" : fixed(value, digits: 1) + "%"
  }

  /// A signed percentage change: `−0.08%`, `+5.8%`, `+34,382.6%`, `0%`; a change too small to
  /// show in two decimals is `+<0.01%`, never `−0.00%`.
  public static func signedPercent(_ value: Double) -> String {
    if value == 0 { return "0%" }
    let sign = value < 0 ? minus : "+"
    let magnitude = abs(value)
    if magnitude < 0.005 { return sign + "<0.01%" }
    return sign + grouped(magnitude, digits: magnitude < 1 ? 2 : 1) + "%"
  }

  /// `value` with exactly `digits` decimals, without Foundation's locale-dependent formatting.
  /// Machine-readable: a negative value has an ASCII `-` (JSON, CSV, sort keys); words use the
  /// functions above and below. Total: a value beyond what fixed digits hold exactly (|x| ≥ 2^53
  /// once scaled) is Swift's shortest form (`1e+20`), NaN and infinities are `nan`, `inf`, `-inf`.
  public static func fixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    var scale = 1.0
    for _ in 0..<max(0, min(digits, 15)) { scale *= 10 }
    let rounded = (value * scale).rounded()
    guard rounded.magnitude < 9_007_199_254_740_992 else {
      let shortest = "\(value)"
      return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
    }
    let negative = rounded < 0
    let whole = Int64(rounded.magnitude) / Int64(scale)
    let fraction = Int64(rounded.magnitude) % Int64(scale)
    var text = String(whole)
    if digits > 0 && scale > 1 {
      let f = String(fraction)
      text += "." + String(repeating: "0", count: digits - f.count) + f
    }
    return negative ? "-" + text : text
  }

  /// `value` with `digits` decimals and thousands separators.
  public static func grouped(_ value: Double, digits: Int) -> String {
    let plain = fixed(abs(value), digits: digits)
    let parts = plain.split(separator: ".", maxSplits: 1)
    guard let whole = Int64(parts[0]) else {
      // Beyond 2^53 (`1e+20`, `inf`): shown as it is, never as 0.
      return value < 0 ? minus + plain : plain
    }
    var text = count(whole)
    if parts.count > 1 { text += "." + parts[1] }
    let isZero = !text.contains(where: { $0 != "0" && $0 != "." && $0 != "," })
    return value < 0 && !isZero ? minus + text : text
  }

  /// Three significant digits with thousands separators: `5,590`, `41.3`, `0.123`, `0`.
  public static func significant(_ value: Double, digits: Int = 3) -> String {
    guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : minus + "∞") }
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

  /// `1,204.5 MiB`, `27.7 MiB`, `3.25 MiB`, `0.125 MiB` (memory-over-time series are MiB).
  public static func mib(_ value: Double) -> String { mibNumber(value) + " MiB" }

  /// The number part of `mib`.
  public static func mibNumber(_ value: Double) -> String {
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

  /// A signed MiB change: `+12.5 MiB`, `−3.20 MiB`, `±0 MiB`.
  public static func signedMiB(_ value: Double) -> String {
    let text = mibNumber(abs(value))
    if text.allSatisfy({ $0 == "0" || $0 == "." || $0 == "," }) { return "±0 MiB" }
    return (value < 0 ? minus : "+") + text + " MiB"
  }

  /// An interval: `5,629–5,668`, or `−7.96 to 22.2` when a bound is negative (a dash between
  /// signed numbers reads as a minus).
  public static func interval(_ low: String, _ high: String) -> String {
    low.hasPrefix(minus) || high.hasPrefix(minus) ? "\(low) to \(high)" : "\(low)–\(high)"
  }

  /// Rounds a count up to two significant digits, for "run about N samples": 1,234 → 1,300.
  public static func roundedUp(_ value: Double) -> Int {
    guard value.isFinite, value < 1e18 else { return value.isNaN ? 0 : Int(1e18) }
    guard value > 100 else { return Int(max(value, -1e18).rounded(.up)) }
    var scale = 1.0
    while value / scale >= 100 { scale *= 10 }
    return Int((value / scale).rounded(.up) * scale)
  }

  /// Seconds without trailing zeros: `5 s`, `2.5 s`, `0.25 s`.
  public static func seconds(_ value: Double) -> String {
    var text = significant(value, digits: 3)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text + " s"
  }

  /// `35 s`, `4.5 min`, `17 min`, `2.3 h`, `3.1 days`.
  public static func duration(_ seconds: Double) -> String {
    if seconds < 90 { return fixed(seconds, digits: 0) + " s" }
    let minutes = seconds / 60
    if minutes < 10 { return fixed(minutes, digits: 1) + " min" }
    if minutes < 90 { return fixed(minutes, digits: 0) + " min" }
    let hours = minutes / 60
    if hours < 48 { return fixed(hours, digits: 1) + " h" }
    return fixed(hours / 24, digits: 1) + " days"
  }

  /// `p < 0.001`, `p = 0.004`, `p = 0.41`.
  public static func pValue(_ p: Double) -> String { "p " + pValueRelation(p) }

  /// `< 0.001`, `= 0.004`, `= 0.41`: a p-value for a column headed `p`.
  public static func pValueRelation(_ p: Double) -> String {
    if p < 0.001 { return "< 0.001" }
    return "= " + fixed(p, digits: p < 0.01 ? 3 : 2)
  }

  private static func pow10(_ n: Int) -> Double {
    var v = 1.0
    for _ in 0..<max(0, n) { v *= 10 }
    return v
  }
}
