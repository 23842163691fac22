import MemReportCore
/// What one side of a diff (one or more runs) says about a key.
///
/// Each run gives an exact value (printed, or 0 when absent from a complete list) or only an
/// upper bound (absent from a list that was cut off: at most the list's smallest printed value).
/// Unknown runs count at their bound for the median and the high end, and at 0 for the low end.
public struct SideValue: Sendable {
  /// Median over runs.
  public var median: Double
  /// Smallest and largest value the runs allow.
  public var low: Double
  public var high: Double
  /// The largest bound of the runs that do not list the key ("< 1.2 kB"); `nil` when all are known.
  public var bound: Double? {
    get { storedBound.isNaN ? nil : storedBound }
    set { storedBound = newValue ?? .nan }
  }
  /// `bound`, NaN for none: a diff holds one value per key and side, so it is kept small.
  private var storedBound = Double.nan
  private var listed: Int32
  private var runs: Int32
  /// Runs that printed the key with a non-zero value.
  public var listedRuns: Int { Int(listed) }
  public var runCount: Int { Int(runs) }
  /// How far the printed values may be from the true ones (half a unit of the last digit of a
  /// scaled `588.44 kB`); 0 for exact values.
  public var rounding = 0.0

  /// Every run gives an exact value.
  public var isKnown: Bool { bound == nil }
  /// No run printed the key.
  public var isUnlisted: Bool { listedRuns == 0 }

  /// Builds the value from per-run values (`nil`: unknown) and each run's bound.
  /// - Complexity: O(*r* log *r*) for *r* runs; no allocation for a single run.
  public init(values: UnsafeBufferPointer<Double>, bounds: UnsafeBufferPointer<Double>) {
    runs = Int32(clamping: values.count)
    var listed: Int32 = 0
    var bound: Double?
    var low = Double.infinity
    var high = -Double.infinity
    for i in 0..<values.count {
      let value = values[i]
      if value.isNaN {
        let b = bounds[i]
        bound = max(bound ?? 0, b)
        low = min(low, 0)
        high = max(high, b)
      } else {
        if value != 0 { listed += 1 }
        low = min(low, value)
        high = max(high, value)
      }
    }
    self.listed = listed
    self.storedBound = bound ?? .nan
    self.low = values.isEmpty ? 0 : low
    self.high = values.isEmpty ? 0 : high
    if values.count == 1 {
      median = values[0].isNaN ? bounds[0] : values[0]
    } else {
      let estimates = (0..<values.count).map { values[$0].isNaN ? bounds[$0] : values[$0] }.sorted()
      let mid = estimates.count / 2
      median =
        estimates.isEmpty
        ? 0
        : (estimates.count % 2 == 1 ? estimates[mid] : (estimates[mid - 1] + estimates[mid]) / 2)
    }
  }

  /// A value known exactly in every run (totals).
  public init(exact values: [Double]) {
    let bounds = [Double](repeating: 0, count: values.count)
    self = values.withUnsafeBufferPointer { v in
      bounds.withUnsafeBufferPointer { SideValue(values: v, bounds: $0) }
    }
  }
}

extension SideValue: Equatable {
  /// Equal values (NaN bounds, meaning none, are equal).
  public static func == (a: SideValue, b: SideValue) -> Bool {
    a.median == b.median && a.low == b.low && a.high == b.high && a.bound == b.bound
      && a.listed == b.listed && a.runs == b.runs && a.rounding == b.rounding
  }
}
