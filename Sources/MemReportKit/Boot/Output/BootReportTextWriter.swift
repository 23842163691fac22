import MemReportCore

/// `report --format text` on require trees: the answer, the gems, then the tree as an indented
/// outline with columns, trimmed at a threshold.
enum BootReportTextWriter {
  static func write(
    _ document: BootReportDocument, threshold: Double?, into out: inout some TextOutputStream
  ) {
    if let runs = document.runsLine { out.write(runs + "\n\n") }
    for (i, block) in document.trees.enumerated() {
      if i > 0 { out.write("\n") }
      write(block, threshold: threshold, into: &out)
    }
    if !document.warnings.isEmpty {
      out.write(
        "\n\(Units.counted(document.warnings.count, "warning")) while reading (on standard error, with line numbers).\n"
      )
    }
  }

  static func write(
    _ block: BootReportDocument.TreeBlock, threshold: Double?, into out: inout some TextOutputStream
  ) {
    let analysis = block.analysis
    out.write(block.answer + "\n")
    if let sharing = BootReportDocument.sharingSentence(analysis) { out.write(sharing + "\n") }
    out.write(block.source + "\n" + block.cutOff + ".\n")
    if !block.gemLines.isEmpty {
      out.write("\n" + BootReportDocument.gemsHeading + "\n")
      let nameWidth = min(40, max(4, block.gemLines.map { $0.name.count }.max() ?? 4))
      out.write(
        "  " + pad("gem", nameWidth) + "  " + left("cost", 10) + "  " + left("share", 5) + "  "
          + left("requires", 8) + "  " + left("freed", 12) + "  shared with other gems\n")
      for (gem, line) in zip(analysis.gems, block.gemLines) {
        let share = BootWording.share(
          analysis.topKiB > 0 ? Double(gem.kib) / Double(analysis.topKiB) : nil)
        out.write(
          "  " + pad(DisplayText.shortPath(line.name, limit: nameWidth), nameWidth) + "  "
            + left(line.cost, 10) + "  " + left(share, 5) + "  " + left(line.requires, 8) + "  "
            + left(line.freed, 12) + "  " + (line.shared.isEmpty ? "—" : line.shared) + "\n")
      }
      out.write("  " + BootReportDocument.gemsNote + "\n")
    }
    out.write("\n" + BootReportDocument.treeHeading)
    if let threshold { out.write(" (requires of \(BootWording.plainMiB(threshold)) or more)") }
    out.write(
      "\n  " + left("inclusive", 10) + "  " + left("own", 12) + "  " + left("share", 5)
        + "  require\n")
    var hidden = 0
    let ends = analysis.tree.subtreeEnds
    var i = 0
    let rows = analysis.rows
    while i < rows.count {
      let row = rows[i]
      if let threshold, i > 0, Double(row.inclusiveKiB) / 1024 < threshold {
        hidden += ends[i] - i
        i = ends[i]
        continue
      }
      var name =
        String(repeating: "  ", count: min(row.depth, 40))
        + DisplayText.shortPath(row.name, limit: 90)
      if let also = BootWording.alsoRequired(
        row.alsoRequiredBy.map { DisplayText.shortPath($0, limit: 60) },
        count: row.alsoRequiredByCount,
        mayBeMore: row.alsoRequiredByMayBeMore)
      {
        name += "  (also required by: \(also))"
      }
      out.write(
        "  " + left(BootWording.mib(row.inclusiveKiB), 10) + "  "
          + left(BootWording.own(row.ownKiB, bound: row.ownIsBound), 12) + "  "
          + left(BootWording.share(row.share), 5) + "  " + name + "\n")
      i += 1
    }
    if hidden > 0, let threshold {
      out.write("  " + BootReportDocument.hiddenRows(hidden, threshold: threshold) + "\n")
    }
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  static func left(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }
}
