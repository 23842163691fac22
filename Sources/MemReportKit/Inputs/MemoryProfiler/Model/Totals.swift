import MemReportCore
/// A total from a report header, `Total allocated: 99059 bytes (1237 objects)`.
public struct TotalAmount: Sendable, Equatable {
  /// `nil` when the header did not give bytes (0.9.0–0.9.3 print objects only; an empty
  /// `MemoryProfiler::Results` prints `Total allocated:  bytes ( objects)`).
  public var bytes: Int64?
  public var objects: Int64?
  /// The bytes were printed scaled (`1.94 MB`) and are accurate to the printed digits only.
  public var bytesApproximate = false

  public init(bytes: Int64? = nil, objects: Int64? = nil, bytesApproximate: Bool = false) {
    self.bytes = bytes
    self.objects = objects
    self.bytesApproximate = bytesApproximate
  }

  /// The total for a metric.
  public func value(_ metric: Metric) -> Int64? { metric == .memory ? bytes : objects }
}

/// The two header lines of a report.
public struct Totals: Sendable, Equatable {
  public var allocated = TotalAmount()
  public var retained = TotalAmount()
  /// 1-based line of the `Total allocated` line; `nil` for a report without a header.
  public var line: Int?

  public init() {}

  public subscript(state: AllocationState) -> TotalAmount {
    get { state == .allocated ? allocated : retained }
    set {
      if state == .allocated { allocated = newValue } else { retained = newValue }
    }
  }
}
