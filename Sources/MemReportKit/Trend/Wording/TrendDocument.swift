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
    /// Tail growth per 1,000 samples: `5,651`, its 95% CI `5,629–5,668`, and both with the unit,
    /// `5,651 MiB (5,629–5,668)`.
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
    /// `after`, shortened to 60 characters.
    var afterName: String
    /// `leak → bloat`.
    var verdicts: String
    /// `the leak is gone: …`.
    var summary: String
    /// The numbers behind it: tail growth, per request, plateau, last sample.
    var details: [String]

    /// `after.txt: leak → bloat: the leak is gone: …`.
    var line: String { "\(after): \(verdicts): \(summary)" }
  }

  /// The answer first: the first comparison's summary, else the first series' verdict line.
  var headline: String
  var series: [Series]
  var comparisons: [Comparison]
  /// `comparison with before.txt`, over the comparisons.
  var comparisonTitle: String?
  /// `--limit`, `512 MiB`.
  var limit: String?
  /// Some series knows its TEST_COUNT, so growth per request has a column.
  var perRequest: Bool
  /// What the chart shows.
  var chartCaption: String
  /// What the series table's growth columns mean.
  var tableNote =
    "Growth is the Theil–Sen slope of the tail in MiB per 1,000 samples, with its 95% confidence interval and the Mann–Kendall p-value."

  /// - Complexity: O(series × (drops + warnings)); the analysis is already done.
  init(_ report: TrendReport) {
    let labels = TrendSourceNames.labels(report.entries.map(\.series.source))
    let names = report.entries.count > 1 ? labels : report.entries.map(\.series.source)
    series = zip(zip(report.entries, labels), names).map {
      Self.series($0.0, label: $0.1, name: $1)
    }
    comparisons = report.comparisons.map { c in
      Comparison(
        before: c.before, after: c.after, afterName: TrendSourceNames.shortName(c.after),
        verdicts: TrendComparisonWording.verdicts(c),
        summary: TrendComparisonWording.summary(c), details: TrendComparisonWording.details(c))
    }
    headline = comparisons.first?.summary ?? series.first?.headline.text ?? "no series"
    comparisonTitle =
      comparisons.isEmpty ? nil : report.entries.first.map { "comparison with \($0.series.source)" }
    limit = report.limitMiB.map { Units.mib($0) }
    perRequest = report.entries.contains { $0.series.requestsPerSample != nil }
    let byRequests = report.entries.allSatisfy { $0.series.requestsPerSample != nil }
    chartCaption =
      "Memory (MiB) against \(byRequests ? "requests" : "samples"); the warm-up is shaded and each series' fitted tail trend is dashed."
  }

  private static func series(_ e: TrendReport.Entry, label: String, name: String) -> Series {
    let a = e.analysis
    let warnings = e.series.warnings
    return Series(
      source: e.series.source, verdict: a.verdict, label: label,
      name: TrendSourceNames.shortName(name),
      headline: TrendHeadline(e), shortHeadline: TrendHeadline(e, perRequest: false),
      evidence: TrendEvidence.facts(e),
      projection: a.projection.map { TrendEvidence.projectionSentence($0, verdict: a.verdict) },
      explanation: TrendExplanation.explain(a, series: e.series), cells: cells(e),
      warningNote: warnings.isEmpty
        ? nil
        : "\(Units.counted(warnings.count, "warning")) about this series (on standard error; all in \(OptionNames.current.jsonFormat))",
      warningSummary: warnings.isEmpty
        ? nil
        : "\(Units.counted(warnings.count, "warning")) while reading: "
          + warnings.prefix(3).map { "line \($0.line): \($0.message)" }.joined(separator: "; "))
  }

  private static func cells(_ e: TrendReport.Entry) -> Cells {
    let f = Units.self
    let a = e.analysis
    let fit = a.fit
    let growth = fit.map { f.significant($0.slope * 1000) }
    let interval = fit.map {
      f.interval(f.significant($0.low * 1000), f.significant($0.high * 1000))
    }
    var perRequest: String?
    if let fit, let rps = e.series.requestsPerSample {
      perRequest = "\(f.significant(fit.slope / rps * 1000)) MiB"
    }
    return Cells(
      samples: f.count(Int64(a.samples)), warmup: f.count(Int64(a.warmupSamples)),
      plateau: a.plateauMiB.map { f.mib($0) }, plateauNumber: a.plateauMiB.map { f.mibNumber($0) },
      growth: growth, growthInterval: interval,
      growthWithInterval: growth.flatMap { g in interval.map { "\(g) MiB (\($0))" } },
      growthPerRequest: perRequest, pValue: fit.map { f.pValue($0.test.pValue) },
      pValueCell: fit.map { f.pValueRelation($0.test.pValue) }, last: f.mibNumber(a.endMiB))
  }
}
