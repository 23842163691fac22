import MemReportCore

/// `diff --format json` on require trees (`schema` "memreport-boot-diff", `schemaVersion` 1).
enum BootDiffJSONWriter {
  static let schema = "memreport-boot-diff"
  static let schemaVersion = 1

  static func kib(_ value: Double) -> String { JSONText.number(value, decimals: 1) }

  static func side(_ value: BootDiff.SideValue) -> String {
    "{\"runs\": \(value.runs), \"shown\": \(value.present), \"medianKiB\": \(kib(value.medianKiB)), \"minKiB\": \(kib(value.minKiB)), \"maxKiB\": \(kib(value.maxKiB)), \"ownMedianKiB\": \(kib(value.ownMedianKiB)), \"hiddenBelowMiB\": \(JSONText.number(value.hiddenBelowMiB, decimals: 4))}"
  }

  static func row(_ row: BootDiff.Row, diff: BootDiff) -> String {
    let path = row.path >= 0 ? diff.paths.components(of: row.path) : []
    let moved = row.movedFrom.map { BootReportJSONWriter.strings($0) } ?? "null"
    let within =
      row.within.map { BootReportJSONWriter.strings(diff.paths.components(of: $0)) } ?? "null"
    return
      "{\"name\": \(JSONText.quoted(row.name)), \"path\": \(BootReportJSONWriter.strings(path)), \"depth\": \(row.depth), \"status\": \"\(row.status.rawValue)\", \"verdict\": \"\(row.verdict.rawValue)\", \"before\": \(side(row.before)), \"after\": \(side(row.after)), \"deltaKiB\": \(kib(row.deltaKiB)), \"ownDeltaKiB\": \(kib(row.ownDeltaKiB)), \"movedFrom\": \(moved), \"within\": \(within), \"requiresBelow\": \(row.requiresBelow)}"
  }

  static func write(_ document: BootDiffDocument, into out: inout some TextOutputStream) {
    let diff = document.diff
    out.write("{\n  \"schema\": \"\(schema)\",\n  \"schemaVersion\": \(schemaVersion),\n")
    out.write("  \"answer\": \(JSONText.quoted(document.headline)),\n")
    out.write("  \"before\": \(BootReportJSONWriter.strings(document.before)),\n")
    out.write("  \"after\": \(BootReportJSONWriter.strings(document.after)),\n")
    out.write("  \"runsBefore\": \(diff.runsBefore),\n  \"runsAfter\": \(diff.runsAfter),\n")
    out.write(
      "  \"noise\": {\"floorMiB\": \(BootDiff.floorMiB), \"spreadFactor\": \(JSONText.number(BootDiff.spreadFactor, decimals: 1)), \"singleRunShareOfTop\": \(BootDiff.singleRunShare), \"singleRuns\": \(diff.singleRuns)},\n"
    )
    out.write(
      "  \"cutOffMiB\": {\"before\": \(JSONText.number(diff.cutOffBefore, decimals: 4)), \"after\": \(JSONText.number(diff.cutOffAfter, decimals: 4))},\n"
    )
    if let gate = document.gate {
      out.write(
        "  \"gate\": {\"limit\": \(JSONText.quoted(gate.limit)), \"passed\": \(gate.passed), \"overLimit\": \(gate.overLimit), \"verdict\": \"\(gate.verdict.rawValue)\"},\n"
      )
    } else {
      out.write("  \"gate\": null,\n")
    }
    out.write("  \"top\": \(row(diff.top, diff: diff)),\n  \"requires\": [")
    for (i, r) in diff.rows.enumerated() {
      out.write(i == 0 ? "\n    " : ",\n    ")
      out.write(row(r, diff: diff))
    }
    out.write(diff.rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
  }
}
