import MemReportCore

/// `report --format markdown`: a short summary to paste into an issue. The answer first (totals
/// with retained memory, the largest sites, app code), the run in one small line, the four totals,
/// then the top rows of each memory section as GFM tables (names in code spans, escaped like the
/// diff's Markdown), each with its coverage note. Object counts stay in `--format json` and
/// `--format csv`: a memory list and an objects list are different top-N lists, so one table never
/// mixes them. Each report fits in one GitHub comment.
package struct MarkdownReportWriter: ReportWriter {
  /// Rows per table when `--top` is not given.
  package static let defaultTop = 5
  /// GitHub rejects comments over 65,536 characters; keep a margin.
  package static let characterLimit = 65_000

  package var options: ReportOptions
  package var limit: Int
  private var source = ""
  private var written = 0

  package init(options: ReportOptions = ReportOptions(), limit: Int = Self.characterLimit) {
    self.options = options
    self.limit = limit
  }

  package mutating func begin(source: String, into out: inout some TextOutputStream) {
    self.source = source
  }

  private struct Table {
    var section: Section
    var heading: String
    var note: String
    var header: String
    var rows: [String]
    /// The values of `rows`, to move into the rest when rows are cut to fit.
    var values: [Int64]
    /// Rows not shown (past `--top`, or cut to fit) and what they hold.
    var restCount: Int
    var restSum: Int64
    var cut = false
    var size: Int {
      heading.count + note.count + header.count + rows.reduce(0) { $0 + $1.count + 1 } + 80
    }
  }

  package mutating func write(_ profile: Profile, into out: inout some TextOutputStream) {
    let document = ReportDocument(profile, source: source, aggregateBy: nil)
    if written > 0 { out.write("\n---\n\n") }
    written += 1
    var head = "**" + Self.escaped(document.headline) + "**\n\n"
    var facts = [Self.code(source) + " " + Self.escaped(ReportDocument.reportName(profile))]
    facts.append(Self.escaped(document.summary))
    facts += document.notes.map(MarkdownText.escaped)
    head += "<sub>" + facts.joined(separator: " · ") + "</sub>\n\n"
    if profile.totals.line != nil {
      head += "| total | bytes | objects |\n|---|---:|---:|\n"
      // A heap dump has one total: what the heap held (its objects are the "allocated" sections).
      let isDump = profile.metadata.producer == .heapDump
      for state in isDump ? [AllocationState.allocated] : AllocationState.allCases {
        let amount = profile.totals[state]
        let bytes =
          amount.bytes.map { (amount.bytesApproximate ? "≈" : "") + Units.bytes($0) } ?? "unknown"
        let objects = amount.objects.map(Units.count) ?? "unknown"
        head += "| \(isDump ? "live heap" : state.rawValue) | \(bytes) | \(objects) |\n"
      }
    } else {
      head += Self.escaped(ReportDocument.totalsUnknown) + "\n"
    }
    var tables = Self.shown(profile).map { table($0, of: profile) }
    var tail = ""
    if let note = document.warningNote, !options.quiet {
      tail += "\n<sub>" + Self.escaped(note) + "</sub>\n"
    }
    // Cut the longest tables first until the report fits in one comment.
    let fixed = head.count + tail.count + 200
    while fixed + tables.reduce(0, { $0 + $1.size }) > limit {
      guard let i = tables.indices.max(by: { tables[$0].size < tables[$1].size }),
        !tables[i].rows.isEmpty
      else { break }
      let drop = max(1, tables[i].rows.count / 4)
      tables[i].rows.removeLast(drop)
      tables[i].restCount += drop
      tables[i].restSum = tables[i].values.suffix(drop).reduce(tables[i].restSum) { $0 +| $1 }
      tables[i].values.removeLast(drop)
      tables[i].cut = true
    }
    out.write(head)
    let lead = tables.filter { Self.lead.contains($0.section.title) }
    let rest = tables.filter { !Self.lead.contains($0.section.title) }
    for table in lead { out.write(render(table)) }
    if !rest.isEmpty {
      out.write("\n<details><summary>" + ReportDocument.moreSections(rest.count) + "</summary>\n")
      for table in rest { out.write(render(table)) }
      out.write("\n</details>\n")
    }
    out.write(tail)
  }

  package mutating func end(reports: Int, into out: inout some TextOutputStream) {}

  /// Control characters (C0, DEL, C1) from an input become spaces before escaping: Markdown
  /// output is read in terminals too.
  static func plain(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map {
          $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) ? " " : $0
        }))
  }

  static func escaped(_ text: String) -> String { MarkdownText.escaped(plain(text)) }
  static func code(_ text: String) -> String { MarkdownText.code(plain(text)) }

  /// The tables shown open; the other memory sections are folded in `<details>`.
  static let lead: Set<SectionTitle> = [
    SectionTitle(.allocated, .memory, .location), SectionTitle(.allocated, .memory, .file),
    SectionTitle(.allocated, .memory, .gem), SectionTitle(.retained, .memory, .location),
  ]

  /// The memory sections with rows: allocated, then retained; gem, file, location, class.
  static func shown(_ profile: Profile) -> [Section] {
    AllocationState.allCases.flatMap { state in
      Grouping.allCases.compactMap { grouping in
        profile.section(SectionTitle(state, .memory, grouping)).flatMap {
          $0.rows.isEmpty ? nil : $0
        }
      }
    }
  }

  private func table(_ section: Section, of profile: Profile) -> Table {
    let top = options.top ?? Self.defaultTop
    let coverage = SectionCoverage(section: section, in: profile)
    let approx = section.approximate ? "≈" : ""
    let shown = section.rows.prefix(top)
    let rows = shown.map { row in
      "| \(Self.code(profile.name(of: row))) | \(approx)\(Units.bytes(row.value)) | \(Units.percentage(row.value, of: coverage.total)) |"
    }
    return Table(
      section: section,
      heading: "\n#### \(section.title.text)\n\n",
      note: "_" + Self.escaped(ProfileWording.coverage(coverage, of: section)) + "_\n\n",
      header: "| \(section.title.grouping.rawValue) | bytes | share |\n|---|---:|---:|\n",
      rows: rows, values: shown.map(\.value), restCount: section.rows.count - shown.count,
      restSum: section.rows.dropFirst(shown.count).reduce(Int64(0)) { $0 +| $1.value })
  }

  private func render(_ table: Table) -> String {
    var text = table.heading + table.note + table.header
    if !table.rows.isEmpty { text += table.rows.joined(separator: "\n") + "\n" }
    if table.restCount > 0 {
      let more = ReportDocument.moreRows(table.restCount, holding: table.restSum, of: table.section)
      text +=
        "| " + Self.escaped(more + (table.cut ? ReportDocument.cutToFit : "")) + " |  |  |\n"
    }
    return text
  }
}
