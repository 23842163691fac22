import MemReportCore
/// The plain-language account of a verdict: what memory did, in numbers, why that is a leak, bloat,
/// stable or undecided, and for `inconclusive` what to run instead. Sample positions (`samples
/// 3–205`) and the `TEST_COUNT=` value to paste stay plain digits.
enum TrendExplanation {
  static func explain(_ a: TrendAnalysis, series: MemorySeries) -> String {
    let f = Units.self
    var text = patternPrefix(a, series: series)
    let tailCount = a.tailRange.count
    switch a.verdict {
    case .leak:
      guard let fit = a.fit else { break }
      let first = series.values[a.analysedRange.lowerBound]
      text +=
        "memory rose from \(f.mib(first)) to \(f.mib(a.endMiB)) over \(f.counted(a.samples, "sample"))"
      text +=
        " (\(f.duration(Double(a.samples - 1) * series.intervalSeconds))) and never levelled off: "
      if a.warmupSamples > 0 {
        let count = Units.count(Int64(a.warmupSamples))
        text += "after \(TrendHeadline.article(count)) \(count)-sample warm-up, "
      }
      text += "it grew \(f.mib(fit.growth)) over the last \(f.counted(tailCount, "sample"))"
      text +=
        " (95% CI \(f.interval(f.mibNumber(fit.growthLow), f.mibNumber(fit.growthHigh))), \(f.pValue(fit.test.pValue))),"
      text +=
        " more than the \(f.mib(a.thresholdMiB)) (2% of its level) a levelled-off series may drift,"
      text += " and the growth is not slowing down: a leak, not bloat."
    case .bloat:
      guard let fit = a.fit, let plateau = a.plateauMiB, let rise = a.riseMiB else { break }
      let warmup = a.warmupSamples
      text +=
        "memory rose \(f.mib(rise)) and settled at its level after \(f.counted(warmup, "sample"))"
      text += " (\(f.duration(Double(warmup) * series.intervalSeconds))"
      if let peak = a.fellBackFrom { text += ", after peaking at \(f.mib(peak))" }
      text += "), then held \(f.mib(plateau)) (±\(f.mib(a.plateauSpreadMiB ?? 0)) over the last"
      text += " \(f.counted(a.plateauWindow?.count ?? tailCount, "sample")));"
      text +=
        " from sample \(a.tailRange.lowerBound) on (\(f.counted(tailCount, "sample"))), \(tailGrowth(fit, threshold: a.thresholdMiB))"
      text += residualNote(a, series: series) + ": bloat, not a leak."
    case .stable:
      guard let fit = a.fit, let plateau = a.plateauMiB else { break }
      text += "memory stayed within ±\(f.mib(a.plateauSpreadMiB ?? 0)) of \(f.mib(plateau))"
      text +=
        a.warmupSamples == 0
        ? " for all \(f.counted(tailCount, "sample"))"
        : " for the last \(f.counted(tailCount, "sample")) after the first \(f.counted(a.warmupSamples, "sample"))"
      text +=
        " without a warm-up rise (\(f.signedMiB(a.riseMiB ?? 0)) since the start) and without growth"
      text +=
        " (\(tailGrowth(fit, threshold: a.thresholdMiB)))\(residualNote(a, series: series)): stable, neither a leak nor bloat."
    case .inconclusive:
      text += inconclusive(a, series: series)
    }
    return text
  }

  /// `, though that rise is significant (p < 0.001, +8.04 MiB/h; a longer run tells whether it
  /// stops)`, or nothing when the tail has no significant trend.
  private static func residualNote(_ a: TrendAnalysis, series: MemorySeries) -> String {
    guard a.residualTrend, let fit = a.fit else { return "" }
    let rate = TrendRate.unit(for: series, slope: fit.slope)
    let word = fit.slope > 0 ? "rise" : "fall"
    return
      ", though that \(word) is significant (\(Units.pValue(fit.test.pValue)), \(rate.signed(fit.slope, series)); a longer run tells whether it stops)"
  }

  /// "growth at most 0.80 MiB with 95% confidence, under the 6.20 MiB threshold".
  private static func tailGrowth(_ fit: TrendFit, threshold: Double) -> String {
    let f = Units.self
    if fit.growthHigh <= 0 {
      return
        "it fell \(f.mib(-fit.growth)) (95% CI \(f.interval(f.mibNumber(-fit.growthHigh), f.mibNumber(-fit.growthLow))))"
    }
    return
      "growth at most \(f.mib(fit.growthHigh)) with 95% confidence, under the \(f.mib(threshold)) threshold"
  }

  private static func patternPrefix(_ a: TrendAnalysis, series: MemorySeries) -> String {
    let f = Units.self
    let drops = a.pattern.drops
    guard !drops.isEmpty else { return "" }
    if a.pattern.sawtooth {
      let size = RobustStatistics.median(drops.map(\.sizeMiB))
      return
        "memory drops by about \(f.mib(size)) every \(f.significant(a.pattern.period ?? 0, digits: 2)) samples"
        + " (\(f.count(Int64(drops.count))) drops, a GC sawtooth), so the trend is measured on the memory left after each drop; "
    }
    let list = drops.map { "\(f.mib($0.sizeMiB)) after \(f.counted($0.sample, "sample"))" }.joined(
      separator: " and ")
    var text = "memory dropped by \(list) (a restart or a big GC), so "
    if a.analysedRange.upperBound == a.samples {
      text +=
        "the \(f.counted(a.analysedRange.count, "sample")) after the drop are analysed on their own; "
    } else {
      text +=
        "the longest stretch between drops (samples \(a.analysedRange.lowerBound)–\(a.analysedRange.upperBound - 1)) is analysed on its own; "
    }
    return text
  }

  private static func inconclusive(_ a: TrendAnalysis, series: MemorySeries) -> String {
    let f = Units.self
    var text: String
    let fit = a.fit
    switch a.uncertainty {
    case .tooShort(let minimum)?:
      text =
        "only \(f.counted(a.samples, "sample")) (\(f.duration(Double(max(0, a.samples - 1)) * series.intervalSeconds))):"
      text +=
        " too few to see whether memory levels off (it went from \(f.mib(a.startMiB)) to \(f.mib(a.endMiB)));"
      text += " the analysis needs at least \(f.count(Int64(minimum)))."
    case .interruptedByDrops?:
      text =
        "the drops leave no stretch of \(f.count(Int64(TrendClassifier.minimumSamples))) samples to analyse."
    case .tooNoisy?:
      text =
        "memory moves too much to tell: over the last \(f.counted(a.tailRange.count, "sample")) it changed"
      if let fit {
        text +=
          " \(f.signedMiB(fit.growth)) (95% CI \(f.interval(f.mibNumber(fit.growthLow), f.mibNumber(fit.growthHigh))),"
        text += " noise ±\(f.mib(fit.noise)))"
      }
      text +=
        ", which neither rules out nor shows growth beyond the \(f.mib(a.thresholdMiB)) threshold (2% of its level)."
    case .uncertainRate?:
      text = "memory grows slightly"
      if let fit {
        text +=
          " (\(f.pValue(fit.test.pValue))): \(f.mib(fit.growth)) over the last \(f.counted(a.tailRange.count, "sample"))"
        text += " (95% CI \(f.interval(f.mibNumber(fit.growthLow), f.mibNumber(fit.growthHigh))))"
      }
      text +=
        ", which may still be within the \(f.mib(a.thresholdMiB)) (2% of its level) a levelled-off series may drift."
    case .slowingDown(let from, let to)?:
      let rate = TrendRate.unit(for: series, slope: from)
      text =
        "memory still rises at the end but more and more slowly, from \(rate.number(from, series))"
      text += " to \(rate.text(to, series)), so it may yet level off."
    case .singleStep(let sample, let height)?:
      text =
        "memory jumped \(f.mib(height)) after \(f.counted(sample, "sample")) and was flat before and after it:"
      text +=
        " one step up is bloat, repeated steps are a leak, and the \(f.counted(a.samples - sample, "sample")) after it are too few to tell."
    case nil:
      text = "the series could not be analysed."
    }
    if let needed = a.samplesNeeded { text += " " + advice(needed: needed, series: series) }
    return text
  }

  /// "Run about 620 samples (52 min at 5 s): with ≈243 requests per sample, TEST_COUNT=151000."
  static func advice(needed: Int, series: MemorySeries) -> String {
    let f = Units.self
    let n = max(1, series.count)
    let samples = f.roundedUp(Double(needed))
    var text =
      "Run about \(f.counted(samples, "sample")) (\(f.duration(Double(samples) * series.intervalSeconds))"
    text += " at \(f.seconds(series.intervalSeconds)) per sample)"
    if let rate = series.requestsPerSample {
      let requests = f.roundedUp(Double(samples) * rate)
      text += ": with ≈\(f.significant(rate)) requests per sample, TEST_COUNT=\(requests)."
    } else {
      let ratio = Double(samples) / Double(n)
      text +=
        ratio >= 1.5
        ? ", e.g. a TEST_COUNT \(f.significant(ratio, digits: 2))× larger." : "."
    }
    return text
  }
}
