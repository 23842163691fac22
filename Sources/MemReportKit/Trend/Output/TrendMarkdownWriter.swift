import MemReportCore
/// `trend --format markdown`: for a pull request. A one-line verdict (or, for several series, the
/// before/after summary), one small table, and the explanations. GitHub-flavoured; file names are
/// code spans, everything else from inputs is escaped. Lays out a `TrendDocument`.
package struct TrendMarkdownWriter: TrendWriter {
  package init() {}

  package func write(_ report: TrendReport, into out: inout some TextOutputStream) {
    let document = TrendDocument(report)
    if let c = document.comparisons.first, document.comparisons.count == 1 {
      out.write("**\(c.verdicts)**: \(MarkdownText.escaped(c.summary))\n\n")
    } else if document.comparisons.count > 1 {
      for c in document.comparisons {
        out.write(
          "- \(MarkdownText.code(c.afterName)): **\(c.verdicts)**: \(MarkdownText.escaped(c.summary))\n"
        )
      }
      out.write("\n")
    } else if document.series.count > 1 {
      // Independent series: each its own verdict, nothing compared.
      for series in document.series {
        let h = series.headline
        out.write(
          "- \(MarkdownText.code(series.name)): **\(h.verdict.rawValue)**\(MarkdownText.escaped(h.detail.map { ": " + $0 } ?? ""))\n"
        )
      }
      out.write("\n")
    } else if let headline = document.series.first?.headline {
      let rest = headline.detail ?? headline.text
      out.write("**\(headline.verdict.rawValue)**:\(MarkdownText.escaped(" " + rest))\n\n")
    }
    writeTable(document, into: &out)
    out.write("\n")
    for s in document.series {
      var text = MarkdownText.escaped(s.explanation)
      if let projection = s.projection { text += " " + MarkdownText.escaped(projection) }
      if document.series.count > 1 {
        out.write("- \(MarkdownText.code(s.name)): \(text)\n")
      } else {
        out.write(text + "\n")
      }
    }
  }

  private func writeTable(_ document: TrendDocument, into out: inout some TextOutputStream) {
    let none = "—"
    var header =
      "| series | verdict | samples | warm-up | plateau | growth \(document.rate.per) (95% CI) |"
    var rule = "|---|---|--:|--:|--:|--:|"
    if document.perRequest {
      header += " per 1,000 requests |"
      rule += "--:|"
    }
    header += " trend p |"
    rule += "--:|"
    out.write(header + "\n" + rule + "\n")
    for s in document.series {
      let c = s.cells
      var cells = [
        MarkdownText.code(s.name), "**\(s.verdict.rawValue)**", c.samples, c.warmup,
        c.plateau ?? none, c.growthWithInterval ?? none,
      ]
      if document.perRequest { cells.append(c.growthPerRequest ?? none) }
      cells.append(c.pValueCell ?? none)
      out.write("| " + cells.joined(separator: " | ") + " |\n")
    }
  }
}
