import MemReportCore
/// `report --format text`: totals in human units, then each non-empty section's top rows, aligned,
/// with a coverage line saying how much of the exact total the listed rows hold.
package struct TextReportWriter: ReportWriter {
  /// Rows shown per section when `--top` is not given.
  package static let defaultTop = 10
  /// Locations shown under each string.
  package static let locationsPerString = 3

  package var options: ReportOptions
  private var source = ""
  private var written = 0

  package init(options: ReportOptions = ReportOptions()) { self.options = options }

  package mutating func begin(source: String, into out: inout some TextOutputStream) {
    self.source = source
  }

  package mutating func write(_ profile: Profile, into out: inout some TextOutputStream) {
    let document = ReportDocument(
      profile, source: source, aggregateBy: options.aggregateBy, answer: false)
    if written > 0 { out.write("\n") }
    written += 1
    out.write(bold(document.firstLine) + "\n")
    if let leak = document.leak { out.write(leak + "\n") }
    out.write(dim(document.summary) + "\n")
    for note in document.notes { out.write(dim(note) + "\n") }
    out.write("\n")
    writeTotals(document, into: &out)
    for block in document.aggregates { writeAggregate(block, into: &out) }
    for block in document.sections { writeSection(block, of: profile, into: &out) }
    if let noData = document.noData { out.write("\n" + dim(noData) + "\n") }
    for block in document.strings { writeStrings(block, of: profile, into: &out) }
    if let note = document.warningNote, !options.quiet { out.write("\n" + dim(note) + "\n") }
  }

  package mutating func end(reports: Int, into out: inout some TextOutputStream) {}

  private var top: Int { options.top ?? Self.defaultTop }

  private func writeTotals(_ document: ReportDocument, into out: inout some TextOutputStream) {
    guard !document.totals.isEmpty else {
      out.write(ReportDocument.totalsUnknown + "\n")
      return
    }
    let width = document.totals.map(\.label.count).max() ?? 0
    for fact in document.totals {
      out.write(padRight(fact.label + ":", width + 1) + " " + fact.value + "\n")
    }
  }

  private func writeAggregate(
    _ block: ReportDocument.AggregateBlock, into out: inout some TextOutputStream
  ) {
    let aggregate = block.aggregate
    out.write("\n" + bold(block.title) + "\n")
    out.write(dim(block.source) + "\n")
    let shown = aggregate.rows.prefix(top)
    let approx = aggregate.approximate ? "≈" : ""
    let bytes = shown.map { block.bound($0, .memory) + approx + Units.bytes($0.bytes) }
    let shares = shown.map { Units.percentage($0.bytes, of: aggregate.totalBytes) }
    let objects = shown.map { block.bound($0, .objects) + Units.count($0.objects) + " obj" }
    let bw = bytes.map(\.count).max() ?? 0
    let sw = shares.map(\.count).max() ?? 0
    let ow = objects.map(\.count).max() ?? 0
    let nw = block.rowNotes.isEmpty ? 0 : (shown.map(\.name.count).max() ?? 0)
    for (i, row) in shown.enumerated() {
      let note = i < block.rowNotes.count ? "  " + dim(block.rowNotes[i]) : ""
      out.write(
        "  " + pad(bytes[i], bw) + "  " + pad(shares[i], sw) + "  " + pad(objects[i], ow) + "  "
          + (note.isEmpty ? row.name : padRight(row.name, nw) + note) + "\n")
    }
    if aggregate.rows.count > shown.count {
      out.write(dim("  … " + ReportDocument.moreGroups(aggregate.rows.count - shown.count)) + "\n")
    }
    if let appCode = block.appCode { out.write("  " + appCode + "\n") }
  }

  private func writeSection(
    _ block: ReportDocument.SectionBlock, of profile: Profile, into out: inout some TextOutputStream
  ) {
    let section = block.section
    let total = block.coverage.total
    out.write("\n" + bold(section.title.text) + "\n")
    out.write(dim(block.sentence) + "\n")
    if let note = block.notFiltered { out.write(dim(note) + "\n") }
    let shown = section.rows.prefix(top)
    let approx = section.approximate ? "≈" : ""
    let values = shown.map { approx + Units.value($0.value, section.title.metric) }
    let shares = shown.map { Units.percentage($0.value, of: total) }
    let valueWidth = values.map(\.count).max() ?? 0
    let shareWidth = shares.map(\.count).max() ?? 0
    for (i, row) in shown.enumerated() {
      let line =
        pad(values[i], valueWidth) + "  " + (total == nil ? "" : pad(shares[i], shareWidth) + "  ")
        + profile.name(of: row)
      out.write("  " + line + "\n")
    }
    let hidden = section.rows.count - shown.count
    if hidden > 0 {
      let rest = section.rows.dropFirst(shown.count).reduce(Int64(0)) { $0 +| $1.value }
      out.write(dim("  " + ReportDocument.moreRows(hidden, holding: rest, of: section)) + "\n")
    }
    if let incomplete = block.incomplete { out.write(dim("  " + incomplete) + "\n") }
  }

  private func writeStrings(
    _ block: ReportDocument.StringsBlock, of profile: Profile, into out: inout some TextOutputStream
  ) {
    let report = block.report
    out.write("\n" + bold(report.title) + "\n")
    out.write(dim(block.sentence) + "\n")
    let shown = report.groups.prefix(top)
    let width = shown.map { Units.count($0.count).count }.max() ?? 0
    let indent = "  " + String(repeating: " ", count: width) + "    "
    for group in shown {
      let bytes = group.reclaimable.map { reclaimable in
        dim(
          "  (\(Units.bytes(group.bytes ?? 0)) in all, \(Units.bytes(reclaimable)) reclaimable)")
      }
      // A heap dump's values are whole strings (memory_profiler shortens its own): quoted, and
      // cut to a line.
      let text =
        group.reclaimable == nil
        ? group.string : "\"" + DisplayText.shortString(group.string, limit: 100) + "\""
      out.write("  " + pad(Units.count(group.count), width) + "  " + text + (bytes ?? "") + "\n")
      for location in group.locations.prefix(Self.locationsPerString) {
        out.write(
          indent + pad(Units.count(location.count), 6) + "  " + profile.name(of: location) + "\n")
      }
      if group.locations.count > Self.locationsPerString {
        out.write(
          dim(
            indent + "… "
              + ReportDocument.moreLocations(group.locations.count - Self.locationsPerString))
            + "\n")
      }
    }
    if report.groups.count > shown.count {
      out.write(dim("  … " + ReportDocument.moreStrings(report.groups.count - shown.count)) + "\n")
    }
  }

  private func pad(_ text: String, _ width: Int) -> String {
    let n = text.count
    return n >= width ? text : String(repeating: " ", count: width - n) + text
  }

  private func padRight(_ text: String, _ width: Int) -> String {
    let n = text.count
    return n >= width ? text : text + String(repeating: " ", count: width - n)
  }

  private func bold(_ text: String) -> String { ANSI(enabled: options.colour).bold(text) }
  private func dim(_ text: String) -> String { ANSI(enabled: options.colour).dim(text) }
}
