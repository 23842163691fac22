import MemReportCore
/// One section (or string report) of a diff: every key of either side, largest change first.
public struct DiffSection: Sendable {
  /// The title exactly as memory_profiler prints it ("allocated memory by location", or
  /// "Allocated String Report").
  public var title: String
  /// Bytes or objects.
  public var metric: Metric
  /// Sorted by the magnitude of the certain delta, then the delta, then name: deterministic.
  public var rows: [DiffRow]

  /// Counts per status.
  public let statusCounts: [DiffStatus: Int]

  public init(title: String, metric: Metric, rows: [DiffRow]) {
    self.title = title
    self.metric = metric
    self.rows = rows
    statusCounts = rows.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
  }

  /// Rows whose status is not `same`, in order.
  public var movers: [DiffRow] { rows.filter { $0.status != .same } }

  /// The first `count` movers, without filtering the whole section.
  public func topMovers(_ count: Int) -> [DiffRow] {
    Array(rows.lazy.filter { $0.status != .same }.prefix(count))
  }

  /// How many rows are not `same`.
  public var moverCount: Int { rows.count - (statusCounts[.same] ?? 0) }
}
