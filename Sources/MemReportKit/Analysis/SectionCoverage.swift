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
    complete = section.isComplete(total: total)
  }

  /// `50 locations listed: 71.3% of 12.3 MB allocated`.
  public func sentence(for title: SectionTitle, approximate: Bool) -> String {
    let noun = listed == 1 ? String(title.grouping.plural.dropLast(title.grouping == .class ? 2 : 1)) : title.grouping.plural
    var text = "\(Measurement.count(Int64(listed))) \(noun) listed"
    let approx = approximate ? "≈" : ""
    if let total {
      text += ": \(Measurement.percentage(listedTotal, of: total)) of \(approx)\(Measurement.value(total, title.metric))"
      text += title.metric == .objects ? " objects \(title.state.rawValue)" : " \(title.state.rawValue)"
      if complete { text += " (complete list)" }
    } else {
      text += ": \(approx)\(Measurement.value(listedTotal, title.metric))"
      text += title.metric == .objects ? " objects" : ""
      text += "; the report's total is unknown"
    }
    return text
  }
}
