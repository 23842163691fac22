import MemReportCore
/// `report --format json`: the stable, documented schema (`schemaVersion` 1).
///
/// ```
/// {"schemaVersion": 1, "source": PATH, "reports": [REPORT, ...]}
/// ```
/// Each REPORT has `totals`, `sections`, `strings`, `metadata` and `warnings`; README.md documents
/// every field. Adding fields is not a version change; renaming or removing one is.
package struct JSONReportWriter: ReportWriter {
  package static let schemaVersion = 1
  package var options: ReportOptions
  private var written = 0

  package init(options: ReportOptions = ReportOptions()) { self.options = options }

  package mutating func begin(source: String, into out: inout some TextOutputStream) {
    out.write(
      "{\n  \"schemaVersion\": \(Self.schemaVersion),\n  \"source\": \(JSONText.quoted(source)),\n  \"reports\": ["
    )
  }

  package mutating func write(_ profile: Profile, into out: inout some TextOutputStream) {
    out.write(written == 0 ? "\n    {" : ",\n    {")
    written += 1
    let m = profile.metadata
    out.write(
      "\n      \"index\": \(m.index), \"firstLine\": \(m.firstLine), \"lastLine\": \(m.lastLine),")
    writeTransform(profile, into: &out)
    out.write("\n      \"totals\": {")
    for (i, state) in AllocationState.allCases.enumerated() {
      let amount = profile.totals[state]
      out.write(i == 0 ? "\"" : ", \"")
      out.write(
        "\(state.rawValue)\": {\"bytes\": \(JSONText.number(amount.bytes)), \"objects\": \(JSONText.number(amount.objects))"
      )
      if amount.bytesApproximate { out.write(", \"approximate\": true") }
      out.write("}")
    }
    out.write("},\n      \"sections\": [")
    var escaped = EscapedNames()
    for (i, section) in profile.sections.enumerated() {
      writeSection(section, of: profile, first: i == 0, escaped: &escaped, into: &out)
    }
    out.write(profile.sections.isEmpty ? "],\n" : "\n      ],\n")
    if let key = options.aggregateBy {
      out.write("      \"aggregateBy\": \"\(key.rawValue)\",\n")
      for state in AllocationState.allCases {
        out.write(state == .allocated ? "      \"aggregate\": " : "      \"retainedAggregate\": ")
        writeAggregate(Aggregator.aggregate(profile, by: key, state: state), into: &out)
        out.write(",\n")
      }
    }
    out.write("      \"strings\": {")
    for (i, state) in AllocationState.allCases.enumerated() {
      out.write(i == 0 ? "\n        " : ",\n        ")
      out.write("\"\(state.rawValue)\": ")
      if let report = profile.strings(state) {
        writeStrings(report, of: profile, into: &out)
      } else {
        out.write("null")
      }
    }
    out.write("\n      },\n      \"metadata\": ")
    writeMetadata(m, into: &out)
    out.write(",\n      \"warnings\": [")
    for (i, warning) in profile.warnings.enumerated() {
      out.write(i == 0 ? "\n        " : ",\n        ")
      out.write("{\"line\": \(warning.line), \"message\": \(JSONText.quoted(warning.message))}")
    }
    out.write(profile.warnings.isEmpty ? "]\n    }" : "\n      ]\n    }")
  }

  package mutating func end(reports: Int, into out: inout some TextOutputStream) {
    out.write(written == 0 ? "]\n}\n" : "\n  ]\n}\n")
  }

  private func writeSection(
    _ section: Section, of profile: Profile, first: Bool, escaped: inout EscapedNames,
    into out: inout some TextOutputStream
  ) {
    let coverage = SectionCoverage(section: section, in: profile)
    let title = section.title
    out.write(first ? "\n        {" : ",\n        {")
    out.write("\"title\": \(JSONText.quoted(title.text)), ")
    out.write(
      "\"state\": \"\(title.state.rawValue)\", \"metric\": \"\(title.metric.rawValue)\", \"by\": \"\(title.grouping.rawValue)\", "
    )
    out.write(
      "\"unit\": \"\(title.metric == .memory ? "bytes" : "objects")\", \"line\": \(section.line), ")
    out.write(
      "\"noData\": \(section.noData), \"approximate\": \(section.approximate), \"incomplete\": \(section.incomplete), "
    )
    out.write(
      "\"filtered\": \(section.filtered), \"rowsFilteredOut\": \(section.rowsFilteredOut), ")
    out.write("\"listed\": \(coverage.listed), \"listedTotal\": \(coverage.listedTotal), ")
    out.write(
      "\"cutoff\": \(JSONText.number(coverage.cutoff)), \"complete\": \(coverage.complete), \"trimmed\": \(coverage.trimmed), \"rows\": ["
    )
    let rows = options.top.map { section.rows.prefix($0) } ?? section.rows[...]
    var line = ""
    for (i, row) in rows.enumerated() {
      // One string per row; a name is escaped once per report, not once per use.
      let file = escaped.body(row.nameID, in: profile)
      line.removeAll(keepingCapacity: true)
      line += i == 0 ? "\n          {\"name\": \"" : ",\n          {\"name\": \""
      line += file
      switch row.line {
      case Row.noLine: break
      case Row.emptyLine: line += ":"
      default: line += ":" + String(row.line)
      }
      line += "\", \"value\": " + String(row.value)
      if title.grouping == .location {
        line +=
          ", \"file\": \"" + file + "\", \"line\": " + (row.lineNumber.map(String.init) ?? "null")
      }
      line += "}"
      out.write(line)
    }
    out.write(rows.isEmpty ? "]}" : "\n        ]}")
  }

  /// `normalization` and `filters`: how the rows were rewritten before writing.
  private func writeTransform(_ profile: Profile, into out: inout some TextOutputStream) {
    if let n = profile.normalizer {
      out.write(
        "\n      \"normalization\": {\"normalizePaths\": \(n.enabled), \"root\": \(n.root.map(JSONText.quoted) ?? "null"), \"ignoreGemVersions\": \(n.ignoreGemVersions)},"
      )
    } else {
      out.write("\n      \"normalization\": null,")
    }
    out.write("\n      \"filters\": [")
    out.write(
      profile.filters.map {
        "{\"pattern\": \(JSONText.quoted($0.pattern)), \"kind\": \"\($0.kind.rawValue)\", \"rows\": \($0.rows)}"
      }.joined(separator: ", "))
    out.write("],")
  }

  private func writeAggregate(_ aggregate: Aggregate?, into out: inout some TextOutputStream) {
    guard let aggregate else {
      out.write("null")
      return
    }
    let rows = options.top.map { aggregate.rows.prefix($0) } ?? aggregate.rows[...]
    out.write("[")
    for (i, row) in rows.enumerated() {
      out.write(i == 0 ? "\n        " : ",\n        ")
      out.write(
        "{\"name\": \(JSONText.quoted(row.name)), \"bytes\": \(row.bytes), \"objects\": \(row.objects), \"lowerBound\": \(row.lowerBound)"
      )
      if aggregate.key == .origin {
        out.write(
          ", \"bytesFrom\": \(source(row.bytesSource)), \"objectsFrom\": \(source(row.objectsSource))"
        )
      }
      out.write("}")
    }
    out.write(rows.isEmpty ? "]" : "\n      ]")
  }

  /// `{"list": "file", "exact": true}`: the list an origin's value was read from.
  private func source(_ source: OriginSource?) -> String {
    guard let source else { return "null" }
    return "{\"list\": \"\(source.grouping.rawValue)\", \"exact\": \(source.exact)}"
  }

  /// JSON-escaped names (without quotes), computed once per name id of a report.
  private struct EscapedNames {
    var cache: [Int32: String] = [:]

    mutating func body(_ id: Int32, in profile: Profile) -> String {
      if let done = cache[id] { return done }
      let quoted = JSONText.quoted(profile.names[id])
      let body = String(quoted.dropFirst().dropLast())
      cache[id] = body
      return body
    }
  }

  private func writeStrings(
    _ report: StringReport, of profile: Profile, into out: inout some TextOutputStream
  ) {
    out.write("[")
    let groups = options.top.map { report.groups.prefix($0) } ?? report.groups[...]
    for (i, group) in groups.enumerated() {
      out.write(i == 0 ? "\n          {" : ",\n          {")
      out.write(
        "\"string\": \(JSONText.quoted(group.string)), \"count\": \(group.count), "
          + (group.reclaimable.map {
            "\"bytes\": \(group.bytes ?? 0), \"reclaimable\": \($0), "
          } ?? "")
          + "\"line\": \(group.line), \"locations\": ["
      )
      for (j, location) in group.locations.enumerated() {
        if j > 0 { out.write(", ") }
        out.write(
          "{\"file\": \(JSONText.quoted(profile.names[location.fileID])), \"line\": \(location.line >= 0 ? String(location.line) : "null"), \"count\": \(location.count)}"
        )
      }
      out.write("]}")
    }
    out.write(groups.isEmpty ? "]" : "\n        ]")
  }

  private func writeMetadata(_ m: ProfileMetadata, into out: inout some TextOutputStream) {
    out.write("{\"producer\": \(JSONText.quoted(m.producer.rawValue)), ")
    out.write("\"iterations\": \(m.iterations.map(String.init) ?? "null"), ")
    out.write("\"warmupIterations\": \(m.warmupIterations.map(String.init) ?? "null"), ")
    out.write("\"features\": [")
    out.write(m.features.sorted().map { JSONText.quoted($0.rawValue) }.joined(separator: ", "))
    out.write("], \"preamble\": {")
    out.write(
      m.preamble.sorted { $0.key < $1.key }.map {
        "\(JSONText.quoted($0.key)): \(JSONText.quoted($0.value))"
      }.joined(separator: ", "))
    out.write("}}")
  }
}
