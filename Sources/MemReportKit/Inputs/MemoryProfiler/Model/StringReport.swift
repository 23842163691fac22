import MemReportCore
/// One location of a string group: where copies of the string were allocated.
public struct StringLocation: Hashable, Sendable {
  /// Interned file part of the location.
  public var fileID: Int32
  /// Line after the last colon, `Row.noLine` or `Row.emptyLine` as for location rows.
  public var line: Int32
  /// Objects allocated there.
  public var count: Int64

  public init(fileID: Int32, line: Int32, count: Int64) {
    self.fileID = fileID
    self.line = line
    self.count = count
  }
}

/// One string of a string report with its locations. Location lists are never cut off.
public struct StringGroup: Sendable {
  /// The value exactly as printed: Ruby's `String#inspect`, quotes and escapes included, decoded
  /// leniently from UTF-8. This is the key; two groups may print the same text (memory_profiler
  /// groups the first 200 characters by identity).
  public var string: String
  /// Object count (never bytes, even with `scale_bytes`).
  public var count: Int64
  public var locations: [StringLocation] = []
  /// Heap dumps: the copies' bytes, and what sharing one copy would free (the bytes minus the
  /// largest copy); memory_profiler prints neither.
  public var bytes: Int64?
  public var reclaimable: Int64?
  /// 1-based line of the group in the input.
  public var line: Int

  public init(string: String, count: Int64, line: Int) {
    self.string = string
    self.count = count
    self.line = line
  }
}

/// `Allocated String Report` or `Retained String Report`.
public struct StringReport: Sendable {
  public var state: AllocationState
  public var groups: [StringGroup] = []
  /// 1-based line of the title.
  public var line: Int
  /// Rows were dropped by an elision or a truncated paste.
  public var incomplete = false

  public init(state: AllocationState, line: Int) {
    self.state = state
    self.line = line
  }

  /// The title exactly as memory_profiler prints it.
  public var title: String { Self.title(state) }

  /// "Allocated String Report" / "Retained String Report".
  public static func title(_ state: AllocationState) -> String {
    state == .allocated ? "Allocated String Report" : "Retained String Report"
  }
}
