import MemReportCore

/// `diff --format markdown` on require trees, sized for a pull-request comment: the answer in bold,
/// TOP, the top movers, the rest folded.
enum BootDiffMarkdownWriter {
  static let defaultTop = 10
  static let foldedMax = 100

  static func write(_ document: BootDiffDocument, top: Int?, into out: inout some TextOutputStream)
  {
    out.write("## \(BootDiffDocument.title)\n\n**\(MarkdownText.escaped(document.headline))**\n\n")
    let card = document.top
    out.write("| | before | after | Δ | Δ% | verdict |\n|---|---:|---:|---:|---:|---|\n")
    out.write(
      "| **TOP** | \(card.before) | \(card.after) | \(card.delta) | \(card.percent) | \(card.verdict) |\n\n"
    )
    if let message = document.gateMessage {
      out.write("Gate: \(MarkdownText.escaped(message))\n\n")
    }
    let limit = top ?? defaultTop
    let header =
      "| require | before | after | Δ | Δ% | own Δ | status |\n|---|---:|---:|---:|---:|---:|---|\n"
    func row(_ line: BootDiffDocument.RowLine) -> String {
      let under =
        line.row.depth > 1
        ? " in \(MarkdownText.code(DisplayText.shortPath(line.under, limit: 60)))" : ""
      return
        "| \(MarkdownText.code(DisplayText.shortPath(line.name, limit: 70))) | \(line.before) | \(line.after) | \(line.delta) | \(line.percent) | \(line.ownDelta) | \(MarkdownText.escaped(line.status)), \(line.verdict)\(under) |\n"
    }
    let shown = document.rows.prefix(limit)
    if !shown.isEmpty {
      out.write(header)
      for line in shown { out.write(row(line)) }
      out.write("\n")
    }
    let rest = document.rows.dropFirst(limit).prefix(foldedMax)
    if !rest.isEmpty {
      out.write(
        "<details><summary>\(Units.counted(rest.count, "more require"))</summary>\n\n" + header)
      for line in rest { out.write(row(line)) }
      out.write("\n</details>\n\n")
    }
    if document.rows.count > limit + foldedMax {
      out.write(
        MarkdownText.escaped(BootDiffDocument.moreRows(document.rows.count - limit - foldedMax))
          + "\n\n")
    }
    for note in document.notes { out.write("- " + MarkdownText.escaped(note) + "\n") }
    out.write("- Requires: \(document.counts).\n")
  }
}
