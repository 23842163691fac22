import MemReportCore
/// Formatting shared by the diff writers: signed deltas with a true minus sign, percentages, and
/// the one-line verdict a pull request can quote.
public enum DiffFormat {
  /// `−35.5 kB`, `+1,204`, `0`.
  public static func signed(_ value: Double, _ metric: Metric) -> String {
    if value == 0 { return "0" }
    let sign = value < 0 ? Units.minus : "+"
    return sign + magnitude(abs(value), metric)
  }

  /// A value without sign: bytes in decimal units, objects with separators (one decimal when a
  /// per-iteration value is fractional and small).
  public static func magnitude(_ value: Double, _ metric: Metric) -> String {
    if metric == .memory { return Units.bytes(Int64(value.rounded())) }
    if value < 100 && value != value.rounded() { return Units.fixed(value, digits: 1) }
    return Units.count(Int64(value.rounded()))
  }

  /// A side's value for a table cell: the median, `< bound` when unlisted, or `—`.
  public static func side(_ side: SideValue, _ metric: Metric) -> String {
    if side.isUnlisted {
      if let bound = side.bound { return "< " + magnitude(bound, metric) }
      return "—"
    }
    var text = magnitude(side.median, metric)
    if side.runCount > 1 && side.low != side.high {
      text += " (" + magnitude(side.low, metric) + "–" + magnitude(side.high, metric) + ")"
    }
    if side.bound != nil { text = "≤ " + text }
    return text
  }

  /// A row's delta: exact, or a guaranteed minimum (`≥ +1.2 kB`) when a side is a bound.
  public static func delta(_ row: DiffRow, _ metric: Metric) -> String {
    if row.before.isKnown && row.after.isKnown { return signed(row.delta, metric) }
    let certain = row.certainDelta
    if certain > 0 { return "≥ " + signed(certain, metric) }
    if certain < 0 { return "≤ " + signed(certain, metric) }
    return "?"
  }

  /// What a section's rows are keyed on, for a column heading: `location`, `gem`, `string`.
  public static func keyNoun(_ kind: DiffSection.Kind) -> String {
    kind.grouping?.rawValue ?? "string"
  }

  public static func percent(_ row: DiffRow) -> String {
    if row.status == .new { return "new" }
    guard let p = row.deltaPercent else { return "" }
    return Units.signedPercent(p)
  }

  /// "Allocated memory −35.5 kB (−0.08%), objects −888; retained unchanged".
  public static func verdict(_ diff: ProfileDiff) -> String {
    var parts: [String] = []
    for state in AllocationState.allCases {
      let bytes = diff.total(state, .memory)
      let objects = diff.total(state, .objects)
      let name = state == .allocated ? "Allocated" : "retained"
      guard let b = bytes?.delta, let o = objects?.delta else {
        parts.append("\(name) totals unknown")
        continue
      }
      if b == 0 && o == 0 {
        parts.append("\(name) unchanged")
        continue
      }
      var text = "\(name) memory "
      text += b == 0 ? "unchanged" : signed(b, .memory) + (bytes?.deltaPercent.map { " (\(Units.signedPercent($0)))" } ?? "")
      text += ", objects "
      text += o == 0 ? "unchanged" : signed(o, .objects) + (objects?.deltaPercent.map { " (\(Units.signedPercent($0)))" } ?? "")
      if let t = bytes, !t.isReal, t.before?.runCount ?? 1 > 1 || t.after?.runCount ?? 1 > 1 { text += " (within run-to-run noise)" }
      parts.append(text)
    }
    var line = parts.joined(separator: "; ")
    if let runs = diff.perIteration { line += " — per iteration (before ran \(runs.before) times, after \(runs.after))" }
    return line
  }
}
