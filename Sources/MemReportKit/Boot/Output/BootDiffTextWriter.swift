import MemReportCore

/// `diff --format text` on require trees: the answer, TOP, the gate, the notes, and the requires
/// by size of change.
enum BootDiffTextWriter {
  static let defaultTop = 15

  static func write(_ document: BootDiffDocument, top: Int?, into out: inout some TextOutputStream)
  {
    out.write(document.headline + "\n\n")
    let card = document.top
    out.write(
      "\(card.label): \(card.before) → \(card.after): \(card.delta) (\(card.percent)), \(card.verdict)\n"
    )
    if let message = document.gateMessage { out.write("Gate: \(message)\n") }
    out.write(
      "Before: \(document.before.joined(separator: " "))\nAfter:  \(document.after.joined(separator: " "))\n"
    )
    for note in document.notes { out.write(note + "\n") }
    out.write("Requires: \(document.counts).\n")
    let limit = top ?? defaultTop
    let rows = document.rows.prefix(limit)
    guard !rows.isEmpty else { return }
    out.write("\n" + BootDiffDocument.tableHeading + "\n")
    let nameWidth = min(
      44, max(7, rows.map { DisplayText.shortPath($0.name, limit: 44).count }.max() ?? 7))
    out.write(
      "  " + BootReportTextWriter.pad("require", nameWidth) + "  " + left("before", 16) + "  "
        + left("after", 16) + "  " + left("Δ", 11) + "  " + left("Δ%", 7) + "  " + left("own Δ", 11)
        + "  status\n")
    for line in rows {
      out.write(
        "  " + BootReportTextWriter.pad(DisplayText.shortPath(line.name, limit: 44), nameWidth)
          + "  "
          + left(line.before, 16) + "  " + left(line.after, 16) + "  " + left(line.delta, 11) + "  "
          + left(line.percent, 7) + "  " + left(line.ownDelta, 11) + "  " + line.status + ", "
          + line.verdict
          + (line.row.depth > 1 ? " (in \(DisplayText.shortPath(line.under, limit: 50)))" : "")
          + "\n")
    }
    if document.rows.count > limit {
      out.write("  " + BootDiffDocument.moreRows(document.rows.count - limit) + "\n")
    }
  }

  static func left(_ text: String, _ width: Int) -> String {
    BootReportTextWriter.left(text, width)
  }
}
