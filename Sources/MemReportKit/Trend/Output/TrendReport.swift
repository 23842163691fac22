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

  /// The one-line verdict of a series, as the text and Markdown outputs start with it.
  static func headline(_ e: Entry, perRequest: Bool = true) -> String {
    let f = Units.self
    let a = e.analysis
    switch a.verdict {
    case .leak:
      guard let fit = a.fit else { return "leak" }
      var text = "leak: memory grows \(f.significant(fit.slope * 1000)) MiB per 1,000 samples"
      text +=
        " (95% CI \(f.interval(f.significant(fit.low * 1000), f.significant(fit.high * 1000))))"
      if perRequest, let rps = e.series.requestsPerSample {
        text += ", \(f.significant(fit.slope / rps * 1000)) MiB per 1,000 requests"
      }
      return text + ", \(f.pValue(fit.test.pValue)), never levels off"
    case .bloat:
      let rise = a.riseMiB.map { f.mib($0) } ?? "n/a"
      let plateau = a.plateauMiB.map { f.mib($0) } ?? "n/a"
      return
        "bloat: memory rises \(rise) in a \(Units.count(Int64(a.warmupSamples)))-sample warm-up, then levels off at \(plateau) (±\(f.mib(a.plateauSpreadMiB ?? 0)))"
    case .stable:
      let plateau = a.plateauMiB.map { f.mib($0) } ?? "n/a"
      return
        "stable: memory stays at \(plateau) (±\(f.mib(a.plateauSpreadMiB ?? 0))), no warm-up rise, no growth"
    case .inconclusive:
      var text = "inconclusive: "
      switch a.uncertainty {
      case .tooShort(let minimum)?:
        text += "too few samples (\(a.samples) of the \(minimum) needed)"
      case .interruptedByDrops?: text += "too many drops (restarts or big GCs) to analyse"
      case .tooNoisy?: text += "too noisy to tell growth from drift"
      case .uncertainRate?: text += "memory grows slightly, perhaps within drift"
      case .slowingDown?: text += "memory still rises, but more and more slowly"
      case .singleStep?: text += "one step up near the end"
      case nil: text += "cannot tell"
      }
      if let needed = a.samplesNeeded {
        text += "; run about \(f.counted(f.roundedUp(Double(needed)), "sample"))"
      }
      return text
    }
  }

  /// Short labels that tell several sources apart: the paths without their common beginning and
  /// end (cut at a `/`, `-`, `_`, `.`, `+` or space), e.g. `before` and `after` for
  /// `runs/before.txt` and `runs/after.txt`. A single source, or sources that only differ in
  /// nothing, keep their file names.
  static func labels(_ sources: [String]) -> [String] { labelParts(sources).labels }

  /// `labels` with the common beginning and end they were cut from.
  static func labelParts(_ sources: [String]) -> (prefix: String, labels: [String], suffix: String)
  {
    let names = sources.map { $0 == "-" ? "standard input" : $0 }
    guard names.count > 1, Set(names).count == names.count else {
      return ("", names.map { $0.split(separator: "/").last.map(String.init) ?? $0 }, "")
    }
    let chars = names.map { Array($0) }
    let shortest = chars.map(\.count).min() ?? 0
    let separators: Set<Character> = ["/", "-", "_", ".", "+", " "]
    var prefix = 0
    while prefix < shortest, chars.allSatisfy({ $0[prefix] == chars[0][prefix] }) { prefix += 1 }
    // Cut the prefix just after a separator.
    while prefix > 0, !separators.contains(chars[0][prefix - 1]) { prefix -= 1 }
    var suffix = 0
    while suffix < shortest - prefix,
      chars.allSatisfy({ $0[$0.count - 1 - suffix] == chars[0][chars[0].count - 1 - suffix] })
    {
      suffix += 1
    }
    // Cut the suffix just before a separator.
    while suffix > 0, !separators.contains(chars[0][chars[0].count - suffix]) { suffix -= 1 }
    let labels = chars.map { String($0[prefix..<($0.count - suffix)]) }
    if labels.contains(where: \.isEmpty) { return ("", names, "") }
    return (String(chars[0][..<prefix]), labels, String(chars[0][(chars[0].count - suffix)...]))
  }

  /// A path shortened in the middle to at most `limit` characters, keeping the file name's end.
  static func shortName(_ path: String, limit: Int = 60) -> String {
    var name = path == "-" ? "standard input" : path
    // Control characters (a newline from derailed 1.0.0's `ruby -v`) would break a table row.
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      name = String(
        String.UnicodeScalarView(
          name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\u{FFFD}" : $0 }))
    }
    guard name.count > limit else { return name }
    let keepEnd = limit * 2 / 3
    let keepStart = limit - keepEnd - 1
    return String(name.prefix(keepStart)) + "…" + String(name.suffix(keepEnd))
  }
}
