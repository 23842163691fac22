/// One section (or string report) of a diff: every key of either side, largest change first.
public struct DiffSection: Sendable {
  /// The title exactly as memory_profiler prints it ("allocated memory by location", or
  /// "Allocated String Report").
  public var title: String
  /// Bytes or objects.
  public var metric: Metric
  /// Sorted by the magnitude of the certain delta, then the delta, then name: deterministic.
  public var rows: [DiffRow]

  /// Rows whose status is not `same`.
  public var movers: [DiffRow] { rows.filter { $0.status != .same } }

  /// Counts per status.
  public var statusCounts: [DiffStatus: Int] {
    rows.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
  }
}
