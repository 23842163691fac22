import MemReportCore

/// `report --format markdown` on require trees: the answer, a gems table, and the tree folded in
/// `<details>` (indented with non-breaking spaces), sized for a pull-request comment.
enum BootReportMarkdownWriter {
  /// Tree rows at most, whatever the threshold (a comment holds 65,536 characters).
  static let maxTreeRows = 200

  static func write(
    _ document: BootReportDocument, threshold: Double?, into out: inout some TextOutputStream
  ) {
    out.write("## \(BootReportDocument.title)\n\n")
    if let runs = document.runsLine { out.write(runs + "\n\n") }
    for block in document.trees {
      let a = block.analysis
      if document.trees.count > 1 { out.write("### \(MarkdownText.escaped(block.label))\n\n") }
      out.write("**\(MarkdownText.escaped(block.answer))**\n\n")
      if let sharing = BootReportDocument.sharingSentence(a) {
        out.write(MarkdownText.escaped(sharing) + "\n\n")
      }
      out.write(
        MarkdownText.escaped(block.source) + ". " + MarkdownText.escaped(block.cutOff) + ".\n\n")
      if !a.gems.isEmpty {
        out.write("| gem | cost | share | requires | freed if removed | shared with other gems |\n")
        out.write("|---|---:|---:|---:|---:|---|\n")
        for (gem, line) in zip(a.gems, block.gemLines) {
          let share = BootWording.share(a.topKiB > 0 ? Double(gem.kib) / Double(a.topKiB) : nil)
          out.write(
            "| \(MarkdownText.code(line.name)) | \(line.cost) | \(share) | \(line.requires) | \(line.freed) | \(line.shared.isEmpty ? "—" : MarkdownText.escaped(line.shared)) |\n"
          )
        }
        out.write("\n" + MarkdownText.escaped(BootReportDocument.gemsNote) + "\n\n")
      }
      var summary = BootReportDocument.treeHeading
      if let threshold { summary += " (requires of \(BootWording.plainMiB(threshold)) or more)" }
      out.write("<details><summary>\(MarkdownText.escaped(summary))</summary>\n\n")
      out.write(
        "| require | inclusive | own | share | also required by |\n|---|---:|---:|---:|---|\n")
      let ends = a.tree.subtreeEnds
      var hidden = 0
      var written = 0
      var i = 0
      while i < a.rows.count {
        let row = a.rows[i]
        if let threshold, i > 0, Double(row.inclusiveKiB) / 1024 < threshold {
          hidden += ends[i] - i
          i = ends[i]
          continue
        }
        if written >= maxTreeRows {
          hidden += 1
          i += 1
          continue
        }
        let indent = String(repeating: "\u{A0}\u{A0}", count: min(row.depth, 40))
        let also =
          BootWording.alsoRequired(
            row.alsoRequiredBy, count: row.alsoRequiredByCount,
            mayBeMore: row.alsoRequiredByMayBeMore
          ).map(MarkdownText.escaped) ?? ""
        out.write(
          "| \(indent)\(MarkdownText.code(DisplayText.shortPath(row.name, limit: 90))) | \(BootWording.mib(row.inclusiveKiB)) | \(BootWording.own(row.ownKiB, bound: row.ownIsBound)) | \(BootWording.share(row.share)) | \(also) |\n"
        )
        written += 1
        i += 1
      }
      if hidden > 0 {
        out.write(
          "\n\(Units.counted(hidden, "more require")) not shown (below the threshold or the comment's size).\n"
        )
      }
      out.write("\n</details>\n\n")
    }
    if !document.warnings.isEmpty {
      out.write("\(Units.counted(document.warnings.count, "warning")) while reading the input.\n")
    }
  }
}
