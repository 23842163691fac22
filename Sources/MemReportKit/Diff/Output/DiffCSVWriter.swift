import MemReportCore
/// `diff --format csv`: one record per key and grouping (gem, file, location, class, string), with
/// the four metrics as columns (before, after and delta of each), a status, and whether values
/// were read from scaled sizes. An unknown value (a key outside a cut top-N list, or a metric
/// whose section does not list it) is an empty cell. README.md documents the columns.
package struct DiffCSVWriter: DiffWriter {
  package init() {}

  /// The metrics in column order: allocated/retained × bytes/objects.
  static let metrics: [(state: AllocationState, metric: Metric)] = [
    (.allocated, .memory), (.allocated, .objects), (.retained, .memory), (.retained, .objects),
  ]

  package static var header: [String] {
    var cells = ["grouping", "key", "status", "approximate"]
    for (state, metric) in metrics {
      let name = "\(state.rawValue)_\(metric == .memory ? "bytes" : "objects")"
      cells += [name + "_before", name + "_after", name + "_delta"]
    }
    return cells
  }

  package func write(_ document: DiffDocument, into out: inout some TextOutputStream) throws {
    let diff = document.diff
    out.write(CSVText.row(Self.header))
    let groupings: [Grouping?] = [.gem, .file, .location, .class, nil]
    for grouping in groupings {
      // Each metric's section (or string report) of this grouping.
      let sections: [DiffSection?] = Self.metrics.map { state, metric in
        guard let grouping else {
          return metric == .objects ? diff.section(.strings(state)) : nil
        }
        return diff.section(.section(SectionTitle(state, metric, grouping)))
      }
      // Keys in the order of the first section that lists them (largest change first).
      var order: [String] = []
      var cells: [String: [DiffRow?]] = [:]
      for (m, section) in sections.enumerated() {
        for row in section?.rows ?? [] {
          if cells[row.name] == nil {
            order.append(row.name)
            cells[row.name] = [DiffRow?](repeating: nil, count: Self.metrics.count)
          }
          cells[row.name]?[m] = row
        }
      }
      let noun = grouping?.rawValue ?? "string"
      for name in order {
        let rows = cells[name] ?? []
        var record = [CSVText.text(noun), CSVText.text(name), Self.status(rows)]
        let approximate = rows.contains {
          ($0?.before.rounding ?? 0) + ($0?.after.rounding ?? 0) > 0
        }
        record.append(approximate ? "true" : "false")
        for (m, row) in rows.enumerated() {
          guard let row else {
            // Not listed by this metric's section on either side: 0 where that list is complete.
            let complete = sections[m]?.complete ?? (before: false, after: false)
            record += [
              complete.before ? "0" : "", complete.after ? "0" : "",
              complete.before && complete.after ? "0" : "",
            ]
            continue
          }
          record += [
            Self.value(row.before), Self.value(row.after),
            row.before.isKnown && row.after.isKnown
              ? CSVText.number(row.delta, decimals: 3) : "",
          ]
        }
        out.write(CSVText.row(record))
      }
    }
  }

  /// A side's value: the median, 0 for a key absent from a complete list, empty when unknown
  /// (below a cut list's smallest row).
  static func value(_ side: SideValue) -> String {
    side.isKnown ? CSVText.number(side.median, decimals: 3) : ""
  }

  /// One status for the key over the metrics that list it: `bound` when any value is only a
  /// bound, the common status when all agree, else `changed` (or `same`).
  static func status(_ rows: [DiffRow?]) -> String {
    let statuses = rows.compactMap { $0?.status }
    if statuses.contains(.outsideTopN) { return "bound" }
    if let first = statuses.first, statuses.allSatisfy({ $0 == first }) { return first.rawValue }
    return statuses.contains { $0 != .same }
      ? DiffStatus.changed.rawValue : DiffStatus.same.rawValue
  }
}
