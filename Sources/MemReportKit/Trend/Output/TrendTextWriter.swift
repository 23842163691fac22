import MemReportCore
/// `trend --format text`: per series the verdict line first, then the evidence in numbers and the
/// plain-language explanation; for several series a comparison block against the first.
public struct TrendTextWriter: TrendWriter {
  public var colour: Bool

  public init(colour: Bool = false) { self.colour = colour }

  public func write(_ report: TrendReport, into out: inout some TextOutputStream) {
    for (i, entry) in report.entries.enumerated() {
      if i > 0 { out.write("\n") }
      writeEntry(entry, into: &out)
    }
    if !report.comparisons.isEmpty, let first = report.entries.first {
      out.write("\n" + bold("comparison with \(first.series.source)") + "\n")
      for c in report.comparisons {
        out.write(
          "  \(c.after): \(c.beforeVerdict.rawValue) → \(c.afterVerdict.rawValue): \(c.summary)\n")
        var facts: [String] = []
        if let change = c.slopeChange {
          facts.append("tail growth \(signedRate(change)) MiB per 1,000 samples")
        }
        if let b = c.beforeSlopePerRequest, let a = c.afterSlopePerRequest {
          facts.append(
            "\(Units.significant(b * 1000)) → \(Units.significant(a * 1000)) MiB per 1,000 requests"
          )
        }
        if let change = c.plateauChange { facts.append("plateau \(Units.signedMiB(change))") }
        facts.append("last sample \(Units.mib(c.beforeEnd)) → \(Units.mib(c.afterEnd))")
        out.write("    " + facts.joined(separator: "; ") + "\n")
      }
    }
  }

  private func signedRate(_ value: Double) -> String {
    let text = Units.significant(abs(value * 1000))
    return text == "0" ? "±0" : (value < 0 ? Units.minus : "+") + text
  }

  private func writeEntry(_ e: TrendReport.Entry, into out: inout some TextOutputStream) {
    out.write(dim(e.series.source) + "\n")
    out.write(verdictColoured(TrendReport.headline(e), e.analysis.verdict) + "\n")
    for line in Self.evidence(e) { out.write("  " + line + "\n") }
    if !e.series.warnings.isEmpty {
      let n = e.series.warnings.count
      out.write(
        dim(
          "  \(n) warning\(n == 1 ? "" : "s") about this series (on standard error; all in --format json)"
        ) + "\n")
    }
  }

  /// The evidence behind a verdict, one `label: facts` line each (run, read, memory, drops,
  /// warm-up, plateau, growth, over the tail, trend test, limit), then the explanation. Shared by
  /// the text and HTML writers.
  static func evidence(_ e: TrendReport.Entry) -> [String] {
    var lines: [String] = []
    let f = Units.self
    let s = e.series
    let a = e.analysis
    var run =
      "run: \(f.counted(s.count, "sample")), \(f.duration(Double(max(0, s.count - 1)) * s.intervalSeconds))"
    run += " at \(f.seconds(s.intervalSeconds)) per sample (\(s.intervalOrigin))"
    if let n = s.testCount, let rps = s.requestsPerSample {
      run +=
        "; TEST_COUNT \(Units.count(Int64(n))) (≈\(f.significant(rps)) requests per sample)"
    }
    if let ruby = s.rubyVersion { run += "; \(ruby)" }
    lines.append(run)
    var read = "read: \(s.form.rawValue)"
    if s.inputUnit != .mebibytes { read += ", \(s.inputUnit.rawValue) converted to MiB" }
    if let column = s.memoryColumn { read += ", column '\(column)'" }
    if let pid = s.preamble["PID"] { read += ", PID \(pid)" }
    if let endpoint = s.preamble["Endpoint"] { read += ", endpoint \(endpoint)" }
    lines.append(read)
    lines.append(
      "memory: \(f.mib(s.values.first ?? 0)) at the first sample, \(f.mib(a.endMiB)) at the last (min \(f.mibNumber(a.minMiB)), max \(f.mibNumber(a.maxMiB)))"
    )
    if !a.pattern.drops.isEmpty {
      let drops = a.pattern.drops.prefix(5).map {
        "\(f.mib($0.sizeMiB)) after \(f.counted($0.sample, "sample"))"
      }
      var line = "drops: " + drops.joined(separator: ", ")
      if a.pattern.drops.count > 5 { line += ", … \(a.pattern.drops.count - 5) more" }
      if a.pattern.sawtooth {
        line +=
          " (sawtooth every ≈\(f.significant(a.pattern.period ?? 0, digits: 2)) samples: trend measured on the lower envelope)"
      } else if a.analysedRange != 0..<a.samples {
        line +=
          " (analysed samples \(a.analysedRange.lowerBound)–\(a.analysedRange.upperBound - 1) on their own)"
      }
      lines.append(line)
    }
    let tail = a.tailRange
    var warm =
      "warm-up: \(f.counted(a.warmupSamples, "sample")) (\(f.duration(Double(a.warmupSamples) * s.intervalSeconds)))"
    if let rise = a.riseMiB { warm += ", rise \(f.signedMiB(rise))" }
    warm += "; tail: samples \(tail.lowerBound)–\(tail.upperBound - 1) (\(f.counted(tail.count, "sample")))"
    lines.append(warm)
    if let plateau = a.plateauMiB {
      lines.append(
        "plateau: \(f.mib(plateau)), within ±\(f.mib(a.plateauSpreadMiB ?? 0)) (central 95% of the tail)"
      )
    }
    if let fit = a.fit {
      var growth = "growth: \(f.significant(fit.slope * 1000)) MiB per 1,000 samples"
      growth +=
        " (95% CI \(f.interval(f.significant(fit.low * 1000), f.significant(fit.high * 1000))), Theil–Sen)"
      if let rps = s.requestsPerSample {
        growth += " = \(f.significant(fit.slope / rps * 1000)) MiB per 1,000 requests"
        growth +=
          " (\(f.interval(f.significant(fit.low / rps * 1000), f.significant(fit.high / rps * 1000))))"
      }
      lines.append(growth)
      lines.append(
        "over the tail: \(f.signedMiB(fit.growth)) (95% CI \(f.interval(f.mibNumber(fit.growthLow), f.mibNumber(fit.growthHigh)))); practical threshold \(f.mib(a.thresholdMiB)) (2% of its level)"
      )
      var test =
        "trend test: Mann–Kendall S = \(Units.count(Int64(fit.test.s))), z = \(Units.fixed(fit.test.z, digits: 2)), \(f.pValue(fit.test.pValue))"
      if fit.test.autocorrelationFactor > 1.0001 {
        test +=
          " (variance ×\(f.significant(fit.test.autocorrelationFactor, digits: 2)) for autocorrelation)"
      }
      test += "; noise ±\(f.mib(fit.noise))"
      if a.samplesPerPoint > 1 { test += "; on medians of \(a.samplesPerPoint)-sample blocks" }
      lines.append(test)
    }
    if let p = a.projection { lines.append(Self.projectionLine(p, verdict: a.verdict)) }
    lines.append(a.explanation)
    return lines
  }

  /// "limit 512 MiB: reached after 87 samples" / "... in ≈120 samples (95% CI 110–130), ≈29,000 requests, 10 min".
  static func projectionLine(_ p: TrendProjection, verdict: TrendVerdict) -> String {
    let f = Units.self
    var text = "limit \(f.mib(p.limitMiB)): "
    if let reached = p.reachedAtSample {
      text += "reached after \(f.counted(reached, "sample"))"
      if let r = p.requests(Double(reached)) {
        text += " (≈\(Units.count(Int64(r.rounded()))) requests)"
      }
      return text
    }
    guard let samples = p.samplesToLimit else {
      if p.levelMiB >= p.limitMiB {
        return text + "the level \(f.mib(p.levelMiB)) is at or above it"
      }
      let share = f.share(p.levelMiB / p.limitMiB)
      return text + "not reached: memory levels off at \(f.mib(p.levelMiB)), \(share) of the limit"
    }
    text += "in ≈\(Units.count(Int64(samples.rounded(.up)))) more samples"
    if let soon = p.samplesToLimitSoonest {
      let late = p.samplesToLimitLatest.map { Units.count(Int64($0.rounded(.up))) } ?? "never"
      text += " (95% CI \(Units.count(Int64(soon.rounded(.up))))–\(late))"
    }
    if let r = p.requests(samples) {
      text += ", ≈\(Units.count(Int64(r.rounded()))) requests"
    }
    if let sec = p.seconds(samples) { text += ", \(f.duration(sec))" }
    text += " at the measured growth, from \(f.mib(p.levelMiB)) now"
    if verdict == .inconclusive { text += " (if the growth continues)" }
    return text
  }

  private func bold(_ s: String) -> String { colour ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
  private func dim(_ s: String) -> String { colour ? "\u{1B}[2m\(s)\u{1B}[0m" : s }

  private func verdictColoured(_ line: String, _ verdict: TrendVerdict) -> String {
    guard colour else { return line }
    let code: String
    switch verdict {
    case .leak: code = "1;31"
    case .bloat: code = "1;33"
    case .stable: code = "1;32"
    case .inconclusive: code = "1"
    }
    return "\u{1B}[\(code)m\(line)\u{1B}[0m"
  }
}
