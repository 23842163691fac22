import MemReportCore

/// `diff --format csv` on require trees: TOP first, then every matched require.
enum BootDiffCSVWriter {
  static func write(_ document: BootDiffDocument, into out: inout some TextOutputStream) {
    out.write(
      CSVText.row([
        "path", "name", "depth", "status", "verdict", "before_median_kib", "before_min_kib",
        "before_max_kib", "before_runs_shown", "after_median_kib", "after_min_kib", "after_max_kib",
        "after_runs_shown", "delta_kib", "own_delta_kib", "moved_from",
      ]))
    let diff = document.diff
    for row in [diff.top] + diff.rows {
      let path = row.path >= 0 ? diff.paths.components(of: row.path) : ["TOP"]
      out.write(
        CSVText.row([
          CSVText.text(path.joined(separator: " > ")), CSVText.text(row.name), String(row.depth),
          row.status.rawValue, row.verdict.rawValue,
          CSVText.number(row.before.medianKiB, decimals: 1),
          CSVText.number(row.before.minKiB, decimals: 1),
          CSVText.number(row.before.maxKiB, decimals: 1), String(row.before.present),
          CSVText.number(row.after.medianKiB, decimals: 1),
          CSVText.number(row.after.minKiB, decimals: 1),
          CSVText.number(row.after.maxKiB, decimals: 1), String(row.after.present),
          CSVText.number(row.deltaKiB, decimals: 1), CSVText.number(row.ownDeltaKiB, decimals: 1),
          CSVText.text(row.movedFrom?.joined(separator: " > ") ?? ""),
        ]))
    }
  }
}
