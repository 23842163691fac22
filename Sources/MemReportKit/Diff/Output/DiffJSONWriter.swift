import MemReportCore
/// `diff --format json`, schema version 1 (README.md documents every field).
package struct DiffJSONWriter: DiffWriter {
  package init() {}

  package func write(_ document: DiffDocument, into out: inout some TextOutputStream) throws {
    let diff = document.diff
    let context = document.context
    out.write("{\n  \"schemaVersion\": 1,\n")
    out.write("  \"before\": [\(context.before.map(JSONText.quoted).joined(separator: ", "))],\n")
    out.write("  \"after\": [\(context.after.map(JSONText.quoted).joined(separator: ", "))],\n")
    out.write("  \"verdict\": \(JSONText.quoted(document.headline)),\n")
    if let runs = diff.perIteration {
      out.write("  \"perIteration\": {\"before\": \(runs.before), \"after\": \(runs.after)},\n")
    } else {
      out.write("  \"perIteration\": null,\n")
    }
    out.write("  \"notes\": [\(document.notes.map(JSONText.quoted).joined(separator: ", "))],\n")
    out.write(
      "  \"warnings\": [\(document.warnings.map(JSONText.quoted).joined(separator: ", "))],\n")
    out.write("  \"totals\": {")
    for (i, state) in AllocationState.allCases.enumerated() {
      out.write(i == 0 ? "\n    " : ",\n    ")
      out.write("\"\(state.rawValue)\": {")
      for (j, metric) in Metric.allCases.enumerated() {
        guard let total = diff.total(state, metric) else { continue }
        out.write(j == 0 ? "" : ", ")
        out.write(
          "\"\(metric == .memory ? "bytes" : "objects")\": {\"before\": \(Self.number(total.before?.median)), \"after\": \(Self.number(total.after?.median)), "
        )
        out.write(
          "\"delta\": \(Self.number(total.delta)), \"deltaPercent\": \(Self.number(total.deltaPercent, digits: 4))"
        )
        if total.rounding > 0 {
          // Read from scaled sizes: exact only to ± rounding; a change inside it is none.
          out.write(
            ", \"approximate\": true, \"rounding\": \(Self.number(total.rounding)), \"withinRounding\": \(total.delta.map { abs($0) <= total.rounding } ?? false)"
          )
        }
        if (total.before?.runCount ?? 1) > 1 || (total.after?.runCount ?? 1) > 1 {
          out.write(
            ", \"beforeRange\": \(Self.range(total.before)), \"afterRange\": \(Self.range(total.after)), \"real\": \(total.isReal)"
          )
        }
        out.write("}")
      }
      out.write("}")
    }
    out.write("\n  },\n  \"sections\": [")
    let sections = diff.sections.filter { !$0.kind.isStringReport }
    for (i, section) in sections.enumerated() {
      out.write(i == 0 ? "\n    " : ",\n    ")
      writeSection(section, into: &out)
    }
    out.write(sections.isEmpty ? "],\n" : "\n  ],\n")
    out.write("  \"strings\": {")
    for (i, state) in AllocationState.allCases.enumerated() {
      out.write(i == 0 ? "\n    " : ",\n    ")
      out.write("\"\(state.rawValue)\": ")
      if let section = diff.section(.strings(state)) {
        writeSection(section, into: &out)
      } else {
        out.write("null")
      }
    }
    out.write("\n  },\n  \"candidateMoves\": [")
    out.write(
      diff.candidateMoves.map {
        "{\"from\": \(JSONText.quoted($0.from)), \"to\": \(JSONText.quoted($0.to)), \"bytes\": \(Self.number($0.bytes))}"
      }.joined(separator: ", "))
    out.write("],\n  \"gate\": ")
    if let gate = context.gate, let result = context.gateResult, let line = document.gate {
      out.write(
        "{\"metric\": \"\(gate.metric.rawValue)\", \"limit\": \(JSONText.quoted(gate.text)), \"passed\": \(result.passed), "
      )
      out.write(
        "\"delta\": \(result.filtered?.isExact == false ? "null" : Self.number(result.delta)), \"deltaPercent\": \(Self.number(result.deltaPercent, digits: 4)), "
      )
      out.write("\"scope\": \"\(gate.scope.rawValue)\", ")
      if let filtered = result.filtered {
        let (low, high) = filtered.deltaRange
        out.write(
          "\"summed\": \(JSONText.quoted(filtered.title.text)), \"exact\": \(filtered.isExact), \"deltaRange\": [\(Self.number(low)), \(Self.number(high))], "
        )
      }
      out.write("\"message\": \(JSONText.quoted(line.message))}")
    } else {
      out.write("null")
    }
    out.write("\n}\n")
  }

  private func writeSection(_ section: DiffSection, into out: inout some TextOutputStream) {
    out.write(
      "{\"title\": \(JSONText.quoted(section.title)), \"unit\": \"\(section.metric == .memory ? "bytes" : "objects")\", \"rows\": ["
    )
    for (i, row) in section.rows.enumerated() {
      out.write(i == 0 ? "\n      " : ",\n      ")
      out.write("{\"name\": \(JSONText.quoted(row.name)), ")
      out.write("\"before\": \(row.before.isUnlisted ? "null" : Self.number(row.before.median)), ")
      out.write("\"after\": \(row.after.isUnlisted ? "null" : Self.number(row.after.median)), ")
      let exact = row.before.isKnown && row.after.isKnown
      out.write("\"delta\": \(exact ? Self.number(row.delta) : "null"), ")
      out.write("\"deltaPercent\": \(exact ? Self.number(row.deltaPercent, digits: 4) : "null"), ")
      out.write("\"status\": \"\(row.status.rawValue)\"")
      if let bound = row.before.bound { out.write(", \"beforeAtMost\": \(Self.number(bound))") }
      if let bound = row.after.bound { out.write(", \"afterAtMost\": \(Self.number(bound))") }
      if !exact {
        let (low, high) = row.deltaRange
        out.write(", \"deltaRange\": [\(Self.number(low)), \(Self.number(high))]")
      }
      let rounding = row.before.rounding + row.after.rounding
      if rounding > 0 {
        out.write(
          ", \"approximate\": true, \"rounding\": \(Self.number(rounding)), \"withinRounding\": \(row.withinRounding)"
        )
      }
      if row.before.runCount > 1 || row.after.runCount > 1 {
        out.write(
          ", \"beforeRange\": \(Self.range(row.before)), \"afterRange\": \(Self.range(row.after))")
      }
      out.write("}")
    }
    out.write(section.rows.isEmpty ? "]}" : "\n    ]}")
  }

  static func range(_ side: SideValue?) -> String {
    guard let side else { return "null" }
    return "[\(number(side.low)), \(number(side.high))]"
  }

  /// Integers print without a fraction; per-iteration values keep up to `digits` decimals.
  static func number(_ value: Double?, digits: Int = 3) -> String {
    JSONText.number(value, decimals: digits)
  }
}
