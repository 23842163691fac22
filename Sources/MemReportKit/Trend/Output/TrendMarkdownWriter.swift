import MemReportCore
/// `trend --format markdown`: for a pull request. A one-line verdict (or, for several series, the
/// before/after summary), one small table, and the explanations. GitHub-flavoured; file names are
/// code spans, everything else from inputs is escaped.
public struct TrendMarkdownWriter: TrendWriter {
  public init() {}

  public func write(_ report: TrendReport, into out: inout some TextOutputStream) {
    let f = Units.self
    if let c = report.comparisons.first, report.comparisons.count == 1 {
      out.write(
        "**\(c.beforeVerdict.rawValue) → \(c.afterVerdict.rawValue)**: \(MarkdownText.escaped(c.summary))\n\n"
      )
    } else if report.comparisons.count > 1 {
      for c in report.comparisons {
        out.write(
          "- \(MarkdownText.code(TrendReport.shortName(c.after))): **\(c.beforeVerdict.rawValue) → \(c.afterVerdict.rawValue)**: \(MarkdownText.escaped(c.summary))\n"
        )
      }
      out.write("\n")
    } else if let e = report.entries.first {
      let line = TrendReport.headline(e)
      let verdict = e.analysis.verdict.rawValue
      let rest =
        line.hasPrefix(verdict + ":") ? String(line.dropFirst(verdict.count + 1)) : " " + line
      out.write("**\(verdict)**:\(MarkdownText.escaped(rest))\n\n")
    }
    let perRequest = report.entries.contains { $0.series.requestsPerSample != nil }
    var header =
      "| series | verdict | samples | warm-up | plateau | growth per 1,000 samples (95% CI) |"
    var rule = "|---|---|--:|--:|--:|--:|"
    if perRequest {
      header += " per 1,000 requests |"
      rule += "--:|"
    }
    header += " trend p |"
    rule += "--:|"
    out.write(header + "\n" + rule + "\n")
    // Several series are told apart by what differs in their paths (`before`, `after`).
    let names =
      report.entries.count > 1
      ? TrendReport.labels(report.entries.map(\.series.source)).map { TrendReport.shortName($0) }
      : report.entries.map { TrendReport.shortName($0.series.source) }
    for (e, name) in zip(report.entries, names) {
      let a = e.analysis
      var row = "| \(MarkdownText.code(name)) | **\(a.verdict.rawValue)** | "
      row +=
        "\(Units.count(Int64(e.series.count))) | \(Units.count(Int64(a.warmupSamples))) | "
      row += (a.plateauMiB.map { f.mib($0) } ?? "—") + " | "
      if let fit = a.fit {
        row +=
          "\(f.significant(fit.slope * 1000)) MiB (\(f.interval(f.significant(fit.low * 1000), f.significant(fit.high * 1000)))) |"
      } else {
        row += "— |"
      }
      if perRequest {
        if let fit = a.fit, let rps = e.series.requestsPerSample {
          row += " \(f.significant(fit.slope / rps * 1000)) MiB |"
        } else {
          row += " — |"
        }
      }
      row +=
        " " + (a.fit.map { f.pValue($0.test.pValue).replacingFirst("p ", with: "") } ?? "—") + " |"
      out.write(row + "\n")
    }
    out.write("\n")
    for (e, name) in zip(report.entries, names) {
      var text = MarkdownText.escaped(e.analysis.explanation)
      if let p = e.analysis.projection {
        let line = TrendTextWriter.projectionLine(p, verdict: e.analysis.verdict)
        text += " " + MarkdownText.escaped(line.prefix(1).uppercased() + line.dropFirst()) + "."
      }
      if report.entries.count > 1 {
        out.write("- \(MarkdownText.code(name)): \(text)\n")
      } else {
        out.write(text + "\n")
      }
    }
  }
}

extension String {
  fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = firstRange(of: target) else { return self }
    return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
  }
}
