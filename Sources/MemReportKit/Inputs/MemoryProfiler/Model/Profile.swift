import MemReportCore
/// One memory_profiler report: totals, sections, string reports, warnings and metadata.
public struct Profile: Sendable {
  public var totals = Totals()
  /// Sections in input order.
  public var sections: [Section] = []
  public var allocatedStrings: StringReport?
  public var retainedStrings: StringReport?
  /// What was skipped or read in a particular way, in line order.
  public var warnings: [ParseWarning] = []
  public var metadata = ProfileMetadata()
  /// Names that rows and string locations refer to.
  package var names = NameTable()
  /// How paths were rewritten (`nil`: as printed).
  public var normalizer: PathNormalizer?
  /// The file filters applied, with the rows each matched.
  public var filters: [FilterMatch] = []

  public init() {}

  /// The section with `title`, if the report has it.
  public func section(_ title: SectionTitle) -> Section? {
    sections.first { $0.title == title }
  }

  /// The string report for `state`.
  public func strings(_ state: AllocationState) -> StringReport? {
    state == .allocated ? allocatedStrings : retainedStrings
  }

  /// The exact total that a section's rows are part of.
  public func total(for title: SectionTitle) -> Int64? {
    totals[title.state].value(title.metric)
  }

  /// A row's name as printed: the gem, file or class, or `file:line` for a location.
  public func name(of row: Row) -> String {
    Self.locationText(file: names[row.nameID], line: row.line)
  }

  /// A string location as printed, `file:line`.
  public func name(of location: StringLocation) -> String {
    Self.locationText(file: names[location.fileID], line: location.line)
  }

  static func locationText(file: String, line: Int32) -> String {
    switch line {
    case Row.noLine: return file
    case Row.emptyLine: return file + ":"
    default: return file + ":" + String(line)
    }
  }

  /// Whether a section is the complete list, so a key it does not print has nothing: its rows add
  /// up to the report's total, or it printed fewer rows than another section (memory_profiler's
  /// `top` applies to every section alike, so it was not cut off). An elided or truncated section
  /// is never complete.
  /// A list is complete when its rows add up to the report's exact total; with no exact total to
  /// check against (none printed, or scaled values), when it printed fewer rows than the longest
  /// list (the `top:` cut applies to every section). Rows that fall short of a known exact total
  /// are never complete, however few: the paste was trimmed.
  public func isListComplete(_ section: Section) -> Bool {
    if let original = section.originalListComplete { return original }
    if section.isComplete(total: total(for: section.title)) { return true }
    if section.trimmed { return false }
    return !section.incomplete && section.rows.count < metadata.longestList
  }

  /// How far a byte value read from this report may be from the true one: half a unit of the
  /// last printed digit when values were scaled (`588.44 kB` is 588,435–588,445 B: ±5 B), else 0.
  /// memory_profiler picks the unit from the value (`10^(3⌊log₁₀ bytes / 3⌋)`) and prints
  /// `scaledDecimals` digits after the point.
  public func rounding(ofBytes value: Int64) -> Double {
    guard let decimals = metadata.scaledDecimals, value > 0 else { return 0 }
    var unit = 1.0
    var rest = value
    while rest >= 1000 && unit < 1e24 {
      rest /= 1000
      unit *= 1000
    }
    var step = unit
    for _ in 0..<decimals { step /= 10 }
    return step / 2
  }

  /// Whether a string report printed every string (fewer groups than a section's rows).
  public func isListComplete(_ report: StringReport) -> Bool {
    !report.incomplete && report.groups.count < metadata.longestList
  }

  /// Whether the report holds anything at all.
  public var isEmpty: Bool {
    totals.line == nil && sections.isEmpty && allocatedStrings == nil && retainedStrings == nil
  }
}
