import MemReportCore
/// One section (or string report) of a diff: every key of either side, largest change first.
public struct DiffSection: Sendable {
  /// Which of memory_profiler's lists a diff section compares.
  public enum Kind: Hashable, Sendable {
    /// One of the 16 sections, e.g. allocated memory by location.
    case section(SectionTitle)
    /// The allocated or retained string report.
    case strings(AllocationState)

    /// The section that leads a diff (top movers, chart, candidate moves): allocated memory by location.
    public static let allocatedLocations = Kind.section(
      SectionTitle(.allocated, .memory, .location))

    /// The title exactly as memory_profiler prints it ("allocated memory by location", or
    /// "Allocated String Report").
    public var title: String {
      switch self {
      case .section(let title): return title.text
      case .strings(let state): return StringReport.title(state)
      }
    }

    /// Bytes or objects: string reports count objects.
    public var metric: Metric {
      switch self {
      case .section(let title): return title.metric
      case .strings: return .objects
      }
    }

    /// What the rows are keyed on: a grouping, or `nil` for a string report (keyed on strings).
    public var grouping: Grouping? {
      switch self {
      case .section(let title): return title.grouping
      case .strings: return nil
      }
    }

    public var isStringReport: Bool { grouping == nil }
  }

  public var kind: Kind
  /// Sorted by the magnitude of the certain delta, then the delta, then name: deterministic.
  public var rows: [DiffRow]

  /// Per side: the list was complete in every run, so a key it does not list has 0 there (else
  /// such a key is unknown, below the list's cut).
  public var complete: (before: Bool, after: Bool) = (false, false)

  /// Counts per status.
  public let statusCounts: [DiffStatus: Int]

  public init(kind: Kind, rows: [DiffRow]) {
    self.kind = kind
    self.rows = rows
    statusCounts = rows.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
  }

  /// The title exactly as memory_profiler prints it.
  public var title: String { kind.title }
  /// Bytes or objects.
  public var metric: Metric { kind.metric }

  /// Rows whose status is not `same`, in order.
  public var movers: [DiffRow] { rows.filter { $0.status != .same } }

  /// The first `count` movers, without filtering the whole section.
  public func topMovers(_ count: Int) -> [DiffRow] {
    Array(rows.lazy.filter { $0.status != .same }.prefix(count))
  }

  /// How many rows are not `same`.
  public var moverCount: Int { rows.count - (statusCounts[.same] ?? 0) }
}
