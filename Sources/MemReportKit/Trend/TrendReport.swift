import MemReportCore
/// Everything a trend writer needs: each series with its analysis, the comparisons of the later
/// series with the first, and the limit asked for.
public struct TrendReport: Sendable {
  public struct Entry: Sendable {
    public var series: MemorySeries
    public var analysis: TrendAnalysis

    public init(series: MemorySeries, analysis: TrendAnalysis) {
      self.series = series
      self.analysis = analysis
    }
  }

  public var entries: [Entry]
  public var comparisons: [TrendComparison]
  public var limitMiB: Double?

  /// Analyses every series and compares each later one with the first.
  /// - Complexity: O(total samples) plus a bounded cost per series (see `TrendClassifier`).
  public init(series: [MemorySeries], limitMiB: Double? = nil) {
    let classifier = TrendClassifier(limitMiB: limitMiB)
    let analysed = series.map { Entry(series: $0, analysis: classifier.analyse($0)) }
    entries = analysed
    comparisons = analysed.dropFirst().map { entry in
      TrendComparison(
        before: (analysed[0].series, analysed[0].analysis), after: (entry.series, entry.analysis))
    }
    self.limitMiB = limitMiB
  }
}
