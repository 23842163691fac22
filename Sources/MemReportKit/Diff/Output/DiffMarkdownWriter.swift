import MemReportCore
/// `diff --format markdown`: a pull-request comment. The verdict first, then the totals and the
/// top movers, the rest folded in `<details>`. Never longer than GitHub allows in a comment: the
/// longest tables are cut first, and the comment says what was cut.
public struct DiffMarkdownWriter: DiffWriter {
  /// GitHub rejects comments over 65,536 characters; keep a margin.
  public static let characterLimit = 65_000
  public static let defaultTop = 10

  public var limit: Int

  public init(limit: Int = DiffMarkdownWriter.characterLimit) { self.limit = limit }

  /// A table whose rows may be cut to fit.
  private struct Table {
    var heading: String
    var header: String
    var rows: [String]
    var total: Int
    var cut = 0
    var size: Int { heading.count + header.count + rows.reduce(0) { $0 + $1.count + 1 } }
  }

  public func write(_ diff: ProfileDiff, context: DiffContext, into out: inout some TextOutputStream) throws {
    var head = "**" + MarkdownText.escaped(DiffFormat.verdict(diff)) + "**\n\n"
    if let result = context.gateResult {
      head += (result.passed ? "✅ Gate passed: " : "❌ Gate failed: ") + MarkdownText.escaped(result.message) + "\n\n"
    }
    head += "| total | before | after | Δ | Δ% |\n|---|---:|---:|---:|---:|\n"
    for total in diff.totals {
      head += "| \(total.label) | \(total.before.map { DiffFormat.side($0, total.metric) } ?? "unknown") | "
      head += "\(total.after.map { DiffFormat.side($0, total.metric) } ?? "unknown") | "
      head += "\(total.delta.map { DiffFormat.signed($0, total.metric) } ?? "") | \(total.deltaPercent.map(Units.signedPercent) ?? "") |\n"
    }
    let top = context.top ?? Self.defaultTop
        var topTable: Table?
    if let lead = diff.lead, lead.moverCount > 0 {
      topTable = table(lead, rows: lead.topMovers(top), heading: "\n**Top movers** (\(lead.title))\n\n")
    }
    var tables: [Table] = diff.sections.compactMap { section in
      let movers = section.movers
      guard !movers.isEmpty else { return nil }
      return table(section, rows: movers, heading: "\n#### \(section.title)\n\n")
    }
    var tail = ""
    if !diff.candidateMoves.isEmpty {
      tail += "\n#### Candidate moves\n\nSame file, same bytes, nearby lines: probably code moved by an edit above it (pass `--git-diff` to map lines).\n\n"
      for move in diff.candidateMoves {
        tail += "- \(MarkdownText.code(move.from)) → \(MarkdownText.code(move.to)) (\(DiffFormat.magnitude(move.bytes, .memory)))\n"
      }
    }
    let notes = context.notes(diff)
    let footer = notes.isEmpty ? "" : "\n<sub>" + notes.map(MarkdownText.escaped).joined(separator: " · ") + "</sub>\n"
    let detailsOpen = "\n<details><summary>All changes: \(tables.reduce(0) { $0 + $1.total }) rows in \(tables.count) sections</summary>\n"
    let detailsClose = "\n</details>\n"
    // Cut the longest tables first until the comment fits.
    let fixed = head.count + (topTable?.size ?? 0) + detailsOpen.count + detailsClose.count + tail.count + footer.count + 200
    while fixed + tables.reduce(0, { $0 + $1.size }) > limit {
      guard let i = tables.indices.max(by: { tables[$0].size < tables[$1].size }), !tables[i].rows.isEmpty else { break }
      let drop = max(1, tables[i].rows.count / 4)
      tables[i].rows.removeLast(drop)
      tables[i].cut += drop
    }
    out.write(head)
    if let topTable { out.write(render(topTable)) }
    if !tables.isEmpty {
      out.write(detailsOpen)
      for table in tables { out.write(render(table)) }
      let cut = tables.reduce(0) { $0 + $1.cut }
      if cut > 0 {
        out.write("\n\(Units.count(Int64(cut))) rows were cut to keep this comment under \(Units.count(Int64(limit))) characters; `--format json` has them all.\n")
      }
      out.write(detailsClose)
    }
    out.write(tail)
    out.write(footer)
  }

  private func table(_ section: DiffSection, rows: [DiffRow], heading: String) -> Table {
    let noun = DiffFormat.keyNoun(section.kind)
    let header = "| \(noun) | before | after | Δ | Δ% | status |\n|---|---:|---:|---:|---:|---|\n"
    let lines = rows.map { row in
      "| \(MarkdownText.code(row.name)) | \(DiffFormat.side(row.before, section.metric)) | \(DiffFormat.side(row.after, section.metric)) | "
        + "\(DiffFormat.delta(row, section.metric)) | \(DiffFormat.percent(row)) | \(Self.badge(row.status)) |"
    }
    return Table(heading: heading, header: header, rows: lines, total: rows.count)
  }

  private func render(_ table: Table) -> String {
    var text = table.heading + table.header + table.rows.joined(separator: "\n") + "\n"
    if table.cut > 0 { text += "| … \(Units.count(Int64(table.cut))) more rows cut to fit |  |  |  |  |  |\n" }
    return text
  }

  static func badge(_ status: DiffStatus) -> String {
    switch status {
    case .new: return "NEW"
    case .gone: return "GONE"
    case .changed: return "changed"
    case .same: return "same"
    case .outsideTopN: return "≥ top N"
    }
  }
}
