import MemReportCore
/// The cells of a diff, shared by its writers: a side's value, signed deltas with a true minus
/// sign (`Units.minus`), percentages, status badges and column nouns. Sentences are
/// `DiffDocument`'s; generic number spelling is `Units`'.
package enum DiffFormat {
  /// `−35.5 kB`, `+1,204`, `0`.
  package static func signed(_ value: Double, _ metric: Metric) -> String {
    if value == 0 { return "0" }
    let sign = value < 0 ? Units.minus : "+"
    return sign + magnitude(abs(value), metric)
  }

  /// A value without sign: bytes in decimal units, objects with separators (one decimal when a
  /// per-iteration value is fractional and small).
  package static func magnitude(_ value: Double, _ metric: Metric) -> String {
    // Hostile reports give values near Int64.max, whose sums and differences a Double holds but
    // an Int64 does not: such a value is spelled at the largest Int64, never trapped on.
    guard value.isFinite else { return "?" }
    if metric == .memory { return Units.bytes(saturated(value)) }
    if value < 100 && value != value.rounded() { return Units.fixed(value, digits: 1) }
    return Units.count(saturated(value))
  }

  /// `value` rounded to an Int64, clamped to its range.
  static func saturated(_ value: Double) -> Int64 {
    let rounded = value.rounded()
    if rounded >= 9.223_372_036_854_775e18 { return .max }
    if rounded <= -9.223_372_036_854_775e18 { return .min }
    return Int64(rounded)
  }

  /// A side's value for a table cell: the median, `< bound` when unlisted, or `—` for a key that
  /// no run printed.
  package static func side(_ side: SideValue, _ metric: Metric) -> String {
    if side.isUnlisted {
      if let bound = side.bound { return "< " + magnitude(bound, metric) }
      return "—"
    }
    return value(side, metric)
  }

  /// A total's value: the report says it, so zero is `0 B` (`—` is only for a total the input
  /// does not give).
  package static func total(_ side: SideValue, _ metric: Metric) -> String {
    value(side, metric)
  }

  /// The median (with the range of several runs), `≤` when a run only bounds it, `≈` when it was
  /// read from a scaled size.
  private static func value(_ side: SideValue, _ metric: Metric) -> String {
    var text = (side.rounding > 0 ? "≈" : "") + magnitude(side.median, metric)
    if side.runCount > 1 && side.low != side.high {
      text += " (" + magnitude(side.low, metric) + "–" + magnitude(side.high, metric) + ")"
    }
    if side.bound != nil { text = "≤ " + text }
    return text
  }

  /// A row's delta: exact, or a guaranteed minimum (`≥ +1.2 kB`) when a side is a bound.
  package static func delta(_ row: DiffRow, _ metric: Metric) -> String {
    if row.before.isKnown && row.after.isKnown { return signed(row.delta, metric) }
    let certain = row.certainDelta
    if certain > 0 { return "≥ " + signed(certain, metric) }
    if certain < 0 { return "≤ " + signed(certain, metric) }
    return "?"
  }

  /// What a section's rows are keyed on, for a column heading: `location`, `gem`, `string`.
  package static func keyNoun(_ kind: DiffSection.Kind) -> String {
    kind.grouping?.rawValue ?? "string"
  }

  package static func percent(_ row: DiffRow) -> String {
    if row.status == .new { return "new" }
    guard let p = row.deltaPercent else { return "" }
    return Units.signedPercent(p)
  }

  /// A total's name: `allocated bytes`, `retained objects`.
  package static func totalLabel(_ state: AllocationState, _ metric: Metric) -> String {
    "\(state.rawValue) \(metric == .memory ? "bytes" : "objects")"
  }

  /// A status as a Markdown table cell: `NEW`, `GONE`, `changed`, `same`, `≥ top N`.
  package static func badge(_ status: DiffStatus) -> String {
    switch status {
    case .new: return "NEW"
    case .gone: return "GONE"
    case .changed: return "changed"
    case .same: return "same"
    case .outsideTopN: return "≥ top N"
    }
  }

  /// A row's status as a page badge, with a direction for changed rows: `▲ grew`, `▼ shrank`.
  package static func pageBadge(_ row: DiffRow) -> String {
    switch row.status {
    case .changed: return row.delta > 0 ? "▲ grew" : "▼ shrank"
    default: return badge(row.status)
    }
  }

  /// The mark before a chart bar's value: `NEW `, `GONE `, `≥ top N `, or nothing.
  package static func chartMark(_ status: DiffStatus) -> String {
    switch status {
    case .new, .gone, .outsideTopN: return badge(status) + " "
    case .changed, .same: return ""
    }
  }
}
