import MemReportCore

/// `report --format json` on require trees (`schema` "memreport-boot-report", `schemaVersion` 1):
/// every node with name, depth, inclusive and own cost (KiB exact, MiB as derailed prints), parent,
/// also-required-by; every gem with what removing it would free.
enum BootReportJSONWriter {
  static let schema = "memreport-boot-report"
  static let schemaVersion = 1

  static func mib(_ kib: Int64) -> String { JSONText.number(Double(kib) / 1024, decimals: 4) }

  static func strings(_ values: [String]) -> String {
    "[" + values.map(JSONText.quoted).joined(separator: ", ") + "]"
  }

  static func write(_ document: BootReportDocument, into out: inout some TextOutputStream) {
    out.write("{\n  \"schema\": \"\(schema)\",\n  \"schemaVersion\": \(schemaVersion),\n")
    out.write("  \"source\": \(JSONText.quoted(document.source)),\n  \"trees\": [")
    for (t, block) in document.trees.enumerated() {
      let a = block.analysis
      let tree = a.tree
      out.write(t == 0 ? "\n" : ",\n")
      out.write("    {\n      \"index\": \(tree.index),\n")
      out.write("      \"answer\": \(JSONText.quoted(block.answer)),\n")
      out.write(
        "      \"command\": \"\(tree.fromPerfMem ? "perf:mem" : "bundle:mem")\",\n      \"unit\": \"\(tree.unitWasMB ? "mb" : "MiB")\",\n"
      )
      out.write(
        "      \"cutOff\": {\"mib\": \(JSONText.number(tree.cutOff.mib, decimals: 4)), \"source\": \"\(tree.cutOff.source.rawValue)\"},\n"
      )
      out.write("      \"preamble\": \(strings(tree.preamble)),\n")
      out.write("      \"topKiB\": \(tree.topKiB),\n      \"topMiB\": \(mib(tree.topKiB)),\n")
      out.write("      \"gems\": [")
      for (g, gem) in a.gems.enumerated() {
        out.write(g == 0 ? "\n" : ",\n")
        let shared = gem.shared.map {
          "{\"name\": \(JSONText.quoted($0.name)), \"kib\": \($0.kib), \"alsoRequiredBy\": \(strings($0.with)), \"unnamedOthers\": \($0.unnamedOthers)}"
        }
        out.write(
          "        {\"node\": \(gem.node), \"name\": \(JSONText.quoted(gem.name)), \"kib\": \(gem.kib), \"mib\": \(mib(gem.kib)), \"requires\": \(gem.requires), \"sharedKiB\": \(gem.sharedKiB), \"freedAtMostKiB\": \(gem.freedAtMostKiB), \"shared\": [\(shared.joined(separator: ", "))]}"
        )
      }
      out.write(a.gems.isEmpty ? "],\n" : "\n      ],\n")
      out.write("      \"nodes\": [")
      for (n, row) in a.rows.enumerated() {
        out.write(n == 0 ? "\n" : ",\n")
        out.write(
          "        {\"id\": \(row.node), \"name\": \(JSONText.quoted(row.name)), \"depth\": \(row.depth), \"parent\": \(row.parent.map(String.init) ?? "null"), \"inclusiveKiB\": \(row.inclusiveKiB), \"inclusiveMiB\": \(mib(row.inclusiveKiB)), \"ownKiB\": \(row.ownKiB), \"ownIsUpperBound\": \(row.ownIsBound), \"share\": \(JSONText.number(row.share, decimals: 4)), \"alsoRequiredBy\": \(strings(row.alsoRequiredBy)), \"alsoRequiredByCount\": \(row.alsoRequiredByCount), \"alsoRequiredByMayBeMore\": \(row.alsoRequiredByMayBeMore), \"line\": \(row.line)}"
        )
      }
      out.write("\n      ]\n    }")
    }
    out.write("\n  ],\n  \"warnings\": [")
    for (w, warning) in document.warnings.enumerated() {
      out.write(w == 0 ? "\n" : ",\n")
      out.write("    {\"line\": \(warning.line), \"message\": \(JSONText.quoted(warning.message))}")
    }
    out.write(document.warnings.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
  }
}
