import MemReportCore

/// `report --format csv`: one row per key for spreadsheets.
///
/// ```
/// kind,key,allocated_bytes,allocated_objects,retained_bytes,retained_objects
/// location,ruby/lib/erb.rb:905,65050,903,,
/// ```
/// `kind` is memory_profiler's grouping (`gem`, `file`, `location`, `class`) and `key` the name it
/// printed (paths normalized unless `--no-normalize`). Each of the four metrics comes from its own
/// top-N section, so a cell is empty when that section does not list the key (it is then at most
/// the section's smallest value, never zero). Keys are in memory_profiler's order of kinds, then
/// in the order first listed (allocated bytes, then objects, retained bytes, objects). One report
/// per file: a file holding several needs `FILE#N` or `--report N`.
package struct CSVReportWriter: ReportWriter {
  package static let header = [
    "kind", "key", "allocated_bytes", "allocated_objects", "retained_bytes", "retained_objects",
  ]

  private var source = ""
  private var written = 0

  package init() {}

  package mutating func begin(source: String, into out: inout some TextOutputStream) {
    self.source = source
    out.write(CSVText.row(Self.header))
  }

  package mutating func write(_ profile: Profile, into out: inout some TextOutputStream) throws {
    guard written == 0 else { throw MemReportError.usage(ReportDocument.csvOneReport(source)) }
    written += 1
    for row in Self.rows(profile) {
      out.write(
        CSVText.row(
          [CSVText.text(row.kind.rawValue), CSVText.text(row.key)]
            + row.values.map { CSVText.number($0) }))
    }
  }

  package mutating func end(reports: Int, into out: inout some TextOutputStream) {}

  /// One key of one kind with its four values (`nil`: not listed).
  struct KeyRow: Equatable {
    var kind: Grouping
    var key: String
    /// allocated bytes, allocated objects, retained bytes, retained objects.
    var values: [Int64?]
  }

  /// The rows of one report.
  /// - Complexity: O(*r*) for *r* rows of the report's sections.
  static func rows(_ profile: Profile) -> [KeyRow] {
    let columns: [(AllocationState, Metric)] = [
      (.allocated, .memory), (.allocated, .objects), (.retained, .memory), (.retained, .objects),
    ]
    var rows: [KeyRow] = []
    for kind in Grouping.allCases {
      var index: [String: Int] = [:]
      var kindRows: [KeyRow] = []
      for (column, (state, metric)) in columns.enumerated() {
        guard let section = profile.section(SectionTitle(state, metric, kind)) else { continue }
        for row in section.rows {
          let key = profile.name(of: row)
          let i: Int
          if let found = index[key] {
            i = found
          } else {
            i = kindRows.count
            index[key] = i
            kindRows.append(KeyRow(kind: kind, key: key, values: [nil, nil, nil, nil]))
          }
          // Rows merged by normalization are already one row; a repeated key adds up.
          kindRows[i].values[column] = (kindRows[i].values[column] ?? 0) +| row.value
        }
      }
      rows += kindRows
    }
    return rows
  }
}
