import MemReportCore
/// `trend --format html`: the verdict first, the chart (the same SVG as `--format svg`), a table
/// of the series, then each series' evidence and explanation. Lays out a `TrendDocument`.
package struct HTMLTrendWriter: TrendWriter {
  package var templates: HTMLTemplates?

  package init(templates: HTMLTemplates?) { self.templates = templates }

  struct SeriesView {
    var label: String
    var headline: String
    var evidence: [Fact]
    var explanation: String
    var warnings: [String]
  }

  struct Comparisons {
    var items: [String]
  }

  struct Page {
    var chrome: PageChrome
    var inputs: [String]
    var verdict: String
    var limit: String?
    var chart: String
    var caption: String
    var comparisons: Comparisons?
    var table: TableModel
    var series: [SeriesView]
  }

  package func write(_ report: TrendReport, into out: inout some TextOutputStream) throws {
    let templates = try self.templates ?? HTMLTemplates.embedded()
    let document = TrendDocument(report)
    let chart = try TrendSVGWriter().svgElement(report, document: document)
    let clean = DisplayText.clean
    let page = Page(
      chrome: PageChrome(
        title: "memreport trend", inputs: document.series.map(\.source), templates: templates),
      inputs: document.series.map { clean($0.source) }, verdict: clean(document.headline),
      limit: document.limit, chart: chart, caption: document.chartCaption,
      comparisons: document.comparisons.isEmpty
        ? nil : Comparisons(items: document.comparisons.map { clean($0.line) }),
      table: Self.table(report, document),
      series: document.series.map { s in
        SeriesView(
          label: clean(s.label), headline: clean(s.headline.text),
          evidence: s.evidence.map { Fact(label: clean($0.label), value: clean($0.value)) },
          explanation: clean(s.explanation), warnings: s.warningSummary.map { [clean($0)] } ?? [])
      })
    out.write(try templates.render("trend", page))
  }

  /// The series table: the document's cells, sorted by the analysis' numbers.
  static func table(_ report: TrendReport, _ document: TrendDocument) -> TableModel {
    let none = "—"
    let rows = zip(report.entries, document.series).map { e, s -> TableModel.Row in
      let a = e.analysis
      let c = s.cells
      let missing = TableModel.Cell(text: none, numeric: true, sortValue: "0")
      return TableModel.Row(cells: [
        .name(s.source, shortened: s.label),
        TableModel.Cell(text: s.verdict.rawValue, badge: nil),
        .number(c.samples, Double(a.samples)),
        .number(c.warmup, Double(a.warmupSamples)),
        both(c.plateauNumber, a.plateauMiB).map { .number($0, $1) } ?? missing,
        both(c.growth, a.fit?.slope).map { .number($0, $1) } ?? missing,
        TableModel.Cell(text: c.growthInterval ?? none, numeric: true),
        both(c.pValue, a.fit?.test.pValue).map { .number($0, $1) }
          ?? TableModel.Cell(text: none, numeric: true, sortValue: "1"),
        .number(c.last, a.endMiB),
      ])
    }
    return TableModel(
      id: "series", caption: "series", note: document.tableNote,
      columns: [
        .init(label: "series"), .init(label: "verdict"), .init(label: "samples", numeric: true),
        .init(label: "warm-up", numeric: true), .init(label: "plateau MiB", numeric: true),
        .init(label: document.growthHeading, numeric: true),
        .init(label: "95% CI", numeric: true),
        .init(label: "p", numeric: true), .init(label: "last MiB", numeric: true),
      ],
      rows: Array(rows), more: nil)
  }
}

/// Both values, when both are there.
private func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
  guard let a, let b else { return nil }
  return (a, b)
}
