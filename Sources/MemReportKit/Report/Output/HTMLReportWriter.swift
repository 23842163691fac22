import MemReportCore
/// `report --format html`: one self-contained page (inline CSS, SVG and script; a CSP that
/// forbids network loads) that answers first and lets the reader dig.
///
/// Each report's view model (top rows only) is built as the report is parsed; the page is rendered
/// at the end.
package struct HTMLReportWriter: ReportWriter {
  /// Rows per section table when `--top` is not given.
  package static let defaultTop = 100
  /// Bars per chart.
  package static let chartBars = 12
  /// Reports drawn on one page: a log of thousands of runs would otherwise be held in memory
  /// until the page is written (a 2 GB input was killed at 8 GB). The rest are counted and named.
  package static let pageReports = 20

  package var options: ReportOptions
  private var source = ""
  private var reports: [ReportView] = []
  /// Reports read past `pageReports`, and the last one's number.
  private var notShown = 0
  private var lastIndex = 0
  package private(set) var charts: [SVGChart] = []

  package init(options: ReportOptions) { self.options = options }

  package mutating func begin(source: String, into out: inout some TextOutputStream) {
    self.source = source
  }

  package mutating func write(_ profile: Profile, into out: inout some TextOutputStream) throws {
    lastIndex = profile.metadata.index
    guard reports.count < Self.pageReports else {
      notShown += 1
      return
    }
    let view = try Self.view(of: profile, source: source, options: options)
    charts += view.allCharts
    reports.append(view)
  }

  /// One report's view model with its charts named (`report2-top-files` from the second report on)
  /// and drawn.
  static func view(of profile: Profile, source: String, options: ReportOptions) throws
    -> ReportView
  {
    let document = ReportDocument(profile, source: source, aggregateBy: options.aggregateBy)
    var view = ReportView.make(document, top: options.top ?? Self.defaultTop)
    let prefix = profile.metadata.index > 1 ? "report\(profile.metadata.index)-" : ""
    for i in view.charts.indices { view.charts[i].chart.name = prefix + view.charts[i].chart.name }
    if var icicle = view.icicleChart {
      icicle.name = prefix + icicle.name
      view.icicleChart = icicle
    }
    if let name = view.retained?.chart?.chart.name {
      view.retained?.chart?.chart.name = prefix + name
    }
    try view.drawCharts()
    return view
  }

  /// The charts the page would show for `profile`, for `--svg DIR` with any output format.
  package static func charts(of profile: Profile, source: String, options: ReportOptions) throws
    -> [SVGChart]
  {
    try view(of: profile, source: source, options: options).allCharts
  }

  /// - Throws: `MemReportError` when the templates cannot render the page; nothing is written then.
  package mutating func end(reports count: Int, into out: inout some TextOutputStream) throws {
    let several = reports.count > 1
    for i in reports.indices { reports[i].several = several }
    let templates = try options.templates ?? HTMLTemplates.embedded()
    let page = ReportPage(
      chrome: PageChrome(
        title: ReportDocument.pageTitle(source), inputs: [source], templates: templates),
      source: DisplayText.clean(source),
      metaLines: ReportDocument.inputFacts(
        reports: reports.count + notShown, shown: reports.count, source: source,
        last: lastIndex),
      reports: reports)
    out.write(try templates.render("report", page))
  }

  struct ReportPage {
    var chrome: PageChrome
    var source: String
    var metaLines: [Fact]
    var reports: [ReportView]
  }
}
