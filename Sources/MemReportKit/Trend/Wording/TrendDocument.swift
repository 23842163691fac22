import MemReportCore
/// Everything `trend` says in words, built once from a `TrendReport`: the headline, per series its
/// verdict line, evidence facts, explanation, limit projection, table cells and warnings, and the
/// comparisons of the later series with the first. The text, Markdown and HTML writers only lay it
/// out (the JSON writer takes its sentences); no writer words a number itself.
struct TrendDocument {
  /// One series in words.
  struct Series {
    var source: String
    var verdict: TrendVerdict
    /// What tells this series apart from the others (`before`, `after`), or its file name.
    var label: String
    /// The name in a table row or list item: the label, or for a lone series its path, shortened
    /// to 60 characters.
    var name: String
    /// `verdict: what backs it`, with the growth per request when TEST_COUNT is known.
    var headline: TrendHeadline
    /// The same without the growth per request, for the chart's subtitle.
    var shortHeadline: TrendHeadline
    /// run, read, memory, drops, warm-up, plateau, growth, over the tail, trend test, limit.
    var evidence: [Fact]
    /// The limit projection as a sentence of its own (`Limit 512 MiB: reached after 84 samples.`).
    var projection: String?
    /// What memory did and why that makes the verdict (and, when inconclusive, what to run).
    var explanation: String
    var cells: Cells
    /// The chart's label for a lone series' fitted line, and the line's tooltip.
    var trendLabel: String?
    var fitTitle: String?
    /// `2 warnings about this series (on standard error; all in --format json)`.
    var warningNote: String?
    /// `2 warning(s) while reading: line 3: …; line 9: …` (the first three).
    var warningSummary: String?
  }

  /// A series' numbers as table cells; `nil` where the series has none.
  struct Cells {
    var samples: String
    var warmup: String
    /// `223.7 MiB` and `223.7`.
    var plateau: String?
    var plateauNumber: String?
    /// Tail growth in the document's rate unit: `67.8`, its 95% CI `67.5–68.0`, and both with the
    /// unit, `67.8 MiB/min (67.5–68.0)`.
    var growth: String?
    var growthInterval: String?
    var growthWithInterval: String?
    /// Tail growth per 1,000 requests, `23.3 MiB`.
    var growthPerRequest: String?
    /// The trend test's p-value, `p < 0.001`, and as the cell under a `p` heading, `< 0.001`.
    var pValue: String?
    var pValueCell: String?
    /// The last sample, `1,204.5`.
    var last: String
  }

  /// A later series against the first.
  struct Comparison {
    var before: String
    var after: String
    /// The label of `after`, shortened to 60 characters.
    var afterName: String
    /// `leak → bloat`.
    var verdicts: String
    /// `the leak is gone: …`.
    var summary: String
    /// The numbers behind it: tail growth, per request, plateau, last sample.
    var details: [String]

    /// The baseline's label.
    var beforeName: String
    /// `after: leak → bloat: the leak is gone: …`.
    var line: String { "\(afterName): \(verdicts): \(summary)" }
  }

  /// The answer first: the first comparison's summary, else the first series' verdict line.
  var headline: String
  var series: [Series]
  var comparisons: [Comparison]
  /// The unit of growth rates in the table (shared by every series, so the column compares).
  var rate: TrendRate
  /// `compared with the baseline before`, over the comparisons.
  var comparisonTitle: String?
  /// `--limit`, `512 MiB`.
  var limit: String?
  /// Some series knows its TEST_COUNT, so growth per request has a column.
  var perRequest: Bool
  /// What the chart shows.
  var chartCaption: String
  /// What the series table's growth columns mean.
  var tableNote: String {
    "Growth is the Theil–Sen slope of the tail in \(rate.suffix), with its 95% confidence interval and the Mann–Kendall p-value."
  }
  /// The growth column's heading: `growth (MiB/h)`.
  var growthHeading: String { "growth (\(rate.suffix))" }

  /// - Complexity: O(series × (drops + warnings)); the analysis is already done.
  init(_ report: TrendReport) {
    let labels = report.entries.map { TrendSourceNames.shortName($0.label, limit: 60) }
    let names = report.entries.count > 1 ? labels : report.entries.map(\.series.source)
    rate = TrendRate.unit(
      for: report.entries.map { ($0.series.knownInterval, $0.analysis.fit?.slope) })
    let rate = rate
    series = zip(zip(report.entries, labels), names).map {
      Self.series($0.0, label: $0.1, name: $1, rate: rate)
    }
    let baseLabel = report.baseline.map { labels[$0] }
    comparisons = zip(report.comparisons, report.entries.indices.filter { $0 != report.baseline })
      .map { c, i in
        Comparison(
          before: c.before, after: c.after, afterName: labels[i],
          verdicts: TrendComparisonWording.verdicts(c),
          summary: TrendComparisonWording.summary(c), details: TrendComparisonWording.details(c),
          beforeName: baseLabel ?? "")
      }
    if let first = comparisons.first {
      headline = first.summary
    } else if series.count > 1 {
      headline = series.map { "\($0.label): \($0.verdict.rawValue)" }.joined(separator: "; ")
    } else {
      headline = series.first?.headline.text ?? "no series"
    }
    comparisonTitle = baseLabel.map { "compared with the baseline \($0)" }
    limit = report.limitMiB.map { Units.mib($0) }
    perRequest = report.entries.contains { $0.series.requestsPerSample != nil }
    let byRequests = report.entries.allSatisfy { $0.series.requestsPerSample != nil }
    chartCaption =
      "Memory (MiB) against \(byRequests ? "requests" : "samples"); the warm-up is shaded and each series' fitted tail trend is dashed."
  }

  private static func series(
    _ e: TrendReport.Entry, label: String, name: String, rate: TrendRate
  ) -> Series {
    let a = e.analysis
    let warnings = e.series.warnings
    return Series(
      source: e.series.source, verdict: a.verdict, label: label,
      name: TrendSourceNames.shortName(name),
      headline: TrendHeadline(e), shortHeadline: TrendHeadline(e, perRequest: false),
      evidence: TrendEvidence.facts(e),
      projection: a.projection.map { TrendEvidence.projectionSentence($0, verdict: a.verdict) },
      explanation: TrendExplanation.explain(a, series: e.series), cells: cells(e, rate: rate),
      trendLabel: trendLabel(e),
      fitTitle: a.fit.map { fit in
        let unit = TrendRate.unit(for: e.series, slope: fit.slope)
        return "fitted tail trend: \(unit.signed(fit.slope, e.series))"
      },
      warningNote: warnings.isEmpty
        ? nil
        : "\(Units.counted(warnings.count, "warning")) about this series (on standard error; all in \(OptionNames.current.jsonFormat))",
      warningSummary: warnings.isEmpty
        ? nil
        : "\(Units.counted(warnings.count, "warning")) while reading: "
          + warnings.prefix(3).map { "line \($0.line): \($0.message)" }.joined(separator: "; "))
  }

  /// The chart's label at the end of a lone series' fitted line: `plateau 224.2 MiB`,
  /// `trend +67.8 MiB/min`.
  private static func trendLabel(_ e: TrendReport.Entry) -> String? {
    let a = e.analysis
    guard let fit = a.fit else { return nil }
    switch a.verdict {
    case .bloat, .stable:
      let end = Double(max(0, a.tailRange.upperBound - 1))
      return "plateau \(Units.mib(a.plateauMiB ?? fit.value(atSample: end)))"
    default:
      let unit = TrendRate.unit(for: e.series, slope: fit.slope)
      return "trend \(unit.signed(fit.slope, e.series))"
    }
  }

  private static func cells(_ e: TrendReport.Entry, rate: TrendRate) -> Cells {
    let f = Units.self
    let a = e.analysis
    let fit = a.fit
    let growth = fit.map { rate.number($0.slope, e.series) }
    let interval = fit.map { rate.interval($0.low, $0.high, e.series) }
    var perRequest: String?
    if let fit, let rps = e.series.requestsPerSample {
      perRequest = "\(f.significant(fit.slope / rps * 1000)) MiB"
    }
    return Cells(
      samples: f.count(Int64(a.samples)), warmup: f.count(Int64(a.warmupSamples)),
      plateau: a.plateauMiB.map { f.mib($0) }, plateauNumber: a.plateauMiB.map { f.mibNumber($0) },
      growth: growth, growthInterval: interval,
      growthWithInterval: growth.flatMap { g in interval.map { "\(g) \(rate.suffix) (\($0))" } },
      growthPerRequest: perRequest, pValue: fit.map { f.pValue($0.test.pValue) },
      pValueCell: fit.map { f.pValueRelation($0.test.pValue) }, last: f.mibNumber(a.endMiB))
  }
}
