import MemReportCore
/// `diff --format text`: the verdict, the totals, then each section's largest changes.
package struct DiffTextWriter: DiffWriter {
  package static let defaultTop = 10

  package init() {}

  package func write(_ document: DiffDocument, into out: inout some TextOutputStream) throws {
    let context = document.context
    out.write(
      "\(DiffDocument.title): \(context.before.joined(separator: ", ")) → \(context.after.joined(separator: ", "))\n"
    )
    out.write(document.headline + "\n")
    for warning in document.warnings { out.write("warning: " + warning + "\n") }
    for note in document.notes { out.write(note + "\n") }
    if let gate = document.gate {
      out.write("gate: \(gate.passed ? "passed" : "FAILED"): \(gate.message)\n")
    }
    out.write("\n")
    var table = [["", "before", "after", "delta", "delta%"]]
    for total in document.totals {
      table.append([total.label, total.before, total.after, total.delta ?? "", total.percent ?? ""])
    }
    TextTable.write(table, rightAligned: [1, 2, 3, 4], into: &out)
    let top = context.top ?? Self.defaultTop
    for block in document.sections {
      let section = block.section
      out.write("\n\(section.title)\n\(block.summary)\n")
      let movers = section.topMovers(top)
      guard !movers.isEmpty else { continue }
      var rows = [
        [
          "before", "after", "delta", "delta%", "status",
          section.kind.isStringReport ? "string" : "name",
        ]
      ]
      for row in movers {
        rows.append([
          DiffFormat.side(row.before, section.metric), DiffFormat.side(row.after, section.metric),
          DiffFormat.delta(row, section.metric), DiffFormat.percent(row), row.status.rawValue,
          row.name,
        ])
      }
      TextTable.write(rows, rightAligned: [0, 1, 2, 3], into: &out)
      if section.moverCount > top {
        out.write("  … \(DiffDocument.moreRows(section.moverCount - top))\n")
      }
    }
    if !document.moves.isEmpty {
      out.write("\n\(DiffDocument.movesLine)\n")
      for move in document.moves {
        out.write("  \(move.from) → \(move.to) (\(move.size))\n")
      }
    }
  }
}

/// Columns padded to their widest cell, two spaces apart.
enum TextTable {
  static func write(
    _ rows: [[String]], rightAligned: Set<Int>, into out: inout some TextOutputStream
  ) {
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
