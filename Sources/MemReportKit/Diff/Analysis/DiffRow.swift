import MemReportCore
/// How a key changed between the two sides.
public enum DiffStatus: String, Sendable, CaseIterable {
  /// Printed after only; the before list was complete, so it was absent before.
  case new
  /// Printed before only; the after list was complete.
  case gone
  /// Known on both sides and different (with several runs: ranges that do not overlap).
  case changed
  /// Known on both sides and equal (with several runs: ranges that overlap, i.e. within noise).
  case same
  /// Printed on one side only while the other side's list was cut off above it: that side's
  /// value is a bound ("< 1.2 kB"), not zero.
  case outsideTopN = "outside top N"
}

/// One key of a diffed section or string report.
public struct DiffRow: Sendable {
  /// The key: a normalized location, file, gem, class, or a string as printed. Made when read,
  /// from the section's shared key table: a diff of millions of keys holds no string per row.
  public var name: String { names.name(Int(index)) }
  let names: DiffRowNames
  let index: Int32
  public var before: SideValue
  public var after: SideValue
  public var status: DiffStatus

  /// After minus before, medians; a bound when one side is.
  public var delta: Double { after.median - before.median }

  /// The range the true delta lies in: exact for known sides, wider when a side is a bound.
  public var deltaRange: (low: Double, high: Double) {
    (after.low - before.high, after.high - before.low)
  }

  /// The delta is no larger than the rounding of the printed values: it may be no change at all.
  public var withinRounding: Bool {
    let rounding = before.rounding + after.rounding
    return rounding > 0 && abs(delta) <= rounding
  }

  public init(name: String, before: SideValue, after: SideValue, status: DiffStatus) {
    self.init(
      names: DiffRowNames { _ in name }, index: 0, before: before, after: after, status: status)
  }

  /// A row whose name is key `index` of `names`.
  init(names: DiffRowNames, index: Int, before: SideValue, after: SideValue, status: DiffStatus) {
    self.names = names
    self.index = Int32(clamping: index)
    self.before = before
    self.after = after
    self.status = status
  }

  /// `delta` relative to before, in percent; `nil` when before is zero or either side unknown.
  public var deltaPercent: Double? {
    guard before.isKnown, after.isKnown, before.median != 0 else { return nil }
    return delta / before.median * 100
  }

  /// The change the data guarantees: the delta when both sides are known, else the smallest
  /// magnitude in `deltaRange` (0 when the range spans zero). Rows sort on its magnitude.
  public var certainDelta: Double {
    if before.isKnown && after.isKnown { return delta }
    let (low, high) = deltaRange
    if low > 0 { return low }
    if high < 0 { return high }
    return 0
  }
}

/// The names of one diffed section's keys, shared by its rows (one reference per row instead of
/// one string).
public final class DiffRowNames: Sendable {
  private let lookup: @Sendable (Int) -> String
  private let order: (@Sendable (Int, Int) -> Bool)?
  /// - Parameters:
  ///   - order: whether name `a` sorts before name `b` without making either (the names' Unicode
  ///     scalar order); by default the names are made and compared.
  init(
    _ lookup: @escaping @Sendable (Int) -> String,
    order: (@Sendable (Int, Int) -> Bool)? = nil
  ) {
    self.lookup = lookup
    self.order = order
  }
  func name(_ index: Int) -> String { lookup(index) }
  func precedes(_ a: Int, _ b: Int) -> Bool {
    if let order { return order(a, b) }
    return lookup(a) < lookup(b)
  }
}
