import MemReportCore
/// `trend --format text`: per series the verdict line first, then the evidence in numbers and the
/// plain-language explanation; for several series a comparison block against the first. Lays out a
/// `TrendDocument`.
package struct TrendTextWriter: TrendWriter {
  package var colour: Bool

  package init(colour: Bool = false) { self.colour = colour }

  package func write(_ report: TrendReport, into out: inout some TextOutputStream) {
    let document = TrendDocument(report)
    let several = document.series.count > 1
    for (i, series) in document.series.enumerated() {
      if i > 0 { out.write("\n") }
      write(series, labelled: several, into: &out)
    }
    if let title = document.comparisonTitle {
      out.write("\n" + bold(title) + "\n")
      for c in document.comparisons {
        out.write("  \(c.line)\n")
        out.write("    " + c.details.joined(separator: "; ") + "\n")
      }
    }
  }

  private func write(
    _ s: TrendDocument.Series, labelled: Bool, into out: inout some TextOutputStream
  ) {
    // No control character from a path reaches the terminal (derailed 1.0.0's newline).
    let source = TrendSourceNames.shortName(s.source, limit: 10_000)
    out.write((labelled ? bold(s.label) + " " + dim("(\(source))") : dim(source)) + "\n")
    out.write(verdictColoured(s.headline.text, s.verdict) + "\n")
    for fact in s.evidence { out.write("  \(fact.label): \(fact.value)\n") }
    out.write("  \(s.explanation)\n")
    if let note = s.warningNote { out.write(dim("  " + note) + "\n") }
  }

  private var ansi: ANSI { ANSI(enabled: colour) }
  private func bold(_ s: String) -> String { ansi.bold(s) }
  private func dim(_ s: String) -> String { ansi.dim(s) }

  private func verdictColoured(_ line: String, _ verdict: TrendVerdict) -> String {
    switch verdict {
    case .leak: return ansi.apply(.boldRed, line)
    case .bloat: return ansi.apply(.boldYellow, line)
    case .stable: return ansi.apply(.boldGreen, line)
    case .inconclusive: return ansi.bold(line)
    }
  }
}
