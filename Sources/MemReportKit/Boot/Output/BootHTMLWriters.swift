import MemReportCore

/// `report --format html` on require trees: the answer, the cut-off stated, an icicle chart of the
/// tree, the gems and every require in sortable tables.
enum BootReportHTMLWriter {
  /// Rows of the "every require" table at most (a page stays readable; JSON and CSV list all).
  static let maxRequireRows = 5_000

  struct Figure {
    var svg: String
    var caption: String
  }

  struct TreeView {
    var index: Int
    var several: Bool
    var label: String
    var answer: String
    var sharing: String?
    var source: String
    var cutOff: String
    var icicle: Figure?
    var gemsNote: String
    var gems: TableModel?
    var treeNote: String
    var requires: TableModel
  }

  struct Page {
    var chrome: PageChrome
    var source: String
    var runs: String?
    var warnings: String?
    var trees: [TreeView]
  }

  static func write(
    _ document: BootReportDocument, templates: HTMLTemplates, into out: inout some TextOutputStream
  ) throws {
    let several = document.trees.count > 1
    let trees = try document.trees.map { block -> TreeView in
      let a = block.analysis
      let icicle = try BootCharts.icicle(a).map {
        Figure(
          svg: try $0.inline(),
          caption:
            "\(DisplayText.clean(block.label)): widths are inclusive cost; hover a cell for its numbers. Requires deeper than \(BootCharts.maxLevels - 1) levels and cells under half a pixel are in the table only."
        )
      }
      let gemRows = zip(a.gems, block.gemLines).map { gem, line in
        TableModel.Row(cells: [
          .name(gem.name, shortened: DisplayText.shortPath(gem.name, limit: 70)),
          .number(line.cost, Double(gem.kib)),
          .number(
            BootWording.share(a.topKiB > 0 ? Double(gem.kib) / Double(a.topKiB) : nil),
            Double(gem.kib)),
          .number(line.requires, Double(gem.requires)),
          .number(line.freed, Double(gem.freedAtMostKiB)),
          TableModel.Cell(text: DisplayText.clean(line.shared.isEmpty ? "—" : line.shared)),
        ])
      }
      let gems = TableModel(
        id: "g\(block.analysis.tree.index)", caption: "Gems: the children of TOP", note: nil,
        columns: [
          .init(label: "gem"), .init(label: "cost", numeric: true),
          .init(label: "share", numeric: true),
          .init(label: "requires", numeric: true), .init(label: "freed if removed", numeric: true),
          .init(label: "shared with other gems"),
        ], rows: gemRows, more: nil)
      let requireRows = a.rows.prefix(maxRequireRows).map { row -> TableModel.Row in
        let parent = row.parent.map { a.rows[$0].name } ?? ""
        return TableModel.Row(cells: [
          .name(row.name, shortened: DisplayText.shortPath(row.name, limit: 70)),
          .number(BootWording.mib(row.inclusiveKiB), Double(row.inclusiveKiB)),
          .number(BootWording.own(row.ownKiB, bound: row.ownIsBound), Double(row.ownKiB)),
          .number(BootWording.share(row.share), row.share ?? 0),
          .number(String(row.depth), Double(row.depth)),
          .name(parent, shortened: DisplayText.shortPath(parent, limit: 50)),
          TableModel.Cell(
            text: DisplayText.clean(
              BootWording.alsoRequired(
                row.alsoRequiredBy, count: row.alsoRequiredByCount,
                mayBeMore: row.alsoRequiredByMayBeMore) ?? "")),
          .number(String(row.line), Double(row.line)),
        ])
      }
      let requires = TableModel(
        id: "r\(block.analysis.tree.index)", caption: "Every require, in printed order", note: nil,
        columns: [
          .init(label: "require"), .init(label: "inclusive", numeric: true),
          .init(label: "own", numeric: true),
          .init(label: "share", numeric: true), .init(label: "depth", numeric: true),
          .init(label: "required by"), .init(label: "also required by"),
          .init(label: "line", numeric: true),
        ], rows: requireRows,
        more: a.rows.count > maxRequireRows
          ? "The first \(Units.count(Int64(maxRequireRows))) of \(Units.count(Int64(a.rows.count))) requires, in printed order; \(OptionNames.current.jsonFormat) lists all."
          : nil)
      return TreeView(
        index: block.analysis.tree.index, several: several, label: DisplayText.clean(block.label),
        answer: DisplayText.clean(block.answer),
        sharing: BootReportDocument.sharingSentence(a).map(DisplayText.clean),
        source: DisplayText.clean(block.source), cutOff: DisplayText.clean(block.cutOff) + ".",
        icicle: icicle, gemsNote: BootReportDocument.gemsNote, gems: gemRows.isEmpty ? nil : gems,
        treeNote: BootReportDocument.treeNote, requires: requires)
    }
    let page = Page(
      chrome: PageChrome(
        title: BootReportDocument.title, inputs: [document.source], templates: templates),
      source: DisplayText.clean(document.source), runs: document.runsLine,
      warnings: document.warnings.isEmpty
        ? nil
        : "\(Units.counted(document.warnings.count, "warning")) while reading (first: line \(document.warnings[0].line): \(DisplayText.clean(document.warnings[0].message)))",
      trees: trees)
    out.write(try templates.render("boot-report", page))
  }
}

/// `diff --format html` on require trees: the answer, TOP as a card, a diverging chart of the top
/// movers, and every matched require in a sortable table.
enum BootDiffHTMLWriter {
  static let defaultTop = 500

  struct Card {
    var label: String
    var delta: String
    var deltaClass: String
    var before: String
    var after: String
    var percent: String
    var verdict: String
  }

  struct Page {
    var chrome: PageChrome
    var headline: String
    var gate: String?
    var gateFailed: Bool
    var gatePassed: Bool
    var before: [String]
    var after: [String]
    var notes: [String]
    var card: Card
    var chart: BootReportHTMLWriter.Figure?
    var counts: String
    var table: TableModel?
  }

  static func write(
    _ document: BootDiffDocument, top: Int?, templates: HTMLTemplates,
    into out: inout some TextOutputStream
  ) throws {
    let limit = top ?? defaultTop
    let rows = document.rows.prefix(limit).map {
      (line: BootDiffDocument.RowLine) -> TableModel.Row in
      // The badge names the status; the cell adds only what the badge does not say.
      var detail = Substring(line.status)
      if detail.hasPrefix(line.row.status.rawValue) {
        detail = detail.dropFirst(line.row.status.rawValue.count)
      }
      var status = TableModel.Cell(text: DisplayText.clean(String(detail.drop { $0 == " " })))
      status.badge = TableModel.Badge(
        text: line.row.status.rawValue.uppercased(), cls: badge(line.row))
      return TableModel.Row(cells: [
        .name(line.name, shortened: DisplayText.shortPath(line.name, limit: 70)),
        .name(line.under, shortened: DisplayText.shortPath(line.under, limit: 40)),
        .number(line.before, line.row.before.medianKiB),
        .number(line.after, line.row.after.medianKiB),
        .number(line.delta, line.row.deltaKiB),
        .number(
          line.percent,
          line.row.before.medianKiB > 0 ? line.row.deltaKiB / line.row.before.medianKiB : 0),
        .number(line.ownDelta, line.row.ownDeltaKiB),
        status,
        TableModel.Cell(text: line.verdict),
      ])
    }
    let table = TableModel(
      id: "boot-diff", caption: BootDiffDocument.tableHeading, note: nil,
      columns: [
        .init(label: "require"), .init(label: "required by"), .init(label: "before", numeric: true),
        .init(label: "after", numeric: true), .init(label: "Δ", numeric: true),
        .init(label: "Δ%", numeric: true), .init(label: "own Δ", numeric: true),
        .init(label: "status"), .init(label: "verdict"),
      ], rows: Array(rows),
      more: document.rows.count > limit
        ? BootDiffDocument.moreRows(document.rows.count - limit) : nil)
    let chart = try BootCharts.movers(document).map {
      BootReportHTMLWriter.Figure(
        svg: try $0.inline(), caption: "Top movers by size of change; faded bars are within noise.")
    }
    let card = document.top
    let page = Page(
      chrome: PageChrome(
        title: BootDiffDocument.title, inputs: document.before + document.after,
        templates: templates),
      headline: DisplayText.clean(document.headline), gate: document.gateMessage,
      gateFailed: document.gate.map { !$0.passed } ?? false,
      gatePassed: document.gate?.passed ?? false,
      before: document.before.map(DisplayText.clean), after: document.after.map(DisplayText.clean),
      notes: document.notes.map(DisplayText.clean),
      card: Card(
        label: card.label, delta: card.delta,
        deltaClass: card.direction > 0 ? "grow" : (card.direction < 0 ? "shrink" : ""),
        before: card.before, after: card.after, percent: card.percent, verdict: card.verdict),
      chart: chart, counts: "Requires: \(document.counts).", table: rows.isEmpty ? nil : table)
    out.write(try templates.render("boot-diff", page))
  }

  static func badge(_ row: BootDiff.Row) -> String {
    switch row.status {
    case .new: return "new"
    case .gone: return "gone"
    case .same: return "same"
    case .moved: return "bound"
    case .changed: return row.deltaKiB > 0 ? "changed-up" : "changed-down"
    }
  }
}
