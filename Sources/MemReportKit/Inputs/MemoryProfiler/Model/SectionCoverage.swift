import MemReportCore
/// How much of a report's exact total a top-N section's rows account for.
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

  /// - Complexity: O(*n*) in the section's rows.
  public init(section: Section, in profile: Profile) {
    listed = section.rows.count
    listedTotal = section.listedTotal
    total = profile.total(for: section.title)
    cutoff = section.cutoff
    complete = profile.isListComplete(section)
  }

  /// `50 locations listed: 71.3% of 12.3 MB allocated`; for filtered rows,
  /// `3 of 33 locations kept by the filters: at least 93.9% of 323 kB allocated`.
  public func sentence(for title: SectionTitle, section: Section) -> String {
    let approx = section.approximate ? "≈" : ""
    let noun = Self.noun(title.grouping, listed + section.rowsFilteredOut)
    var text: String
    if section.filtered {
      text = "\(Units.count(Int64(listed))) of \(Units.count(Int64(listed + section.rowsFilteredOut))) \(noun) kept by the filters"
    } else {
      text = "\(Units.count(Int64(listed))) \(Self.noun(title.grouping, listed)) listed"
    }
    let unit = title.metric == .objects ? " objects" : ""
    if let total {
      let bound = section.filtered && !complete ? "at least " : ""
      text += ": \(bound)\(Units.percentage(listedTotal, of: total)) of \(approx)\(Units.value(total, title.metric))\(unit) \(title.state.rawValue)"
      if section.filtered {
        text += complete ? " (exact: the unfiltered list was complete)" : ", from a top-N list"
      } else if complete {
        text += " (complete list)"
      }
    } else {
      text += ": \(approx)\(Units.value(listedTotal, title.metric))\(unit); the report's total is unknown"
    }
    return text
  }

  static func noun(_ grouping: Grouping, _ count: Int) -> String {
    if count == 1 { return grouping == .class ? "class" : String(grouping.plural.dropLast()) }
    return grouping.plural
  }
}
