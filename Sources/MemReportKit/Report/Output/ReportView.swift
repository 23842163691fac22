import MemReportCore
/// The view model of one report on the HTML page: the report's `ReportDocument` laid out as cards,
/// charts and tables, every field pre-formatted, so the template only lays it out.
struct ReportView {
  typealias Meta = Fact

  typealias Card = ReportDocument.Card

  struct OriginPart {
    var key: String
    var name: String
    var value: String
    var share: String
    var percent: String
    var title: String
  }

  struct Origin {
    var note: String
    var label: String
    var parts: [OriginPart]
  }

  struct Chart {
    var chart: SVGChart
    /// The chart's markup, written through libxml2 (templates insert it raw); see `drawCharts`.
    var svg = ""
    var caption: String

    init(chart: SVGChart, caption: String) {
      self.chart = chart
      self.caption = caption
    }
  }

  struct SectionView {
    var anchor: String
    var title: String
    var coverage: String
    var table: TableModel?
  }

  struct AggregateView {
    var anchor: String
    var title: String
    var table: TableModel
  }

  /// One line of the report's table of contents.
  struct TOCEntry {
    var anchor: String
    var title: String
    var children: [TOCEntry] = [] { didSet { hasChildren = !children.isEmpty } }
    /// Stored: the templates see stored properties only.
    var hasChildren = false

    init(anchor: String, title: String, children: [TOCEntry] = []) {
      self.anchor = anchor
      self.title = title
      self.children = children
      hasChildren = !children.isEmpty
    }
  }

  /// What stays in memory: the leak lens in words and the retained-locations chart.
  struct Retained {
    var note: String
    var chart: Chart?
  }

  var index: Int
  var several = false
  var lines: String
  var answer: String
  var details: [Meta]
  var warnings: [String]
  var cards: [Card]
  var origin: Origin?
  var charts: [Chart] { didSet { hasCharts = !charts.isEmpty } }
  var hasCharts = false
  var icicleChart: SVGChart? {
    didSet {
      icicle = icicleChart.map {
        Chart(chart: $0, caption: ReportDocument.icicleCaption)
      }
    }
  }
  var icicle: Chart?
  var aggregates: [AggregateView]
  var sections: [SectionView]
  var noData: [String]
  var strings: [TableModel]
  var retained: Retained?
  var toc: [TOCEntry] = []

  /// Every chart of the report, in page order, for `--svg DIR`.
  var allCharts: [SVGChart] {
    charts.map(\.chart) + (retained?.chart.map { [$0.chart] } ?? [])
      + (icicleChart.map { [$0] } ?? [])
  }

  /// Writes each chart's markup (after the writer has named the charts).
  /// - Throws: `MemReportError.cannotWrite` when libxml2 fails.
  mutating func drawCharts() throws {
    for i in charts.indices { charts[i].svg = try charts[i].chart.inline() }
    if let chart = icicle?.chart { icicle?.svg = try chart.inline() }
    if let chart = retained?.chart?.chart { retained?.chart?.svg = try chart.inline() }
  }

  /// The view of one report's document, with `top` rows per table.
  static func make(_ document: ReportDocument, top: Int) -> ReportView {
    let profile = document.profile
    let index = profile.metadata.index
    var view = ReportView(
      index: index, lines: document.lines, answer: DisplayText.clean(document.headline),
      details: document.facts.map { Meta(label: $0.label, value: DisplayText.clean($0.value)) },
      warnings: document.warningSummary.map { [DisplayText.clean($0)] } ?? [],
      cards: document.cards,
      origin: document.origin.map(origin), charts: [], icicleChart: nil,
      aggregates: document.aggregates.map { aggregateView($0, top: top, index: index) },
      sections: document.sections.map { sectionView($0, profile: profile, top: top) },
      noData: document.withoutRows,
      strings: document.strings.map { stringsTable($0, profile: profile, top: top) })
    view.icicleChart = IcicleChart.make(profile)
    view.charts = document.charts.map { block in
      let approx = block.section.approximate ? "≈" : ""
      let bars = block.section.rows.prefix(HTMLReportWriter.chartBars).map {
        BarChart.Bar(
          label: profile.name(of: $0), value: Double($0.value),
          valueText: approx + Units.bytes($0.value))
      }
      let chart = BarChart.make(
        name: block.name, title: block.title, bars: Array(bars),
        total: profile.totals.allocated.bytes.map(Double.init))
      return Chart(chart: chart, caption: block.caption(bars: bars.count))
    }
    view.retained = retained(document)
    view.toc = toc(view, document: document)
    return view
  }

  /// The retained-memory chart (top retained locations) and the leak lens above it; `nil` when the
  /// report retains nothing it can show.
  static func retained(_ document: ReportDocument) -> Retained? {
    let profile = document.profile
    let note = DisplayText.clean(ReportDocument.retained(profile.totals))
    guard let block = document.retainedChart else {
      return (profile.totals.retained.bytes ?? 0) > 0 ? Retained(note: note, chart: nil) : nil
    }
    let approx = block.section.approximate ? "≈" : ""
    let bars = block.section.rows.prefix(HTMLReportWriter.chartBars).map {
      BarChart.Bar(
        label: profile.name(of: $0), value: Double($0.value),
        valueText: approx + Units.bytes($0.value))
    }
    let chart = BarChart.make(
      name: block.name, title: block.title, bars: Array(bars),
      total: profile.totals.retained.bytes.map(Double.init))
    let lens = document.leak.map { "; " + DisplayText.clean($0) } ?? ""
    return Retained(
      note: note + lens + ".", chart: Chart(chart: chart, caption: block.caption(bars: bars.count)))
  }

  /// The report's table of contents: its headings in page order, sections nested.
  static func toc(_ view: ReportView, document: ReportDocument) -> [TOCEntry] {
    let r = "r\(view.index)-"
    var entries: [TOCEntry] = []
    if view.origin != nil {
      entries.append(TOCEntry(anchor: r + "origin", title: ReportDocument.originHeading))
    }
    if view.hasCharts {
      entries.append(TOCEntry(anchor: r + "charts", title: ReportDocument.chartsHeading))
    }
    if view.retained != nil {
      entries.append(TOCEntry(anchor: r + "retained", title: ReportDocument.retainedHeading))
    }
    if view.icicle != nil {
      entries.append(TOCEntry(anchor: r + "icicle", title: ReportDocument.icicleHeading))
    }
    entries += view.aggregates.map { TOCEntry(anchor: $0.anchor, title: $0.title) }
    if !view.sections.isEmpty {
      entries.append(
        TOCEntry(
          anchor: r + "sections", title: ReportDocument.sectionsHeading,
          children: view.sections.map { TOCEntry(anchor: $0.anchor, title: $0.title) }))
    }
    entries += view.strings.map { TOCEntry(anchor: $0.id + "-heading", title: $0.caption) }
    return entries
  }

  static func origin(_ origin: ReportDocument.Origin) -> Origin {
    let keys: [String: String] = [
      "app": "app", "gems": "gems", "Ruby stdlib": "stdlib", "other": "other",
    ]
    let covered = Double(origin.aggregate.coveredBytes)
    let parts = zip(origin.aggregate.rows, origin.parts).map { row, part in
      OriginPart(
        key: keys[row.name] ?? "other", name: part.name, value: part.value, share: part.share,
        percent: Units.fixed(Double(row.bytes) / covered * 100, digits: 2), title: part.title)
    }
    return Origin(note: origin.note, label: origin.label, parts: parts)
  }

  static func sectionView(_ block: ReportDocument.SectionBlock, profile: Profile, top: Int)
    -> SectionView
  {
    let section = block.section
    let title = section.title
    let approx = section.approximate ? "≈" : ""
    let total = block.coverage.total
    let rows = section.rows.prefix(top).enumerated().map { i, row -> TableModel.Row in
      let name = profile.name(of: row)
      return TableModel.Row(cells: [
        .number(Units.count(Int64(i + 1)), Double(i + 1)),
        .name(
          name, shortened: title.grouping.hasPaths ? DisplayText.shortPath(name, limit: 90) : name),
        .number(approx + Units.value(row.value, title.metric), Double(row.value)),
        .number(Units.percentage(row.value, of: total), Double(row.value)),
      ])
    }
    let id = "r\(profile.metadata.index)-" + title.text.replacingOccurrences(of: " ", with: "-")
    let table = TableModel(
      id: id, caption: title.text, note: nil,
      columns: [
        .init(label: "#", numeric: true), .init(label: title.grouping.rawValue),
        .init(label: title.metric == .memory ? "bytes" : "objects", numeric: true),
        .init(label: "share", numeric: true),
      ],
      rows: rows,
      more: section.rows.count > top ? ReportDocument.moreRowsHint(section.rows.count - top) : nil)
    let coverage = block.sentence + (block.notFiltered.map { " — " + $0 } ?? "")
    return SectionView(
      anchor: id, title: title.text, coverage: coverage, table: rows.isEmpty ? nil : table)
  }

  static func aggregateView(_ block: ReportDocument.AggregateBlock, top: Int, index: Int)
    -> AggregateView
  {
    let aggregate = block.aggregate
    let rows = aggregate.rows.prefix(top).enumerated().map { i, row in
      var cells: [TableModel.Cell] = [
        .name(row.name, shortened: DisplayText.shortPath(row.name, limit: 90)),
        .number(block.bound(row, .memory) + Units.bytes(row.bytes), Double(row.bytes)),
        .number(Units.percentage(row.bytes, of: aggregate.totalBytes), Double(row.bytes)),
        .number(block.bound(row, .objects) + Units.count(row.objects), Double(row.objects)),
      ]
      if i < block.rowNotes.count { cells.append(TableModel.Cell(text: block.rowNotes[i])) }
      return TableModel.Row(cells: cells)
    }
    var columns: [TableModel.Column] = [
      .init(label: aggregate.key.rawValue), .init(label: "bytes", numeric: true),
      .init(label: "share", numeric: true), .init(label: "objects", numeric: true),
    ]
    if !block.rowNotes.isEmpty { columns.append(.init(label: "read from")) }
    let table = TableModel(
      id: "r\(index)-\(aggregate.state.rawValue)-by-\(aggregate.key.rawValue)",
      caption: block.title, note: block.tableNote,
      columns: columns,
      rows: Array(rows),
      more: aggregate.rows.count > top
        ? ReportDocument.moreGroups(aggregate.rows.count - top) + "." : nil)
    return AggregateView(anchor: table.id + "-heading", title: block.heading, table: table)
  }

  static func stringsTable(_ block: ReportDocument.StringsBlock, profile: Profile, top: Int)
    -> TableModel
  {
    let report = block.report
    let rows = report.groups.prefix(top).map { group -> TableModel.Row in
      let locations = group.locations.prefix(3).map {
        "\(profile.name(of: $0)) ×\(Units.count($0.count))"
      }
      let rest =
        group.locations.count > 3 ? " + \(Units.count(Int64(group.locations.count - 3))) more" : ""
      var cell = TableModel.Cell.name(
        group.string, shortened: DisplayText.shortString(group.string))
      cell.title = DisplayText.clean(group.string)
      var cells: [TableModel.Cell] = [.number(Units.count(group.count), Double(group.count))]
      if let reclaimable = group.reclaimable {
        cells.append(.number(Units.bytes(reclaimable), Double(reclaimable)))
      }
      return TableModel.Row(
        cells: cells + [
          cell,
          .name(
            locations.joined(separator: ", ") + rest,
            shortened: locations.joined(separator: ", ") + rest),
        ])
    }
    let n = report.groups.count
    return TableModel(
      id: "r\(profile.metadata.index)-\(report.state.rawValue)-strings", caption: report.title,
      note: block.sentence + ". " + ReportDocument.stringsShownAsPrinted,
      columns: [.init(label: "objects", numeric: true)]
        + (report.groups.first?.reclaimable != nil
          ? [.init(label: "reclaimable", numeric: true)] : [])
        + [.init(label: "string"), .init(label: "where")],
      rows: Array(rows), more: n > top ? ReportDocument.moreStrings(n - top) + "." : nil)
  }
}
