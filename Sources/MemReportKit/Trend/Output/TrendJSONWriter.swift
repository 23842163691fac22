import MemReportCore
/// `trend --format json`, schema version 1:
///
/// ```
/// {"schemaVersion": 1, "limitMiB": null,
///  "series": [{"source", "samples", "unit": "MiB", "testCount", "verdict", "warmupSamples",
///              "plateauMiB", "slopeMiBPer1000Samples", "slopeCI95": [lo, hi], "trendPValue",
///              "projection", "explanation", ...}],
///  "comparisons": [...]}
/// ```
/// The fields after `explanation` add the evidence (README.md documents each). Adding fields is not
/// a version change; renaming or removing one is.
package struct TrendJSONWriter: TrendWriter {
  package static let schemaVersion = 1

  package init() {}

  package func write(_ report: TrendReport, into out: inout some TextOutputStream) {
    // The sentences (`explanation`, `summary`) are the document's; everything else is numbers.
    let document = TrendDocument(report)
    out.write(
      "{\n  \"schemaVersion\": \(Self.schemaVersion),\n  \"limitMiB\": \(Self.number(report.limitMiB)),\n  \"series\": ["
    )
    for (i, (entry, words)) in zip(report.entries, document.series).enumerated() {
      out.write(i == 0 ? "\n" : ",\n")
      writeEntry(entry, explanation: words.explanation, into: &out)
    }
    out.write(report.entries.isEmpty ? "],\n" : "\n  ],\n")
    out.write(
      "  \"baseline\": \(report.baseline.map { JSONText.quoted(report.entries[$0].series.source) } ?? "null"),\n"
    )
    out.write("  \"comparisons\": [")
    for (i, (c, words)) in zip(report.comparisons, document.comparisons).enumerated() {
      out.write(i == 0 ? "\n    {" : ",\n    {")
      var fields: [String] = []
      fields.append("\"before\": \(JSONText.quoted(c.before))")
      fields.append("\"after\": \(JSONText.quoted(c.after))")
      fields.append("\"beforeVerdict\": \"\(c.beforeVerdict.rawValue)\"")
      fields.append("\"afterVerdict\": \"\(c.afterVerdict.rawValue)\"")
      fields.append(
        "\"slopeMiBPer1000Samples\": [\(Self.number(c.beforeSlope.map { $0 * 1000 })), \(Self.number(c.afterSlope.map { $0 * 1000 }))]"
      )
      fields.append(
        "\"slopeChangeMiBPer1000Samples\": \(Self.number(c.slopeChange.map { $0 * 1000 }))")
      fields.append(
        "\"slopeMiBPer1000Requests\": [\(Self.number(c.beforeSlopePerRequest.map { $0 * 1000 })), \(Self.number(c.afterSlopePerRequest.map { $0 * 1000 }))]"
      )
      fields.append(
        "\"plateauMiB\": [\(Self.number(c.beforePlateau)), \(Self.number(c.afterPlateau))]")
      fields.append("\"plateauChangeMiB\": \(Self.number(c.plateauChange))")
      fields.append("\"lastSampleMiB\": [\(Self.number(c.beforeEnd)), \(Self.number(c.afterEnd))]")
      let minute: (Double?, Double?) -> String = { slope, interval in
        guard let slope, let interval else { return "null" }
        return Self.number(slope * 60 / interval)
      }
      fields.append(
        "\"slopeMiBPerMinute\": [\(minute(c.beforeSlope, c.beforeInterval)), \(minute(c.afterSlope, c.afterInterval))]"
      )
      fields.append("\"summary\": \(JSONText.quoted(words.summary))")
      out.write(fields.joined(separator: ", ") + "}")
    }
    out.write(report.comparisons.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
  }

  private func writeEntry(
    _ e: TrendReport.Entry, explanation: String, into out: inout some TextOutputStream
  ) {
    let s = e.series
    let a = e.analysis
    let fit = a.fit
    let n = Self.number
    let perK: (Double?) -> String = { n($0.map { $0 * 1000 }) }
    let rps = s.requestsPerSample
    let perRequest: (Double?) -> String = { v in
      guard let v, let rps else { return "null" }
      return n(v / rps * 1000)
    }
    var f: [(String, String)] = []
    f.append(("source", JSONText.quoted(s.source)))
    f.append(("label", JSONText.quoted(e.label)))
    f.append(("run", s.run.map { "{\"number\": \($0.number), \"of\": \($0.of)}" } ?? "null"))
    f.append(("samples", "\(s.count)"))
    f.append(("unit", "\"MiB\""))
    f.append(("testCount", s.testCount.map(String.init) ?? "null"))
    f.append(("verdict", "\"\(a.verdict.rawValue)\""))
    f.append(("warmupSamples", "\(a.warmupSamples)"))
    f.append(("plateauMiB", n(a.plateauMiB)))
    f.append(("slopeMiBPer1000Samples", perK(fit?.slope)))
    f.append(("slopeCI95", fit.map { "[\(perK($0.low)), \(perK($0.high))]" } ?? "null"))
    f.append(("trendPValue", n(fit?.test.pValue)))
    f.append(("projection", a.projection.map(Self.projection) ?? "null"))
    f.append(("explanation", JSONText.quoted(explanation)))
    // Evidence beyond the issue's fields.
    f.append(("form", JSONText.quoted(s.form.rawValue)))
    f.append(("inputUnit", "\"\(s.inputUnit.rawValue)\""))
    f.append(("memoryColumn", s.memoryColumn.map(JSONText.quoted) ?? "null"))
    f.append(("rubyVersion", s.rubyVersion.map(JSONText.quoted) ?? "null"))
    f.append(("startTime", s.startTime.map(JSONText.quoted) ?? "null"))
    f.append(("intervalSeconds", n(s.intervalSeconds)))
    f.append(("intervalKnown", s.intervalKnown ? "true" : "false"))
    f.append(("unitInferred", s.unitInferred ? "true" : "false"))
    let perMinute: (Double?) -> String = { v in
      guard let v, s.intervalKnown, s.intervalSeconds > 0 else { return "null" }
      return n(v * 60 / s.intervalSeconds)
    }
    f.append(("slopeMiBPerMinute", perMinute(fit?.slope)))
    f.append(
      (
        "slopeCI95PerMinute",
        fit.map { fit in
          s.intervalKnown ? "[\(perMinute(fit.low)), \(perMinute(fit.high))]" : "null"
        }
          ?? "null"
      ))
    f.append(("requestsPerSample", n(rps)))
    f.append(("slopeMiBPer1000Requests", perRequest(fit?.slope)))
    f.append(
      (
        "slopeCI95Per1000Requests",
        fit.flatMap { fit in rps.map { _ in "[\(perRequest(fit.low)), \(perRequest(fit.high))]" } }
          ?? "null"
      ))
    f.append(("analysedFrom", "\(a.analysedRange.lowerBound)"))
    f.append(("tailFrom", "\(a.tailRange.lowerBound)"))
    f.append(("tailSamples", "\(a.tailRange.count)"))
    f.append(("startMiB", n(a.startMiB)))
    f.append(("firstMiB", n(s.values.first)))
    f.append(("lastMiB", n(a.endMiB)))
    f.append(("minMiB", n(a.minMiB)))
    f.append(("maxMiB", n(a.maxMiB)))
    f.append(("riseMiB", n(a.riseMiB)))
    f.append(("plateauSpreadMiB", n(a.plateauSpreadMiB)))
    f.append(
      (
        "plateauWindow",
        a.plateauWindow.map { "[\($0.lowerBound), \($0.upperBound - 1)]" } ?? "null"
      ))
    f.append(("settledSample", a.settledSample.map(String.init) ?? "null"))
    f.append(("fellBackFromMiB", n(a.fellBackFrom)))
    f.append(("residualTrend", a.residualTrend ? "true" : "false"))
    f.append(("tailGrowthMiB", n(fit?.growth)))
    f.append(("tailGrowthCI95", fit.map { "[\(n($0.growthLow)), \(n($0.growthHigh))]" } ?? "null"))
    f.append(("thresholdMiB", n(a.thresholdMiB)))
    f.append(("noiseMiB", n(fit?.noise)))
    f.append(("trendS", fit.map { "\($0.test.s)" } ?? "null"))
    f.append(("trendZ", n(fit?.test.z)))
    f.append(("kendallTau", n(fit?.test.tau)))
    f.append(("autocorrelationFactor", n(fit?.test.autocorrelationFactor)))
    f.append(("samplesPerPoint", "\(a.samplesPerPoint)"))
    f.append(
      (
        "drops",
        "["
          + a.pattern.drops.map { "{\"sample\": \($0.sample), \"sizeMiB\": \(n($0.sizeMiB))}" }
          .joined(separator: ", ") + "]"
      ))
    f.append(("sawtooth", a.pattern.sawtooth ? "true" : "false"))
    f.append(("uncertainty", a.uncertainty.map { "\"\(Self.name($0))\"" } ?? "null"))
    f.append(("samplesNeeded", a.samplesNeeded.map(String.init) ?? "null"))
    f.append(
      (
        "requestsNeeded",
        a.samplesNeeded.flatMap { needed in rps.map { "\(Int((Double(needed) * $0).rounded(.up)))" }
        } ?? "null"
      ))
    var warnings = "["
    for (i, w) in s.warnings.enumerated() {
      warnings +=
        (i == 0 ? "" : ", ") + "{\"line\": \(w.line), \"message\": \(JSONText.quoted(w.message))}"
    }
    f.append(("warnings", warnings + "]"))
    out.write("    {\n")
    out.write(f.map { "      \"\($0.0)\": \($0.1)" }.joined(separator: ",\n"))
    out.write("\n    }")
  }

  static func name(_ u: TrendUncertainty) -> String {
    switch u {
    case .tooShort: return "too-short"
    case .tooNoisy: return "too-noisy"
    case .uncertainRate: return "uncertain-rate"
    case .slowingDown: return "slowing-down"
    case .singleStep: return "single-step"
    case .interruptedByDrops: return "interrupted-by-drops"
    }
  }

  static func projection(_ p: TrendProjection) -> String {
    let n = number
    let latest = p.samplesToLimitLatest
    var f: [String] = []
    f.append("\"limitMiB\": \(n(p.limitMiB))")
    f.append("\"levelMiB\": \(n(p.levelMiB))")
    f.append("\"reachedAtSample\": \(p.reachedAtSample.map(String.init) ?? "null")")
    f.append("\"samplesToLimit\": \(n(p.samplesToLimit))")
    f.append(
      "\"samplesToLimitCI95\": \(p.samplesToLimit == nil ? "null" : "[\(n(p.samplesToLimitSoonest)), \(n(latest))]")"
    )
    f.append("\"requestsToLimit\": \(n(p.requests(p.samplesToLimit)))")
    f.append(
      "\"requestsToLimitCI95\": \(p.samplesToLimit == nil || p.requestsPerSample == nil ? "null" : "[\(n(p.requests(p.samplesToLimitSoonest))), \(n(p.requests(latest)))]")"
    )
    f.append("\"secondsToLimit\": \(n(p.seconds(p.samplesToLimit)))")
    return "{" + f.joined(separator: ", ") + "}"
  }

  /// A JSON number: `null` for nil or non-finite values; tiny magnitudes (p-values) in exponent
  /// form, others rounded to 6 decimals.
  static func number(_ value: Double?) -> String {
    JSONText.number(value, decimals: 6, exponentBelow: 1e-4)
  }
}
