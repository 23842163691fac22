import MemReportCore
/// The one-line verdict of a series: the verdict word and what backs it, kept apart so the
/// Markdown writer can set the word in bold without cutting it off a finished line.
struct TrendHeadline: Sendable, Equatable {
  var verdict: TrendVerdict
  /// What follows `verdict: `; `nil` when there is nothing to add (a leak without a fit).
  var detail: String?

  /// `leak: memory grows 5,651 MiB per 1,000 samples (95% CI …), …, never levels off`.
  var text: String { detail.map { "\(verdict.rawValue): \($0)" } ?? verdict.rawValue }

  /// - Parameter perRequest: adds the growth per 1,000 requests when TEST_COUNT is known (the
  ///   chart's subtitle leaves it out).
  init(_ e: TrendReport.Entry, perRequest: Bool = true) {
    verdict = e.analysis.verdict
    detail = Self.detail(e, perRequest: perRequest)
  }

  private static func detail(_ e: TrendReport.Entry, perRequest: Bool) -> String? {
    let f = Units.self
    let a = e.analysis
    let rate = TrendRate.unit(for: e.series, slope: a.fit?.slope)
    switch a.verdict {
    case .leak:
      guard let fit = a.fit else { return nil }
      var text = "memory grows \(rate.text(fit.slope, e.series))"
      text += " (95% CI \(rate.interval(fit.low, fit.high, e.series)))"
      if perRequest, let rps = e.series.requestsPerSample {
        text += ", \(f.significant(fit.slope / rps * 1000)) MiB per 1,000 requests"
      }
      return text + ", \(f.pValue(fit.test.pValue)), never levels off"
    case .bloat:
      let rise = a.riseMiB.map { f.mib($0) } ?? "n/a"
      let plateau = a.plateauMiB.map { f.mib($0) } ?? "n/a"
      let warmup = a.warmupSamples
      let count = f.count(Int64(warmup))
      var text = "memory rises \(rise) in \(Self.article(count)) \(count)-sample"
      if e.series.intervalKnown {
        text += " (\(f.duration(Double(warmup) * e.series.intervalSeconds)))"
      }
      text += " warm-up, then "
      if let peak = a.fellBackFrom {
        text += "falls back from \(f.mib(peak)) and holds \(plateau)"
      } else {
        text += "levels off at \(plateau)"
      }
      return text + " (±\(f.mib(a.plateauSpreadMiB ?? 0)))" + residual(e, rate: rate)
    case .stable:
      let plateau = a.plateauMiB.map { f.mib($0) } ?? "n/a"
      let text = "memory stays at \(plateau) (±\(f.mib(a.plateauSpreadMiB ?? 0))), no warm-up rise"
      return text + (a.residualTrend ? residual(e, rate: rate) : ", no growth")
    case .inconclusive:
      var text: String
      switch a.uncertainty {
      case .tooShort(let minimum)?:
        text =
          "too few samples (\(f.count(Int64(a.samples))) of the \(f.count(Int64(minimum))) needed)"
      case .interruptedByDrops?: text = "too many drops (restarts or big GCs) to analyse"
      case .tooNoisy?: text = "too noisy to tell growth from drift"
      case .uncertainRate?:
        text = "memory grows slightly"
        if let fit = a.fit {
          text += " (\(rate.text(fit.slope, e.series)), \(f.pValue(fit.test.pValue)))"
        }
        text += ", perhaps within drift"
      case .slowingDown?: text = "memory still rises, but more and more slowly"
      case .singleStep?: text = "one step up near the end"
      case nil: text = "cannot tell"
      }
      if let needed = a.samplesNeeded {
        text += "; run about \(f.counted(f.roundedUp(Double(needed)), "sample"))"
      }
      return text
    }
  }

  /// `an` before a number said with a vowel sound (8, 11, 18, 80, 800, 8,000, 11,000…), else `a`.
  static func article(_ number: String) -> String {
    let lead = number.prefix { $0 != "," }
    return lead.hasPrefix("8") || lead == "11" || lead == "18" ? "an" : "a"
  }

  /// `; the tail still creeps up 8.06 MiB/h (p < 0.001)`: a significant trend left in a plateau or
  /// stable tail, however small, is always named (empty when there is none).
  private static func residual(_ e: TrendReport.Entry, rate: TrendRate) -> String {
    let a = e.analysis
    guard a.residualTrend, let fit = a.fit else { return "" }
    let direction = fit.slope > 0 ? "creeps up" : "falls"
    return
      "; the tail still \(direction) \(rate.text(abs(fit.slope), e.series)) (\(Units.pValue(fit.test.pValue)))"
  }
}
