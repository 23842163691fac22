import MemReportCore
/// How much of a report's exact total a top-N section's rows account for (`ProfileWording.coverage`
/// says it in words).
public struct SectionCoverage: Sendable, Equatable {
  /// Rows printed.
  public var listed: Int
  /// Sum of the printed values.
  public var listedTotal: Int64
  /// The report's total for the section's state and metric, when the header gave it.
  public var total: Int64?
  /// The smallest printed value: an unlisted key has at most this much.
  public var cutoff: Int64?
  /// The rows add up to the total: nothing was cut off, so sums over them are exact.
  public var complete: Bool
  /// Fewer rows than the report's other lists, yet short of the exact total: a trimmed paste.
  public var trimmed: Bool

  /// - Complexity: O(*n*) in the section's rows.
  public init(section: Section, in profile: Profile) {
    listed = section.rows.count
    listedTotal = section.listedTotal
    total = profile.total(for: section.title)
    cutoff = section.cutoff
    complete = profile.isListComplete(section)
    trimmed = section.trimmed
  }
}
