import MemReportCore
/// The evidence behind a verdict as facts: run, read, memory, drops, warm-up, plateau, growth,
/// over the tail, trend test, and the limit projection.
enum TrendEvidence {
  static func facts(_ e: TrendReport.Entry) -> [Fact] {
    var facts: [Fact] = []
    let f = Units.self
    let s = e.series
    let a = e.analysis
    var run =
      "\(f.counted(s.count, "sample")), \(f.duration(Double(max(0, s.count - 1)) * s.intervalSeconds))"
    run += " at \(f.seconds(s.intervalSeconds)) per sample (\(s.intervalOrigin))"
    if let n = s.testCount, let rps = s.requestsPerSample {
      run += "; TEST_COUNT \(f.count(Int64(n))) (≈\(f.significant(rps)) requests per sample)"
    }
    if let ruby = s.rubyVersion { run += "; \(ruby)" }
    facts.append(Fact(label: "run", value: run))
    if let part = s.run, let first = s.lines.first, let last = s.lines.last {
      facts.append(
        Fact(
          label: "pasted runs",
          value:
            "run \(part.number) of \(part.of) pasted into this input (lines \(first)–\(last)), analysed on its own"
        ))
    }
    var read = s.form.rawValue
    if s.inputUnit != .mebibytes {
      read +=
        s.unitInferred
        ? ", integers read as KiB (as ps -o rss= prints) and converted to MiB"
        : ", \(s.inputUnit.rawValue) converted to MiB"
    }
    if let column = s.memoryColumn { read += ", column '\(column)'" }
    if let pid = s.preamble["PID"] { read += ", PID \(pid)" }
    if let endpoint = s.preamble["Endpoint"] { read += ", endpoint \(endpoint)" }
    facts.append(Fact(label: "read", value: read))
    facts.append(
      Fact(
        label: "memory",
        value:
          "\(f.mib(s.values.first ?? 0)) at the first sample, \(f.mib(a.endMiB)) at the last (min \(f.mibNumber(a.minMiB)), max \(f.mibNumber(a.maxMiB)))"
      ))
    if let drops = drops(a) { facts.append(Fact(label: "drops", value: drops)) }
    let tail = a.tailRange
    let warmup = a.warmupSamples
    var warm =
      "\(f.counted(warmup, "sample")) (\(f.duration(Double(warmup) * s.intervalSeconds)))"
    if let rise = a.riseMiB { warm += ", rise \(f.signedMiB(rise))" }
    if a.settledSample != nil {
      warm += ", ending where memory stays within 5% of the rise around the plateau"
      if let peak = a.fellBackFrom { warm += " (after peaking at \(f.mib(peak)))" }
    }
    warm +=
      "; tail: samples \(tail.lowerBound)–\(tail.upperBound - 1) (\(f.counted(tail.count, "sample")))"
    facts.append(Fact(label: "warm-up", value: warm))
    if let plateau = a.plateauMiB {
      var value = "\(f.mib(plateau)), within ±\(f.mib(a.plateauSpreadMiB ?? 0))"
      if let w = a.plateauWindow {
        value +=
          " (median and central 95% of the last \(f.counted(w.count, "sample")), \(w.lowerBound)–\(w.upperBound - 1))"
      }
      facts.append(Fact(label: "plateau", value: value))
    }
    if let fit = a.fit { facts += Self.fit(fit, e) }
    if let p = a.projection { facts.append(projection(p, verdict: a.verdict)) }
    return facts
  }

  private static func drops(_ a: TrendAnalysis) -> String? {
    let f = Units.self
    guard !a.pattern.drops.isEmpty else { return nil }
    let drops = a.pattern.drops.prefix(5).map {
      "\(f.mib($0.sizeMiB)) after \(f.counted($0.sample, "sample"))"
    }
    var text = drops.joined(separator: ", ")
    if a.pattern.drops.count > 5 { text += ", … \(f.count(Int64(a.pattern.drops.count - 5))) more" }
    if a.pattern.sawtooth {
      text +=
        " (sawtooth every ≈\(f.significant(a.pattern.period ?? 0, digits: 2)) samples: trend measured on the lower envelope)"
    } else if a.analysedRange != 0..<a.samples {
      text +=
        " (analysed samples \(a.analysedRange.lowerBound)–\(a.analysedRange.upperBound - 1) on their own)"
    }
    return text
  }

  /// growth, over the tail, trend test.
  private static func fit(_ fit: TrendFit, _ e: TrendReport.Entry) -> [Fact] {
    let f = Units.self
    let a = e.analysis
    let rate = TrendRate.unit(for: e.series, slope: fit.slope)
    var growth = rate.text(fit.slope, e.series)
    growth += " (95% CI \(rate.interval(fit.low, fit.high, e.series)), Theil–Sen)"
    if rate != .perThousandSamples {
      growth += " = \(f.significant(fit.slope * 1000)) MiB per 1,000 samples"
    }
    if let rps = e.series.requestsPerSample {
      growth += " = \(f.significant(fit.slope / rps * 1000)) MiB per 1,000 requests"
      growth +=
        " (\(f.interval(f.significant(fit.low / rps * 1000), f.significant(fit.high / rps * 1000))))"
    }
    let overTail =
      "\(f.signedMiB(fit.growth)) (95% CI \(f.interval(f.mibNumber(fit.growthLow), f.mibNumber(fit.growthHigh)))); practical threshold \(f.mib(a.thresholdMiB)) (2% of its level)"
    var test =
      "Mann–Kendall S = \(f.count(Int64(fit.test.s))), z = \(f.fixed(fit.test.z, digits: 2)), \(f.pValue(fit.test.pValue))"
    if fit.test.autocorrelationFactor > 1.0001 {
      test +=
        " (variance ×\(f.significant(fit.test.autocorrelationFactor, digits: 2)) for autocorrelation)"
    }
    test += "; noise ±\(f.mib(fit.noise))"
    if a.samplesPerPoint > 1 {
      test += "; on medians of \(f.count(Int64(a.samplesPerPoint)))-sample blocks"
    }
    return [
      Fact(label: "growth", value: growth), Fact(label: "over the tail", value: overTail),
      Fact(label: "trend test", value: test),
    ]
  }

  /// `limit 512 MiB`: "reached after 87 samples" / "in ≈120 more samples (95% CI 110–130),
  /// ≈29,000 requests, 10 min at the measured growth, from 400 MiB now".
  static func projection(_ p: TrendProjection, verdict: TrendVerdict) -> Fact {
    Fact(label: "limit \(Units.mib(p.limitMiB))", value: projectionValue(p, verdict: verdict))
  }

  /// The projection as a sentence of its own: `Limit 512 MiB: reached after 87 samples.`
  static func projectionSentence(_ p: TrendProjection, verdict: TrendVerdict) -> String {
    "Limit \(Units.mib(p.limitMiB)): \(projectionValue(p, verdict: verdict))."
  }

  private static func projectionValue(_ p: TrendProjection, verdict: TrendVerdict) -> String {
    let f = Units.self
    if let reached = p.reachedAtSample {
      var text = "reached after \(f.counted(reached, "sample"))"
      if let r = p.requests(Double(reached)) {
        text += " (≈\(f.count(Int64(r.rounded()))) requests)"
      }
      return text
    }
    guard let samples = p.samplesToLimit else {
      if p.levelMiB >= p.limitMiB { return "the level \(f.mib(p.levelMiB)) is at or above it" }
      let share = f.share(p.levelMiB / p.limitMiB)
      return "not reached: memory levels off at \(f.mib(p.levelMiB)), \(share) of the limit"
    }
    var text = "in ≈\(f.count(Int64(samples.rounded(.up)))) more samples"
    if let soon = p.samplesToLimitSoonest {
      let late = p.samplesToLimitLatest.map { f.count(Int64($0.rounded(.up))) } ?? "never"
      text += " (95% CI \(f.count(Int64(soon.rounded(.up))))–\(late))"
    }
    if let r = p.requests(samples) { text += ", ≈\(f.count(Int64(r.rounded()))) requests" }
    if let sec = p.seconds(samples) { text += ", \(f.duration(sec))" }
    text += " at the measured growth, from \(f.mib(p.levelMiB)) now"
    if verdict == .inconclusive { text += " (if the growth continues)" }
    return text
  }
}
