import MemReportCore
/// `diff --format markdown`: a pull-request comment. The verdict first, then the totals and the
/// top movers, the rest folded in `<details>`. Never longer than GitHub allows in a comment: the
/// longest tables are cut first, and the comment says what was cut.
package struct DiffMarkdownWriter: DiffWriter {
  /// GitHub rejects comments over 65,536 characters; keep a margin.
  package static let characterLimit = 65_000
  package static let defaultTop = 10

  package var limit: Int

  package init(limit: Int = DiffMarkdownWriter.characterLimit) { self.limit = limit }

  /// A table whose rows may be cut to fit.
  private struct Table {
    var heading: String
    var header: String
    var rows: [String]
    var total: Int
    var cut = 0
    var size: Int { heading.count + header.count + rows.reduce(0) { $0 + $1.count + 1 } }
  }

  package func write(_ document: DiffDocument, into out: inout some TextOutputStream) throws {
    var head = "**" + MarkdownText.escaped(document.headline) + "**\n\n"
    for warning in document.warnings {
      head += "⚠️ **Warning:** " + MarkdownText.escaped(warning) + "\n\n"
    }
    if let gate = document.gate {
      head +=
        (gate.passed ? "✅ " : "❌ ") + gate.label + ": " + MarkdownText.escaped(gate.message)
        + "\n\n"
    }
    head += "| total | before | after | Δ | Δ% |\n|---|---:|---:|---:|---:|\n"
    for total in document.totals {
      head +=
        "| \(total.label) | \(total.before) | \(total.after) | \(total.delta ?? "") | \(total.percent ?? "") |\n"
    }
    let top = document.context.top ?? Self.defaultTop
    let topTables = document.leads.filter { $0.moverCount > 0 }.map { lead in
      table(lead, rows: lead.topMovers(top), heading: "\n**Top movers** (\(lead.title))\n\n")
    }
    var tables: [Table] = document.sections.compactMap { block in
      let movers = block.section.movers
      guard !movers.isEmpty else { return nil }
      return table(block.section, rows: movers, heading: "\n#### \(block.section.title)\n\n")
    }
    var tail = ""
    if !document.moves.isEmpty {
      tail += "\n#### \(DiffDocument.movesHeading)\n\n\(DiffDocument.movesExplanation)\n\n"
      for move in document.moves {
        tail += "- \(MarkdownText.code(move.from)) → \(MarkdownText.code(move.to)) (\(move.size))\n"
      }
    }
    let notes = document.notes
    let footer =
      notes.isEmpty
      ? "" : "\n<sub>" + notes.map(MarkdownText.escaped).joined(separator: " · ") + "</sub>\n"
    let summary = DiffDocument.allChanges(
      rows: tables.reduce(0) { $0 + $1.total }, sections: tables.count)
    let detailsOpen = "\n<details><summary>\(summary)</summary>\n"
    let detailsClose = "\n</details>\n"
    // Cut the longest tables first until the comment fits.
    let fixed =
      head.count + topTables.reduce(0) { $0 + $1.size } + detailsOpen.count + detailsClose.count
      + tail.count
      + footer.count + 200
    while fixed + tables.reduce(0, { $0 + $1.size }) > limit {
      guard let i = tables.indices.max(by: { tables[$0].size < tables[$1].size }),
        !tables[i].rows.isEmpty
      else { break }
      let drop = max(1, tables[i].rows.count / 4)
      tables[i].rows.removeLast(drop)
      tables[i].cut += drop
    }
    out.write(head)
    for topTable in topTables { out.write(render(topTable)) }
    if !tables.isEmpty {
      out.write(detailsOpen)
      for table in tables { out.write(render(table)) }
      let cut = tables.reduce(0) { $0 + $1.cut }
      if cut > 0 {
        out.write("\n\(DiffDocument.rowsCut(cut, limit: limit))\n")
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
        + "\(DiffFormat.delta(row, section.metric)) | \(DiffFormat.percent(row)) | \(DiffFormat.badge(row.status)) |"
    }
    return Table(heading: heading, header: header, rows: lines, total: rows.count)
  }

  private func render(_ table: Table) -> String {
    var text = table.heading + table.header + table.rows.joined(separator: "\n") + "\n"
    if table.cut > 0 { text += "| \(DiffDocument.rowsCutToFit(table.cut)) |  |  |  |  |  |\n" }
    return text
  }
}
