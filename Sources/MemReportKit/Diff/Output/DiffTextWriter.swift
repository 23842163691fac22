import MemReportCore
/// `diff --format text`: the verdict, the totals, then each section's largest changes.
public struct DiffTextWriter: DiffWriter {
  public static let defaultTop = 10

  public init() {}

  public func write(_ diff: ProfileDiff, context: DiffContext, into out: inout some TextOutputStream) throws {
    out.write("memreport diff: \(context.before.joined(separator: ", ")) → \(context.after.joined(separator: ", "))\n")
    out.write(DiffFormat.verdict(diff) + "\n")
    for note in context.notes(diff) { out.write(note + "\n") }
    if let result = context.gateResult {
      out.write("gate: \(result.passed ? "passed" : "FAILED"): \(result.message)\n")
    }
    out.write("\n")
    let header = ["", "before", "after", "delta", "delta%"]
    var table = [header]
    for total in diff.totals {
      table.append([
        total.label,
        total.before.map { DiffFormat.side($0, total.metric) } ?? "unknown",
        total.after.map { DiffFormat.side($0, total.metric) } ?? "unknown",
        total.delta.map { DiffFormat.signed($0, total.metric) } ?? "",
        total.deltaPercent.map(Units.signedPercent) ?? "",
      ])
    }
    TextTable.write(table, rightAligned: [1, 2, 3, 4], into: &out)
    let top = context.top ?? Self.defaultTop
    for section in diff.sections {
      let movers = section.topMovers(top)
      let counts = section.statusCounts
      out.write("\n\(section.title)\n")
      let summary = DiffStatus.allCases.compactMap { s in counts[s].map { "\($0) \(s.rawValue)" } }
      out.write(summary.isEmpty ? "no rows\n" : summary.joined(separator: ", ") + "\n")
      guard !movers.isEmpty else { continue }
      var rows = [["before", "after", "delta", "delta%", "status", section.kind.isStringReport ? "string" : "name"]]
      for row in movers {
        rows.append([
          DiffFormat.side(row.before, section.metric), DiffFormat.side(row.after, section.metric),
          DiffFormat.delta(row, section.metric), DiffFormat.percent(row), row.status.rawValue, row.name,
        ])
      }
      TextTable.write(rows, rightAligned: [0, 1, 2, 3], into: &out)
      if section.moverCount > top { out.write("  … \(section.moverCount - top) more changed rows\n") }
    }
    if !diff.candidateMoves.isEmpty {
      out.write("\ncandidate moves (same file, same bytes, nearby lines; pass --git-diff to map them):\n")
      for move in diff.candidateMoves {
        out.write("  \(move.from) → \(move.to) (\(DiffFormat.magnitude(move.bytes, .memory)))\n")
      }
    }
  }
}

/// Columns padded to their widest cell, two spaces apart.
enum TextTable {
  static func write(_ rows: [[String]], rightAligned: Set<Int>, into out: inout some TextOutputStream) {
    guard let columns = rows.map(\.count).max() else { return }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    for row in rows {
      var line = " "
      for (i, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        let last = i == row.count - 1
        line += " " + (rightAligned.contains(i) ? pad + cell : (last ? cell : cell + pad))
      }
      out.write(line + "\n")
    }
  }
}
