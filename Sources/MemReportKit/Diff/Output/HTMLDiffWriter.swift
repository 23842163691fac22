import MemReportCore
/// `diff --format html`: the verdict first, the totals as cards, a diverging chart of the top
/// movers, and a sortable table per section with status badges.
package struct HTMLDiffWriter: DiffWriter {
  package static let defaultTop = 100
  package var templates: HTMLTemplates?

  package init(templates: HTMLTemplates?) { self.templates = templates }

  struct Card {
    var label: String
    var delta: String
    var deltaClass: String
    var before: String
    var after: String
    var percent: String
  }

  struct ChartView {
    var heading: String
    var svg: String
    var caption: String
  }

  struct Move {
    var from: String
    var to: String
    var bytes: String
  }

  struct Moves {
    var items: [Move]
  }

  struct SectionView {
    var title: String
    var summary: String
    var table: TableModel?
  }

  struct Page {
    var chrome: PageChrome
    var verdict: String
    var gate: Bool
    var gateFailed: Bool
    var gatePassed: Bool
    var gateClass: String
    var gateLabel: String
    var gateMessage: String
    var before: [String]
    var after: [String]
    var notes: [String]
    var warnings: [String]
    var cards: [Card]
    var chart: [ChartView]
    var moves: Moves?
    var sections: [SectionView]
  }

  /// The charts of a diff.
  package static func charts(_ diff: ProfileDiff) -> [SVGChart] {
    diff.leads.enumerated().compactMap { i, section in
      DivergingBarChart.make(section, name: i == 0 ? "top-movers" : "top-movers-retained")
    }
  }

  package func write(_ document: DiffDocument, into out: inout some TextOutputStream) throws {
    let templates = try templates ?? HTMLTemplates.embedded()
    let context = document.context
    let top = context.top ?? Self.defaultTop
    let leads = document.leads.filter { DivergingBarChart.make($0) != nil }
    let charts = zip(leads, Self.charts(document.diff))
    let gate = document.gate
    let page = Page(
      chrome: PageChrome(
        title: DiffDocument.title, inputs: context.before + context.after, templates: templates),
      verdict: document.headline,
      gate: gate != nil, gateFailed: gate.map { !$0.passed } ?? false,
      gatePassed: gate?.passed ?? false,
      gateClass: gate.map { $0.passed ? "note" : "note warn" } ?? "",
      gateLabel: gate.map { $0.label + ":" } ?? "",
      gateMessage: gate?.message ?? "", before: context.before.map(DisplayText.clean),
      after: context.after.map(DisplayText.clean),
      notes: document.notes.map(DisplayText.clean),
      warnings: document.warnings.map(DisplayText.clean), cards: document.totals.map(Self.card),
      chart: try charts.map { section, chart in
        ChartView(
          heading: DiffDocument.chartHeading(section), svg: try chart.inline(),
          caption: DiffDocument.chartCaption(section))
      },
      moves: document.moves.isEmpty
        ? nil
        : Moves(
          items: document.moves.map {
            Move(from: DisplayText.clean($0.from), to: DisplayText.clean($0.to), bytes: $0.size)
          }),
      sections: document.sections.enumerated().map { Self.section($1, index: $0, top: top) })
    out.write(try templates.render("diff", page))
  }

  static func card(_ total: DiffDocument.TotalLine) -> Card {
    Card(
      label: total.label, delta: total.delta ?? DiffDocument.unknown,
      deltaClass: total.direction > 0 ? "grow" : (total.direction < 0 ? "shrink" : ""),
      before: total.before, after: total.after, percent: total.percent ?? DiffDocument.noPercent)
  }

  static func section(_ block: DiffDocument.SectionBlock, index: Int, top: Int) -> SectionView {
    let section = block.section
    let movers = section.topMovers(top)
    let rows = movers.map { row -> TableModel.Row in
      var status = TableModel.Cell(text: "")
      status.badge = badge(row)
      status.sortValue = TableModel.sortKey(
        Double(DiffStatus.allCases.firstIndex(of: row.status) ?? 0))
      return TableModel.Row(cells: [
        .name(
          row.name,
          shortened: DisplayText.shortPath(DisplayText.shortString(row.name, limit: 120), limit: 90)
        ),
        .number(DiffFormat.side(row.before, section.metric), sortable(row.before.median)),
        .number(DiffFormat.side(row.after, section.metric), sortable(row.after.median)),
        .number(DiffFormat.delta(row, section.metric), sortable(row.certainDelta)),
        .number(DiffFormat.percent(row), sortable(row.deltaPercent ?? 0)),
        status,
      ])
    }
    let table = TableModel(
      id: "d\(index)", caption: section.title, note: nil,
      columns: [
        .init(label: DiffFormat.keyNoun(section.kind)), .init(label: "before", numeric: true),
        .init(label: "after", numeric: true),
        .init(label: "Δ", numeric: true), .init(label: "Δ%", numeric: true), .init(label: "status"),
      ],
      rows: rows,
      more: section.moverCount > top ? DiffDocument.moreRowsHint(section.moverCount - top) : nil)
    return SectionView(
      title: section.title, summary: block.summary, table: rows.isEmpty ? nil : table)
  }

  /// A sort key the page can hold: hostile values near Int64.max (and their sums) are clamped to
  /// ±9e15, beyond which a decimal sort key cannot be written exactly anyway.
  static func sortable(_ value: Double) -> Double {
    guard value.isFinite else { return 0 }
    return min(max(value, -9e15), 9e15)
  }

  /// A row's status badge: `DiffFormat`'s words, with the page's style class.
  static func badge(_ row: DiffRow) -> TableModel.Badge {
    let cls: String
    switch row.status {
    case .new: cls = "new"
    case .gone: cls = "gone"
    case .same: cls = "same"
    case .outsideTopN: cls = "bound"
    case .changed: cls = row.delta > 0 ? "changed-up" : "changed-down"
    }
    return .init(text: DiffFormat.pageBadge(row), cls: cls)
  }
}
