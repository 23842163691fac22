import MemReportCore

/// `report --format csv` on require trees: one row per node of every tree.
enum BootReportCSVWriter {
  static func write(_ document: BootReportDocument, into out: inout some TextOutputStream) {
    out.write(
      CSVText.row([
        "tree", "id", "parent", "depth", "name", "inclusive_kib", "inclusive_mib", "own_kib",
        "own_is_upper_bound", "share_of_top", "also_required_by", "also_required_by_count", "line",
      ]))
    for block in document.trees {
      for row in block.analysis.rows {
        out.write(
          CSVText.row([
            String(block.analysis.tree.index), String(row.node), row.parent.map(String.init) ?? "",
            String(row.depth), CSVText.text(row.name), CSVText.number(row.inclusiveKiB),
            CSVText.number(Double(row.inclusiveKiB) / 1024, decimals: 4),
            CSVText.number(row.ownKiB), row.ownIsBound ? "true" : "false",
            CSVText.number(row.share, decimals: 4),
            CSVText.text(row.alsoRequiredBy.joined(separator: "; ")),
            String(row.alsoRequiredByCount), String(row.line),
          ]))
      }
    }
  }
}
