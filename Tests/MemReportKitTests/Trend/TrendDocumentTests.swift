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
    // Issue 10 point 9: derailed samples every 5 s, so the rate is per minute, not per 1,000
    // samples: 5.6514 MiB per sample × 12 = 67.8 MiB/min.
    #expect(s.headline.detail?.hasPrefix("memory grows 67.8 MiB/min (95% CI 67.5–68.0)") == true)
    #expect(s.shortHeadline.detail?.contains("per 1,000 requests") == false)
    #expect(document.headline == s.headline.text)
    #expect(document.comparisons.isEmpty && document.comparisonTitle == nil)
    #expect(s.cells.pValue == "p < 0.001" && s.cells.pValueCell == "< 0.001")
  }

  @Test func comparisonsAreWordedOnce() throws {
    let report = TrendReport(
      series: [try readSeries(try TrendFiles.leak), try readSeries(try TrendFiles.plateau)],
      baseline: 0)
    let document = TrendDocument(report)
    let c = try #require(document.comparisons.first)
    #expect(c.verdicts == "leak → bloat")
    #expect(document.headline == c.summary)
    #expect(c.line == "plateau: leak → bloat: \(c.summary)")
    #expect(document.comparisonTitle == "compared with the baseline leak")
    #expect(c.details.first == "tail growth \(Units.minus)67.7 MiB/min")
  }

  /// Issue 10 point 8: derailed's timestamped file names are labelled by their folder, not by
  /// `2026` or the timestamp; several series without a baseline are not compared.
  @Test func severalSeriesAreLabelledByFolderAndIndependent() throws {
    let report = TrendReport(
      series: [try readSeries(try TrendFiles.leak), try readSeries(try TrendFiles.plateau)])
    let document = TrendDocument(report)
    #expect(document.series.map(\.label) == ["leak", "plateau"])
    #expect(document.comparisons.isEmpty && document.comparisonTitle == nil)
    #expect(document.headline == "leak: leak; plateau: bloat")
    #expect(!document.headline.contains("gone"))
    // The table's rates share one unit: the fast leak makes it per minute.
    #expect(document.rate == .perMinute)
    #expect(document.series.map { $0.cells.growth } == ["67.8", "0.134"])
  }

  @Test func labelsFromPathsAndFlags() throws {
    func labels(_ paths: [String], given: [String?] = []) -> [String] {
      let all = paths.enumerated().map { i, p -> MemorySeries in
        var s = MemorySeries(source: p)
        s.values = [1]
        if i < given.count { s.label = given[i] }
        return s
      }
      return TrendSourceNames.labels(for: all)
    }
    let name =
      "-ruby 3.1.2p20 (2022-04-12 revision 4491bb740a) [x86_64-linux-gnu]-memory-50000-times.txt"
    #expect(
      labels([
        "runs/before/2026-11-25T10:08:20+00:00" + name,
        "runs/after/2026-11-25T11:00:00+00:00" + name,
      ])
        == ["before", "after"])
    #expect(labels(["tmp/2026-11-25T10:08:20+00:00" + name]) == ["tmp"])
    #expect(labels(["runs/before.txt", "runs/after.txt"]) == ["before", "after"])
    #expect(labels(["a.txt", "b.txt"], given: ["fixed", nil]) == ["fixed", "b"])
  }

  @Test func articleBeforeACount() {
    #expect(
      ["1", "3", "40", "8", "11", "18", "80", "800", "8,000", "11,000", "110", "1,800"].map(
        TrendHeadline.article)
        == ["a", "a", "a", "an", "an", "an", "an", "an", "an", "an", "a", "a"])
  }

  /// The bare p-value cell mirrors `Units.pValue` (the kernel has no bare form).
  @Test func pValueCellIsUnitsPValueWithoutItsP() {
    for p in [0.0, 1e-9, 0.000999, 0.001, 0.0042, 0.0099, 0.01, 0.0449, 0.41, 1] {
      #expect("p " + Units.pValueRelation(p) == Units.pValue(p), "\(p)")
    }
  }
}
