import MemReportCore
/// `trend --format html`: the verdict first, the chart (the same SVG as `--format svg`), a table
/// of the series, then each series' evidence and explanation.
public struct HTMLTrendWriter: TrendWriter {
  public var templates: HTMLTemplates?

  public init(templates: HTMLTemplates?) { self.templates = templates }

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

  public func write(_ report: TrendReport, into out: inout some TextOutputStream) throws {
    let templates = try self.templates ?? HTMLTemplates.embedded()
    var chart = try TrendSVGWriter().svg(report)
    if chart.hasPrefix("<?xml"), let end = chart.firstIndex(of: "\n") { chart = String(chart[chart.index(after: end)...]) }
    let labels = TrendReport.labels(report.entries.map(\.series.source))
    let verdict: String
    if let comparison = report.comparisons.first {
      verdict = comparison.summary
    } else {
      verdict = report.entries.first.map { TrendReport.headline($0) } ?? "no series"
    }
    let page = Page(
      chrome: PageChrome(title: "memreport trend", inputs: report.entries.map(\.series.source), templates: templates),
      inputs: report.entries.map { DisplayText.clean($0.series.source) }, verdict: DisplayText.clean(verdict),
      limit: report.limitMiB.map { Units.mib($0) }, chart: chart,
      caption: "Memory (MiB) against "
        + (report.entries.allSatisfy { $0.series.requestsPerSample != nil } ? "requests" : "samples")
        + "; the warm-up is shaded and each series' fitted tail trend is dashed.",
      comparisons: report.comparisons.isEmpty ? nil : Comparisons(items: report.comparisons.map {
        DisplayText.clean("\($0.after): \($0.beforeVerdict.rawValue) → \($0.afterVerdict.rawValue): \($0.summary)")
      }),
      table: Self.table(report, labels: labels),
      series: zip(report.entries, labels).map { entry, label in
        let lines = TrendTextWriter.evidence(entry)
        let facts = lines.dropLast().map { line -> Fact in
          guard let colon = line.firstRange(of: ": ") else { return Fact(label: "", value: DisplayText.clean(line)) }
          return Fact(label: String(line[..<colon.lowerBound]), value: DisplayText.clean(String(line[colon.upperBound...])))
        }
        let warnings = entry.series.warnings.isEmpty ? [] : [
          "\(entry.series.warnings.count) warning(s) while reading: "
            + entry.series.warnings.prefix(3).map { "line \($0.line): \(DisplayText.clean($0.message))" }.joined(separator: "; "),
        ]
        return SeriesView(
          label: DisplayText.clean(label), headline: DisplayText.clean(TrendReport.headline(entry)), evidence: Array(facts),
          explanation: DisplayText.clean(lines.last ?? ""), warnings: warnings)
      })
    out.write(try templates.render("trend", page))
  }

  static func table(_ report: TrendReport, labels: [String]) -> TableModel {
    let f = Units.self
    let rows = zip(report.entries, labels).map { e, label -> TableModel.Row in
      let a = e.analysis
      return TableModel.Row(cells: [
        .name(e.series.source, shortened: label),
        TableModel.Cell(text: a.verdict.rawValue, badge: nil),
        .number(Units.count(Int64(a.samples)), Double(a.samples)),
        .number(Units.count(Int64(a.warmupSamples)), Double(a.warmupSamples)),
        a.plateauMiB.map { .number(f.mibNumber($0), $0) } ?? TableModel.Cell(text: "—", numeric: true, sortValue: "0"),
        a.fit.map { .number(f.significant($0.slope * 1000), $0.slope) } ?? TableModel.Cell(text: "—", numeric: true, sortValue: "0"),
        TableModel.Cell(text: a.fit.map { f.interval(f.significant($0.low * 1000), f.significant($0.high * 1000)) } ?? "—", numeric: true),
        a.fit.map { .number(f.pValue($0.test.pValue), $0.test.pValue) } ?? TableModel.Cell(text: "—", numeric: true, sortValue: "1"),
        .number(f.mibNumber(a.endMiB), a.endMiB),
      ])
    }
    return TableModel(
      id: "series", caption: "series", note: "Growth is the Theil–Sen slope of the tail in MiB per 1,000 samples, with its 95% confidence interval and the Mann–Kendall p-value.",
      columns: [.init(label: "series"), .init(label: "verdict"), .init(label: "samples", numeric: true), .init(label: "warm-up", numeric: true),
                .init(label: "plateau MiB", numeric: true), .init(label: "growth", numeric: true), .init(label: "95% CI", numeric: true),
                .init(label: "p", numeric: true), .init(label: "last MiB", numeric: true)],
      rows: Array(rows), more: nil)
  }
}
