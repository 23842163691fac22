import MemReportCore

/// `leaks --format text`: the answer, then the top rows of each grouping.
enum LeakTextWriter {
  static func write(_ d: LeakDocument, top: Int, into out: inout some TextOutputStream) {
    out.write(d.title + "\n" + d.headline + "\n")
    if let largest = d.largest { out.write(largest + "\n") }
    out.write(d.identity + "\n")
    for note in d.notes { out.write(note + "\n") }
    let growth = d.analysis.set.dumps.count >= 3
    for grouping in LeakDocument.groupingsShown {
      let rows = d.analysis.groups[grouping] ?? []
      guard !rows.isEmpty else { continue }
      out.write("\n" + LeakDocument.heading(grouping) + "\n")
      for row in rows.prefix(top) {
        let share = Units.percentage(row.amount.bytes, of: d.analysis.total.bytes)
        var line =
          pad(Units.bytes(row.amount.bytes), 9) + "  " + pad(share, 6) + "  "
          + pad(Units.count(row.amount.objects), 9) + "  " + row.name
        if growth && !row.steps.isEmpty { line += "  (" + LeakDocument.growth(row) + ")" }
        out.write(line + "\n")
      }
      if rows.count > top { out.write("  … \(Units.count(Int64(rows.count - top))) more\n") }
    }
    if growth { out.write("\n" + LeakDocument.growthNote + "\n") }
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}

/// `leaks --heapy`: heapy's own `diff` lines.
enum LeakHeapyWriter {
  static func write(_ analysis: LeakAnalysis, into out: inout some TextOutputStream) {
    for line in analysis.heapyLines { out.write(line + "\n") }
  }
}

/// `leaks --format json`, schema version 1 (README: "Heap dumps").
enum LeakJSONWriter {
  static let schemaVersion = 1

  static func write(
    _ d: LeakDocument, gate: LeakGate.Result?, into out: inout some TextOutputStream
  ) {
    let a = d.analysis
    let set = a.set
    func amount(_ x: HeapAmount) -> String { "{\"objects\": \(x.objects), \"bytes\": \(x.bytes)}" }
    out.write("{\n  \"schemaVersion\": \(schemaVersion),\n  \"kind\": \"leaks\",\n  \"dumps\": [")
    for (i, dump) in set.dumps.enumerated() {
      out.write(i == 0 ? "\n" : ",\n")
      let s = dump.stats
      out.write(
        "    {\"path\": \(JSONText.quoted(dump.path)), \"lines\": \(s.lines), \"objects\": \(s.objects), \"roots\": \(s.roots), \"skipped\": \(s.skipped), \"traced\": \(s.traced), \"maxGeneration\": \(JSONText.number(s.maxGeneration))}"
      )
    }
    out.write("\n  ],\n")
    out.write(
      "  \"identity\": \(JSONText.quoted(set.traced ? "address+type+generation" : "address+type")),\n"
    )
    out.write("  \"leakSet\": \(amount(a.total)),\n  \"lastHeap\": \(amount(a.heap)),\n")
    out.write("  \"byAddress\": \(amount(set.byAddress)),\n")
    out.write(
      "  \"rejectedAsReuse\": \(set.rejectedAsReuse),\n  \"foundInReusedSlots\": \(set.foundInReusedSlots),\n"
    )
    out.write(
      "  \"movedObjects\": \(set.moved),\n  \"includeMeasurement\": \(a.includeMeasurement),\n")
    out.write("  \"excluded\": {")
    let reasons = HeapExclusion.allCases.filter { a.excluded[$0] != nil }
    out.write(
      reasons.map { "\(JSONText.quoted($0.rawValue)): \(amount(a.excluded[$0] ?? HeapAmount()))" }
        .joined(separator: ", "))
    out.write("},\n  \"groups\": {")
    for (gi, grouping) in LeakAnalysis.Grouping.allCases.enumerated() {
      out.write((gi == 0 ? "\n" : ",\n") + "    \(JSONText.quoted(grouping.rawValue)): [")
      for (i, row) in (a.groups[grouping] ?? []).enumerated() {
        out.write(i == 0 ? "\n" : ",\n")
        var item =
          "      {\"name\": \(JSONText.quoted(row.name)), \"objects\": \(row.amount.objects), \"bytes\": \(row.amount.bytes)"
        if !row.steps.isEmpty {
          item +=
            ", \"steps\": [" + row.steps.map { amount($0) }.joined(separator: ", ")
            + "], \"grewEveryStep\": \(row.grewEveryStep)"
        }
        out.write(item + "}")
      }
      out.write((a.groups[grouping] ?? []).isEmpty ? "]" : "\n    ]")
    }
    out.write("\n  },\n  \"heapy\": [")
    out.write(a.heapyLines.map { "\n    " + JSONText.quoted($0) }.joined(separator: ","))
    out.write(a.heapyLines.isEmpty ? "],\n" : "\n  ],\n")
    if let gate {
      out.write(
        "  \"gate\": {\"limit\": \(JSONText.quoted(gate.limit)), \"passed\": \(gate.passed), \"bytes\": \(gate.bytes)},\n"
      )
    }
    out.write(
      "  \"notes\": [" + d.notes.map { JSONText.quoted($0) }.joined(separator: ", ") + "]\n}\n")
  }
}

/// `leaks --format markdown`: fits a pull-request comment.
enum LeakMarkdownWriter {
  static func write(
    _ d: LeakDocument, top: Int, gate: LeakGate.Result?, into out: inout some TextOutputStream
  ) {
    out.write("### " + MarkdownText.escaped(d.title) + "\n\n")
    if let gate {
      out.write(
        (gate.passed ? "**Gate passed**" : "**Gate failed**") + ": "
          + MarkdownText.escaped(LeakGate.message(gate)) + "\n\n")
    }
    out.write(MarkdownText.escaped(d.headline) + "\n")
    if let largest = d.largest { out.write("\n" + MarkdownText.escaped(largest) + "\n") }
    let growth = d.analysis.set.dumps.count >= 3
    for (i, grouping) in [LeakAnalysis.Grouping.site, .class, .location].enumerated() {
      let rows = d.analysis.groups[grouping] ?? []
      guard !rows.isEmpty else { continue }
      let title = LeakDocument.heading(grouping)
      out.write(i == 0 ? "\n#### \(title)\n\n" : "\n<details><summary>\(title)</summary>\n\n")
      out.write(
        "| \(grouping.rawValue) | bytes | share | objects |" + (growth ? " growth |" : "") + "\n")
      out.write("|---|---:|---:|---:|" + (growth ? "---|" : "") + "\n")
      for row in rows.prefix(top) {
        out.write(
          "| \(MarkdownText.code(row.name)) | \(Units.bytes(row.amount.bytes)) | \(Units.percentage(row.amount.bytes, of: d.analysis.total.bytes)) | \(Units.count(row.amount.objects)) |"
            + (growth ? " \(LeakDocument.growth(row)) |" : "") + "\n")
      }
      if rows.count > top {
        out.write("\n\(Units.count(Int64(rows.count - top))) more in `--format json`.\n")
      }
      if i > 0 { out.write("\n</details>\n") }
    }
    out.write("\n" + MarkdownText.escaped(d.identity) + "\n")
    for note in d.notes { out.write("\n" + MarkdownText.escaped(note) + "\n") }
  }
}

/// `leaks --format csv`: one row per group of every grouping.
enum LeakCSVWriter {
  static func write(_ d: LeakDocument, into out: inout some TextOutputStream) {
    let steps = max(0, d.analysis.set.dumps.count - 1)
    out.write(
      CSVText.row(
        ["grouping", "name", "objects", "bytes", "share_of_leak_set", "share_of_heap"]
          + (0..<steps).map { "bytes_at_dump_\($0 + 2)" } + ["grew_every_step"]))
    for grouping in LeakAnalysis.Grouping.allCases {
      for row in d.analysis.groups[grouping] ?? [] {
        let total = d.analysis.total.bytes
        let heap = d.analysis.heap.bytes
        out.write(
          CSVText.row(
            [
              grouping.rawValue, CSVText.text(row.name), CSVText.number(row.amount.objects),
              CSVText.number(row.amount.bytes),
              CSVText.number(
                total > 0 ? Double(row.amount.bytes) / Double(total) : nil, decimals: 6),
              CSVText.number(heap > 0 ? Double(row.amount.bytes) / Double(heap) : nil, decimals: 6),
            ]
              + (0..<steps).map { i in i < row.steps.count ? CSVText.number(row.steps[i].bytes) : ""
              }
              + [row.steps.count >= 2 ? (row.grewEveryStep ? "true" : "false") : ""]))
      }
    }
  }
}
