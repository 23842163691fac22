import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// The trend's words, built once: the writers lay these out, so the structure is checked here.
@Suite("Trend document")
struct TrendDocumentTests {
  @Test func evidenceIsFactsAndTheHeadlineKeepsItsVerdictApart() throws {
    let report = TrendReport(series: [try readSeries(try TrendFiles.leak)], limitMiB: 512)
    let document = TrendDocument(report)
    let s = try #require(document.series.first)
    #expect(
      s.evidence.map(\.label) == [
        "run", "read", "memory", "warm-up", "growth", "over the tail", "trend test",
        "limit 512 MiB",
      ])
    #expect(s.evidence.last?.value == "reached after 84 samples (≈20,388 requests)")
    #expect(s.projection == "Limit 512 MiB: reached after 84 samples (≈20,388 requests).")
    #expect(s.headline.verdict == .leak)
    #expect(s.headline.text == "leak: " + (s.headline.detail ?? ""))
    #expect(s.headline.detail?.hasPrefix("memory grows 5,651 MiB per 1,000 samples") == true)
    #expect(s.shortHeadline.detail?.contains("per 1,000 requests") == false)
    #expect(document.headline == s.headline.text)
    #expect(document.comparisons.isEmpty && document.comparisonTitle == nil)
    #expect(s.cells.pValue == "p < 0.001" && s.cells.pValueCell == "< 0.001")
  }

  @Test func comparisonsAreWordedOnce() throws {
    let report = TrendReport(
      series: [try readSeries(try TrendFiles.leak), try readSeries(try TrendFiles.plateau)])
    let document = TrendDocument(report)
    let c = try #require(document.comparisons.first)
    #expect(c.verdicts == "leak → bloat")
    #expect(document.headline == c.summary)
    #expect(c.line == "\(c.after): leak → bloat: \(c.summary)")
    #expect(
      c.details.first?.hasPrefix("tail growth \(Units.minus)5,640 MiB per 1,000 samples") == true)
    #expect(
      document.series.map(\.label) == ["leak/2026-11-25T10:08:20", "plateau/2026-11-25T10:21:12"])
  }

  /// The bare p-value cell mirrors `Units.pValue` (the kernel has no bare form).
  @Test func pValueCellIsUnitsPValueWithoutItsP() {
    for p in [0.0, 1e-9, 0.000999, 0.001, 0.0042, 0.0099, 0.01, 0.0449, 0.41, 1] {
      #expect("p " + Units.pValueRelation(p) == Units.pValue(p), "\(p)")
    }
  }
}
