import MemReportCore
/// One of memory_profiler's sections: a top-N list of rows, largest first.
///
/// Only the top N rows (default 50) are printed, so a key missing from a section is *unknown*:
/// at most `cutoff`, not zero, unless the rows add up to the report's total (a large `top:` was
/// used) and the list is therefore complete.
public struct Section: Sendable {
  public var title: SectionTitle
  /// Rows in printed order.
  public var rows: [Row] = []
  /// The section printed `NO DATA` (or, before 0.9.5, a title with no rows).
  public var noData = false
  /// Values were printed scaled (`1.94 MB`) and converted back, so each is approximate.
  public var approximate = false
  /// Rows are missing for a reason other than the top-N cut: an elision (`...`) or a truncated
  /// paste. Sums over such a section are lower bounds even when the list looks complete.
  public var incomplete = false
  /// Fewer rows than the report's longest list, yet short of its exact total: rows were removed
  /// from the paste (by hand or by a tool). Never a complete list.
  public var trimmed = false
  /// 1-based line of the title in the input.
  public var line: Int
  /// Set when the rows were filtered or merged by `ProfileTransform`: whether the rows as printed
  /// were the complete list, so sums over the remaining rows are exact.
  public var originalListComplete: Bool?
  /// Rows removed by `--allow-files` / `--ignore-files`.
  public var rowsFilteredOut = 0
  /// File filters were applied to this section's rows.
  public var filtered = false

  public init(title: SectionTitle, line: Int) {
    self.title = title
    self.line = line
  }

  /// The smallest listed value: an unlisted key has at most this much.
  public var cutoff: Int64? { rows.lazy.map(\.value).min() }

  /// The sum of the listed values.
  public var listedTotal: Int64 { rows.reduce(0) { $0 +| $1.value } }

  /// Whether the rows account for all of `total`, i.e. nothing was cut off.
  public func isComplete(total: Int64?) -> Bool {
    if let originalListComplete { return originalListComplete }
    guard let total, !incomplete, !approximate else { return false }
    return listedTotal == total
  }

  /// What the section says about a key: its value, a bound when it is not listed, or exactly zero
  /// when the list is complete.
  public func value(ofNameID nameID: Int32, line: Int32 = Row.noLine, total: Int64?) -> KeyValue {
    if let row = rows.first(where: { $0.nameID == nameID && $0.line == line }) {
      return .listed(row.value)
    }
    if isComplete(total: total) || (noData && !filtered) { return .absent }
    return .unlisted(atMost: cutoff ?? 0)
  }
}

/// A key's value in a top-N section.
public enum KeyValue: Equatable, Sendable {
  /// Printed in the section.
  case listed(Int64)
  /// Not printed; the list was cut off, so the key has at most this much.
  case unlisted(atMost: Int64)
  /// Not printed, and the list is complete: the key has nothing.
  case absent
}
