import MemReportCore
/// `report --format text`: totals in human units, then each non-empty section's top rows, aligned,
/// with a coverage line saying how much of the exact total the listed rows hold.
public struct TextReportWriter: ReportWriter {
  /// Rows shown per section when `--top` is not given.
  public static let defaultTop = 10
  /// Locations shown under each string.
  public static let locationsPerString = 3

  public var options: ReportOptions
  private var source = ""

  public init(options: ReportOptions = ReportOptions()) { self.options = options }

  public mutating func begin(source: String, into out: inout some TextOutputStream) {
    self.source = source
  }

  public mutating func write(_ profile: Profile, into out: inout some TextOutputStream) {
    let m = profile.metadata
    if m.index > 1 { out.write("\n") }
    out.write(bold("\(source): report \(m.index) (lines \(m.firstLine)–\(m.lastLine))") + "\n")
    out.write(dim(describe(m)) + "\n")
    for line in transformLines(profile) { out.write(dim(line) + "\n") }
    out.write("\n")
    writeTotals(profile, into: &out)
    if let key = options.aggregateBy {
      for state in AllocationState.allCases {
        if let aggregate = Aggregator.aggregate(profile, by: key, state: state), !aggregate.rows.isEmpty {
          writeAggregate(aggregate, into: &out)
        }
      }
    }
    for section in profile.sections {
      writeSection(section, of: profile, into: &out)
    }
    let empty = profile.sections.filter(\.noData).map(\.title.text)
    if !empty.isEmpty {
      out.write("\n" + dim("NO DATA: " + (empty.count == 16 ? "all 16 sections" : empty.joined(separator: ", "))) + "\n")
    }
    for state in AllocationState.allCases {
      if let report = profile.strings(state) { writeStrings(report, of: profile, into: &out) }
    }
    if !profile.warnings.isEmpty {
      let n = profile.warnings.count
      out.write("\n" + dim("\(n) warning\(n == 1 ? "" : "s") about this report (on standard error; all in --format json)") + "\n")
    }
  }

  public mutating func end(reports: Int, into out: inout some TextOutputStream) {}

  private var top: Int { options.top ?? Self.defaultTop }

  private func describe(_ m: ProfileMetadata) -> String {
    var parts = [m.producer.rawValue]
    if let n = m.iterations { parts.append("Running \(n) times") }
    for key in ["Booting", "Method", "Endpoint", "Gem groups"] {
      if let value = m.preamble[key] { parts.append("\(key): \(value)") }
    }
    let features = m.features.subtracting([.derailedPreamble]).sorted().map(\.rawValue)
    if !features.isEmpty { parts.append("seen: " + features.joined(separator: ", ")) }
    return parts.joined(separator: "; ")
  }

  /// How paths were rewritten and which filters ran, with their match counts.
  private func transformLines(_ profile: Profile) -> [String] {
    var lines: [String] = []
    if let normalizer = profile.normalizer { lines.append("paths: " + ProfileWording.paths(normalizer)) }
    if !profile.filters.isEmpty { lines.append("filters: " + ProfileWording.filters(profile.filters)) }
    return lines
  }

  private func writeAggregate(_ aggregate: Aggregate, into out: inout some TextOutputStream) {
    let state = aggregate.state.rawValue
    out.write("\n" + bold("\(state) by \(aggregate.key.rawValue)") + "\n")
    let n = aggregate.sourceRows.memory
    let sources = "the \(Units.count(Int64(n))) listed \(ProfileWording.noun(.location, n))"
    let approx = aggregate.approximate ? "≈" : ""
    if aggregate.exact {
      out.write(dim("from \(sources), a complete list: exact") + "\n")
    } else {
      let share = aggregate.totalBytes.map { " (\(Units.percentage(aggregate.coveredBytes, of: $0)) of \(approx)\(Units.bytes($0)) \(state))" } ?? ""
      out.write(dim("from \(sources)\(share): each value is a lower bound") + "\n")
    }
    let shown = aggregate.rows.prefix(top)
    let atLeast = aggregate.exact ? "" : "≥ "
    let bytes = shown.map { atLeast + approx + Units.bytes($0.bytes) }
    let shares = shown.map { Units.percentage($0.bytes, of: aggregate.totalBytes) }
    let objects = shown.map { Units.count($0.objects) + " obj" }
    let bw = bytes.map(\.count).max() ?? 0
    let sw = shares.map(\.count).max() ?? 0
    let ow = objects.map(\.count).max() ?? 0
    for (i, row) in shown.enumerated() {
      out.write("  " + pad(bytes[i], bw) + "  " + pad(shares[i], sw) + "  " + pad(objects[i], ow) + "  " + row.name + "\n")
    }
    if aggregate.rows.count > shown.count {
      out.write(dim("  … \(Units.count(Int64(aggregate.rows.count - shown.count))) more groups") + "\n")
    }
    if aggregate.key == .origin, let app = aggregate.rows.first(where: { $0.name == PathClassifier.Origin.app.rawValue }),
      let total = aggregate.totalBytes
    {
      let bound = aggregate.exact ? "" : "at least "
      out.write("  app code: \(bound)\(approx)\(Units.bytes(app.bytes)) of \(approx)\(Units.bytes(total)) \(state), from \(sources)\n")
    }
  }

  private func writeTotals(_ profile: Profile, into out: inout some TextOutputStream) {
    guard profile.totals.line != nil else {
      out.write("Totals unknown: the report has no 'Total allocated' header.\n")
      return
    }
    for state in AllocationState.allCases {
      let amount = profile.totals[state]
      let label = state == .allocated ? "Total allocated:" : "Total retained: "
      var text = label + " "
      if let bytes = amount.bytes {
        text += (amount.bytesApproximate ? "≈" : "") + Units.bytes(bytes)
        if !amount.bytesApproximate && bytes >= 1000 { text += " (\(Units.count(bytes)) bytes)" }
      } else {
        text += "bytes unknown"
      }
      text += ", " + (amount.objects.map { "\(Units.count($0)) object\($0 == 1 ? "" : "s")" } ?? "objects unknown")
      out.write(text + "\n")
    }
  }

  private func writeSection(_ section: Section, of profile: Profile, into out: inout some TextOutputStream) {
    guard !section.rows.isEmpty || section.filtered else { return }
    let title = section.title
    let coverage = SectionCoverage(section: section, in: profile)
    out.write("\n" + bold(title.text) + "\n")
    out.write(dim(ProfileWording.coverage(coverage, of: section)) + "\n")
    if !profile.filters.isEmpty && !title.grouping.hasPaths {
      out.write(dim(ProfileWording.notFiltered(title.grouping)) + "\n")
    }
    let shown = section.rows.prefix(top)
    let approx = section.approximate ? "≈" : ""
    let values = shown.map { approx + Units.value($0.value, title.metric) }
    let shares = shown.map { Units.percentage($0.value, of: coverage.total) }
    let valueWidth = values.map(\.count).max() ?? 0
    let shareWidth = shares.map(\.count).max() ?? 0
    for (i, row) in shown.enumerated() {
      let line = pad(values[i], valueWidth) + "  " + (coverage.total == nil ? "" : pad(shares[i], shareWidth) + "  ")
        + profile.name(of: row)
      out.write("  " + line + "\n")
    }
    let hidden = section.rows.count - shown.count
    if hidden > 0 {
      let rest = section.rows.dropFirst(shown.count).reduce(Int64(0)) { $0 &+ $1.value }
      out.write(dim("  … \(Units.count(Int64(hidden))) more rows (\(approx)\(Units.value(rest, title.metric)))") + "\n")
    }
    if section.incomplete {
      out.write(dim("  rows are missing here (an elision or a truncated paste): sums are lower bounds") + "\n")
    }
  }

  private func writeStrings(_ report: StringReport, of profile: Profile, into out: inout some TextOutputStream) {
    out.write("\n" + bold(report.title) + "\n")
    let n = report.groups.count
    out.write(dim("\(Units.count(Int64(n))) string\(n == 1 ? "" : "s") listed; counts are objects") + "\n")
    let shown = report.groups.prefix(top)
    let width = shown.map { Units.count($0.count).count }.max() ?? 0
    for group in shown {
      out.write("  " + pad(Units.count(group.count), width) + "  " + group.string + "\n")
      for location in group.locations.prefix(Self.locationsPerString) {
        out.write("  " + String(repeating: " ", count: width) + "    " + pad(Units.count(location.count), 6) + "  " + profile.name(of: location) + "\n")
      }
      if group.locations.count > Self.locationsPerString {
        out.write(dim("  " + String(repeating: " ", count: width) + "    … \(group.locations.count - Self.locationsPerString) more location\(group.locations.count - Self.locationsPerString == 1 ? "" : "s")") + "\n")
      }
    }
    if report.groups.count > shown.count {
      out.write(dim("  … \(Units.count(Int64(report.groups.count - shown.count))) more strings") + "\n")
    }
  }

  private func pad(_ text: String, _ width: Int) -> String {
    let n = text.count
    return n >= width ? text : String(repeating: " ", count: width - n) + text
  }

  private func bold(_ text: String) -> String { options.colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
  private func dim(_ text: String) -> String { options.colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}
