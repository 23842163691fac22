import MemReportCore

/// The report's short lines that are not part of one report's document: the icicle chart's words,
/// the page's input facts, and the "N more rows" lines under cut tables.
extension ReportDocument {
  // MARK: The icicle

  /// `Allocated memory: gem → file → line`.
  static func icicleTitle(_ state: AllocationState) -> String {
    "\(state.rawValue.capitalized) memory: gem → file → line"
  }

  /// `Gem → file → line for the 50 listed locations (12.0 MB). They hold 97.4% of the 12.3 MB
  /// allocated. rails: 5.1 MB; app: 1.2 MB`: the icicle in words, with its largest gems.
  static func icicleDescription(
    locations: Int, listed: Int64, total: Int64?, state: AllocationState,
    gems: [(name: String, bytes: Int64)]
  ) -> String {
    let share =
      total.map {
        " They hold \(Units.percentage(listed, of: $0)) of the \(Units.bytes($0)) \(state.rawValue)."
      } ?? ""
    return
      "Gem → file → line for the \(Units.count(Int64(locations))) listed \(ProfileWording.noun(.location, locations)) (\(Units.bytes(listed))).\(share) "
      + gems.map { icicleTooltip($0.name, bytes: $0.bytes) }.joined(separator: "; ")
  }

  /// `41,200 smaller locations`: the icicle's band of the locations it does not draw one by one.
  static func icicleRest(locations: Int) -> String {
    "\(Units.count(Int64(locations))) smaller \(ProfileWording.noun(.location, locations))"
  }

  /// `rails: 5.1 MB`: one gem, file or line of the icicle.
  static func icicleTooltip(_ name: String, bytes: Int64) -> String {
    "\(name): \(Units.bytes(bytes))"
  }

  // MARK: The input

  /// `memreport: before.txt`: the title of the page of an input's reports.
  static func pageTitle(_ source: String) -> String { "memreport: \(source)" }

  /// What the page says about the input as a whole, above its reports.
  /// `Reports: 1,204 (the first 20 are on this page; …)`.
  static func inputFacts(reports: Int, shown: Int, source: String, last: Int) -> [Fact] {
    var value = Units.count(Int64(reports))
    if shown < reports {
      value +=
        " (the first \(Units.count(Int64(shown))) are on this page; one page per report: "
        + "\(DisplayText.clean(source))#\(last) or \(OptionNames.current.report) \(last))"
    }
    return [Fact(label: "Reports", value: value)]
  }

  // MARK: Rows not shown

  /// `… 9 more rows (≈12.3 kB)`: the rows of a section past `--top`, with what they hold.
  static func moreRows(_ count: Int, holding sum: Int64, of section: Section) -> String {
    "… \(Units.counted(count, "more row")) (\(section.approximate ? "≈" : "")\(Units.value(sum, section.title.metric)))"
  }

  /// `, some cut to fit one GitHub comment`: after `moreRows` in Markdown.
  static let cutToFit = ", some cut to fit one GitHub comment"

  /// `report 2 (lines 80–160)`.
  static func reportName(_ profile: Profile) -> String {
    "report \(profile.metadata.index) (lines \(profile.metadata.firstLine)–\(profile.metadata.lastLine))"
  }

  /// `4 more memory sections`: the summary of the folded Markdown tables.
  static func moreSections(_ count: Int) -> String {
    Units.counted(count, "more memory section")
  }

  /// The CSV has one row per key of one report.
  static func csvOneReport(_ source: String) -> String {
    "\(source) holds several reports and CSV writes one: pick it with FILE#N or \(OptionNames.current.report) N"
  }

  /// `9 more rows: use --top or --format json.`
  static func moreRowsHint(_ count: Int) -> String {
    "\(Units.counted(count, "more row")): use \(OptionNames.current.top) or \(OptionNames.current.jsonFormat)."
  }

  /// `12 more groups`.
  static func moreGroups(_ count: Int) -> String { Units.counted(count, "more group") }

  /// `40 more strings`.
  static func moreStrings(_ count: Int) -> String { "\(Units.count(Int64(count))) more strings" }

  /// `2 more locations`: of one string, past the ones shown.
  static func moreLocations(_ count: Int) -> String {
    Units.counted(count, "more location", plural: "more locations")
  }
}
