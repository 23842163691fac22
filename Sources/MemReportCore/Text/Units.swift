/// Units and percentages in one place, in memory_profiler's convention: decimal byte units
/// (`kB` = 1000 bytes, lower-case `k`), integer object counts with thousands separators.
public enum Units {
  private static let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]

  /// `1.94 MB`, `999 B`, `12.3 kB`: three significant digits, decimal units.
  public static func bytes(_ value: Int64) -> String {
    let magnitude = value.magnitude
    let sign = value < 0 ? "-" : ""
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
    return value < 0 ? "-" + out : out
  }

  /// `71.3%`; `<0.1%` for tiny non-zero shares; `n/a` without a total.
  public static func percentage(_ part: Int64, of total: Int64?) -> String {
    guard let total, total > 0 else { return "n/a" }
    let share = Double(part) / Double(total) * 100
    if share > 0 && share < 0.05 { return "<0.1%" }
    return fixed(share, digits: 1) + "%"
  }

  /// `value` with exactly `digits` decimals, without Foundation's locale-dependent formatting.
  public static func fixed(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded()
    let negative = rounded < 0
    let whole = Int64(rounded.magnitude) / Int64(scale)
    let fraction = Int64(rounded.magnitude) % Int64(scale)
    var text = String(whole)
    if digits > 0 {
      let f = String(fraction)
      text += "." + String(repeating: "0", count: digits - f.count) + f
    }
    return negative ? "-" + text : text
  }
}
