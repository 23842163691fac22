/// memreport's arithmetic policy for values that come from inputs (one home for it):
///
/// - A parsed count is at most `Int64.maximumCount` (2^53, about 9 PB or 9·10^15 objects: beyond
///   any process, and the largest integer a `Double` holds exactly). A larger number is not a value
///   a profile can hold: the parser skips it with a warning, or refuses a total.
/// - Sums of counts saturate at `Int64.max` (`+|`), so a hostile file of many huge rows can never
///   wrap to a negative total, and a saturated sum is never smaller than a part.
/// - Conversions from `Double` go through `Int64(clamping:)`, never `Int64(_:)`, and words go
///   through `Units`, whose every function is total (NaN, infinities, 1e308 print).
infix operator +| : AdditionPrecedence
infix operator +|= : AssignmentPrecedence

extension Int64 {
  /// The largest count a parser accepts: 2^53.
  public static let maximumCount: Int64 = 1 << 53

  /// `a + b`, or `Int64.max` / `Int64.min` where the sum would overflow.
  @inlinable public static func +| (a: Int64, b: Int64) -> Int64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    guard overflow else { return sum }
    return b > 0 ? .max : .min
  }

  @inlinable public static func +|= (a: inout Int64, b: Int64) { a = a +| b }

  /// `value` rounded toward zero and clamped to `Int64`'s range; NaN is 0.
  @inlinable public init(clamping value: Double) {
    if value.isNaN {
      self = 0
    } else if value >= 9_223_372_036_854_775_807.0 {
      self = .max
    } else if value <= -9_223_372_036_854_775_808.0 {
      self = .min
    } else {
      self = Int64(value)
    }
  }
}
