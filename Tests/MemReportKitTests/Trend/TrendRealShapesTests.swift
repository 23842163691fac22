import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// Issue 10 points 7–10 on real runs (Samples/generate-mem-over-time): a slow warm-up, a rise that
/// falls back, `ps -o rss=` KiB integers, and two runs pasted into one file. The numbers in the
/// comments were computed with python3 on the sample files, not with the code under test.
@Suite("Trend on real shapes")
struct TrendRealShapesTests {
  func entry(_ path: String, _ options: MemOverTimeParser.Options = .init()) throws
    -> TrendReport.Entry
  {
    let s = try readSeries(path, options)
    return TrendReport.Entry(series: s, analysis: TrendClassifier().analyse(s))
  }

  /// Point 7: the warm-up ends where memory settles at its level, not at a fixed share or where
  /// the tail is first provably flat. apps/warmup memoises pages from a fixed key space, so the
  /// rise slows down and is flat from about 40% of the run.
  @Test func slowWarmupEndsWhereTheLevelIsReached() throws {
    let e = try entry(try TrendFiles.warmup)
    let a = e.analysis
    #expect(a.verdict == .bloat)
    // python3: level = median(v[113:131]) = 132.34765625 (the tail's last fifth, the tail provably
    // flat from 41); the first i after which every running median of 5 stays within 5% of the
    // rise (5.23 MiB) of it: 35.
    #expect(a.plateauMiB == 132.34765625)
    #expect(a.plateauWindow == 113..<131)
    #expect(a.warmupSamples == 35 && a.settledSample == 35)
    #expect(a.tailRange == 41..<131)
    let headline = TrendHeadline(e).text
    #expect(
      headline.hasPrefix(
        "bloat: memory rises 104.6 MiB in a 35-sample (2.9 min) warm-up, then levels off at 132.3 MiB"
      ))
    // Was "memory rose 104.5 MiB in the first 31% of samples (41 samples, 3.4 min)".
    let explanation = TrendExplanation.explain(a, series: e.series)
    #expect(
      explanation.hasPrefix("memory rose 104.6 MiB and settled at its level after 35 samples"))
    #expect(!explanation.contains("% of samples"))
  }

  /// Point 7: the plateau is the level the tail holds, not its median over a fall. apps/fallback
  /// rises to 135.5 MiB, releases its boot uploads and holds 78.8 MiB.
  @Test func aFallBackIsNotThePlateau() throws {
    let e = try entry(try TrendFiles.fallback)
    let a = e.analysis
    #expect(a.verdict == .bloat)
    // python3: the tail is provably flat from 12 (the fall passes the one-sided test), its last
    // fifth is v[112:136], median 78.755859375; the running median of 5 peaks at 135.5078125 and
    // settles within 5% of the rise (2.56 MiB) of the level at 80.
    #expect(a.plateauMiB == 78.755859375)
    #expect(a.plateauWindow == 112..<136)
    #expect(a.peakMiB == 135.5078125 && a.fellBackFrom == 135.5078125)
    #expect(a.warmupSamples == 80)
    // Was "a 12-sample warm-up, then levels off at 79.3 MiB (±55.2 MiB)".
    #expect((a.plateauSpreadMiB ?? 99) < 0.1)
    #expect(
      TrendHeadline(e).text.hasPrefix(
        "bloat: memory rises 51.2 MiB in an 80-sample (6.7 min) warm-up, then falls back from 135.5 MiB and holds 78.8 MiB (±0.050 MiB)"
      ))
  }

  /// Point 7: a slow steady rise is not stable. apps/creep appends to one log string, so memory
  /// rises by 3.3 MiB over 13 minutes on 211 MiB: under the 2% threshold, but all along.
  @Test func aSlowSteadyRiseIsNotStable() throws {
    let e = try entry(try TrendFiles.creep)
    let a = e.analysis
    // Was "stable: memory stays at 213.4 MiB (±2.01 MiB), no warm-up rise, no growth".
    #expect(a.verdict == .inconclusive && a.uncertainty == .uncertainRate)
    let fit = try #require(a.fit)
    // python3: Theil–Sen slope of all 155 samples 0.0215063202247191 MiB per sample, × 720 per
    // hour = 15.48; over the run 3.31 MiB.
    #expect(abs(fit.slope - 0.0215063202247191) < 1e-12)
    #expect(fit.test.pValue < 0.001 && fit.growthHigh < a.thresholdMiB)
    #expect(a.plateauMiB == nil && a.settledSample == nil)
    #expect(
      TrendHeadline(e).text.hasPrefix(
        "inconclusive: memory grows slightly (15.5 MiB/h, p < 0.001), perhaps within drift"))
  }

  /// Point 10: `ps -o rss=` integers are KiB, read as such with a warning (they were read as MiB,
  /// a 72 GiB process); point 9: without an interval the rate stays per 1,000 samples, with one it
  /// is per minute.
  @Test func psIntegersAreKiB() throws {
    let e = try entry(TrendFiles.psRss)
    // python3: first line 11252 → 11252 / 1024 = 10.98828125 MiB; median 73876 KiB.
    #expect(e.series.values.first == 10.98828125)
    #expect(e.series.inputUnit == .kibibytes && e.series.unitInferred)
    #expect(
      e.series.warnings.first?.message.hasPrefix(
        "the samples are integers around 73,876 with no decimal point, as 'ps -o rss=' prints KiB")
        == true)
    #expect(!e.series.intervalKnown)
    #expect(
      TrendEvidence.facts(e).first { $0.label == "read" }?.value.contains("read as KiB") == true)
    let perSample = try #require(TrendEvidence.facts(e).first { $0.label == "growth" })
    #expect(perSample.value.contains(" MiB per 1,000 samples (95% CI "))
    #expect(!perSample.value.contains("MiB/min") && !perSample.value.contains("MiB/h"))
    let timed = try entry(TrendFiles.psRss, .init(intervalSeconds: 1))
    #expect(timed.series.intervalKnown)
    let growth = try #require(TrendEvidence.facts(timed).first { $0.label == "growth" })
    #expect(growth.value.contains(" MiB/min (95% CI "))
  }

  /// Point 10: two derailed runs pasted into one file are two series, not one with a restart.
  @Test func pastedRunsAreSplit() throws {
    let pasted = try readSeries(TrendFiles.twoRunsStdout)
    // python3: 'PID:' on lines 2 and 47; 43 samples each (lines 3–45 and 48–90).
    #expect(pasted.count == 86 && pasted.runStarts == [43])
    #expect(pasted.warnings.map(\.line) == [46])
    let runs = pasted.splitRuns()
    #expect(runs.map(\.count) == [43, 43])
    #expect(runs.map { $0.preamble["PID"] } == ["22194", "22308"])
    #expect(runs.map { $0.run?.number } == [1, 2])
    #expect(runs[1].warnings.count == 1 && runs[0].warnings.isEmpty)
    let report = TrendReport(series: runs)
    #expect(
      report.entries.map(\.label) == ["two-runs-stdout.txt run 1", "two-runs-stdout.txt run 2"])
    #expect(report.entries.map(\.analysis.verdict) == [.leak, .leak])
    #expect(report.comparisons.isEmpty)
  }
}
