import MemReportCore
/// Whether a figure counts every allocation made while profiling or only the objects still alive
/// at the end (memory_profiler's `TYPES`).
public enum AllocationState: String, CaseIterable, Sendable, Codable {
  case allocated, retained
}

/// What a section measures (memory_profiler's `METRICS`).
public enum Metric: String, CaseIterable, Sendable, Codable {
  /// Bytes, from `ObjectSpace.memsize_of`.
  case memory
  /// Object counts.
  case objects
}

/// What a section's rows are keyed on (memory_profiler's `NAMES`).
public enum Grouping: String, CaseIterable, Sendable, Codable {
  case gem, file, location
  case `class`
  /// Heap dumps only: the VM type (`STRING`, `IMEMO`) and the GC generation of allocation.
  case type, generation

  /// Whether rows of this grouping carry file paths.
  public var hasPaths: Bool { self == .file || self == .location }
}

/// The identity of one of memory_profiler's 16 sections, e.g. "allocated memory by location".
public struct SectionTitle: Hashable, Sendable, Comparable {
  public var state: AllocationState
  public var metric: Metric
  public var grouping: Grouping

  public init(_ state: AllocationState, _ metric: Metric, _ grouping: Grouping) {
    self.state = state
    self.metric = metric
    self.grouping = grouping
  }

  /// The title exactly as memory_profiler prints it.
  public var text: String { "\(state.rawValue) \(metric.rawValue) by \(grouping.rawValue)" }

  /// memory_profiler's fixed print order: state × metric × grouping.
  public var order: Int {
    let s = AllocationState.allCases.firstIndex(of: state) ?? 0
    let m = Metric.allCases.firstIndex(of: metric) ?? 0
    let g = Grouping.allCases.firstIndex(of: grouping) ?? 0
    return s * 16 + m * 8 + g
  }

  /// All 16 titles in print order.
  public static let all: [SectionTitle] = AllocationState.allCases.flatMap { state in
    Metric.allCases.flatMap { metric in
      Grouping.allCases.map { SectionTitle(state, metric, $0) }
    }
  }

  public static func < (lhs: SectionTitle, rhs: SectionTitle) -> Bool { lhs.order < rhs.order }
}

extension Units {
  /// A value of `metric`: bytes for memory, a count for objects.
  public static func value(_ value: Int64, _ metric: Metric) -> String {
    metric == .memory ? bytes(value) : count(value)
  }
}
