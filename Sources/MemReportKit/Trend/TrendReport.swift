import MemReportCore
/// Everything a trend writer needs: each series with its analysis and label, the comparisons with
/// a baseline when one was asked for, and the limit asked for.
///
/// Several series are independent by default: each gets its own verdict and nothing is compared.
/// They are compared only against a baseline: one named as such (`TrendRun.baseline`, the CLI's
/// `--baseline FILE`), or, for exactly two series labelled `before` and `after`, the `before` one.
public struct TrendReport: Sendable {
  public struct Entry: Sendable {
    public var series: MemorySeries
    public var analysis: TrendAnalysis
    /// What tells this series apart from the others: its `--label`, else the distinguishing part
    /// of its path (the folder for derailed's timestamped file names), with `run 2` for the
    /// second of several runs pasted into one input.
    public var label: String

    public init(series: MemorySeries, analysis: TrendAnalysis, label: String = "") {
      self.series = series
      self.analysis = analysis
      self.label = label
    }
  }

  public var entries: [Entry]
  /// The position in `entries` of the series the others are compared with, if any.
  public var baseline: Int?
  public var comparisons: [TrendComparison]
  public var limitMiB: Double?

  /// Analyses every series; compares each other series with `entries[baseline]` when a baseline
  /// is given, or when exactly two series are labelled `before` and `after`.
  /// - Parameter baseline: the position in `series` of the baseline.
  /// - Complexity: O(total samples) plus a bounded cost per series (see `TrendClassifier`).
  public init(series: [MemorySeries], limitMiB: Double? = nil, baseline: Int? = nil) {
    let classifier = TrendClassifier(limitMiB: limitMiB)
    let labels = TrendSourceNames.labels(for: series)
    let analysed = zip(series, labels).map {
      Entry(series: $0, analysis: classifier.analyse($0), label: $1)
    }
    entries = analysed
    var base = baseline.flatMap { analysed.indices.contains($0) ? $0 : nil }
    if base == nil, analysed.count == 2 {
      let names = analysed.map { $0.label.lowercased() }
      if Set(names) == ["before", "after"] { base = names.firstIndex(of: "before") }
    }
    self.baseline = base
    if let base {
      comparisons = analysed.indices.filter { $0 != base }.map { i in
        TrendComparison(
          before: (analysed[base].series, analysed[base].analysis),
          after: (analysed[i].series, analysed[i].analysis))
      }
    } else {
      comparisons = []
    }
    self.limitMiB = limitMiB
  }
}
