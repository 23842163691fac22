import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// Deltas checked by hand against the committed before/after samples (the Total lines and rows
/// of Samples/before.txt and Samples/after.txt).
@Suite("memreport diff: the analysis")
struct ProfileDiffTests {
  let normalize = ProfileTransform(filter: FileFilter.none)

  func load(_ sample: String) throws -> Profile {
    normalize.apply(to: try #require(try parseFile(TestFiles.sample(sample)).first))
  }

  func patch() throws -> LineMap {
    let input = try InputFile.open(TestFiles.sample("before-after.patch"))
    defer { input.close() }
    return LineMap(
      try UnifiedDiffParser.parse(
        String(decoding: try input.readAll(), as: UTF8.self), path: "patch"))
  }

  @Test func totalsOfTheBeforeAfterPair() throws {
    let diff = ProfileDiffBuilder.build(
      before: [try load("before.txt")], after: [try load("after.txt")])
    // Total allocated: 951056 bytes (17017 objects) → 569360 bytes (8019 objects)
    #expect(diff.total(.allocated, .memory)?.delta == -381_696)
    #expect(diff.total(.allocated, .objects)?.delta == -8_998)
    // Total retained: 246284 bytes (4056 objects) → 264984 bytes (4056 objects)
    #expect(diff.total(.retained, .memory)?.delta == 18_700)
    #expect(diff.total(.retained, .objects)?.delta == 0)
    let percent = try #require(diff.total(.allocated, .memory)?.deltaPercent)
    #expect(abs(percent - (-381_696.0 / 951_056 * 100)) < 1e-9)
    #expect(
      DiffDocument.verdict(diff)
        == "Allocated memory −382 kB (−40.1%), objects −8,998 (−52.9%); retained memory +18.7 kB (+7.6%), objects unchanged"
    )
  }

  @Test func movedLinesCompareAsTheSameLocationWithAPatch() throws {
    let options = DiffOptions(lineMap: try patch())
    let diff = ProfileDiffBuilder.build(
      before: [try load("before.txt")], after: [try load("after.txt")], options: options)
    let section = try #require(diff.section(.allocatedLocations))
    let changed = section.movers.map { "\($0.name) \($0.status.rawValue)" }
    // Only the edited line differs: `"repos/" + owner + ...` at 28 became one interpolation at 30.
    #expect(
      changed == ["workloads/app/models/repo.rb:28 gone", "workloads/app/models/repo.rb:30 new"])
    #expect(section.movers.map(\.delta) == [-646_080, 264_384])
    // before :12 (208,000 bytes) is after :14: the two lines added above it moved it.
    let moved = try #require(section.rows.first { $0.name == "workloads/app/models/repo.rb:14" })
    #expect(
      moved.status == .same && moved.before.median == 208_000 && moved.after.median == 208_000)
    #expect(diff.linesEdited == 1)
    #expect(diff.candidateMoves.isEmpty)
  }

  @Test func withoutAPatchMovesAreReportedAsCandidates() throws {
    let diff = ProfileDiffBuilder.build(
      before: [try load("before.txt")], after: [try load("after.txt")])
    #expect(
      diff.candidateMoves.map { "\($0.from) → \($0.to)" } == [
        "workloads/app/models/repo.rb:27 → workloads/app/models/repo.rb:29",
        "workloads/app/models/repo.rb:38 → workloads/app/models/repo.rb:40",
        "workloads/app/models/repo.rb:18 → workloads/app/models/repo.rb:20",
        "workloads/app/models/repo.rb:34 → workloads/app/models/repo.rb:36",
      ])
    #expect(diff.candidateMoves.first?.bytes == 24_120)
  }

  @Test func aReportAgainstItselfIsAllSame() throws {
    let profile = try load("default.txt")
    let diff = ProfileDiffBuilder.build(before: [profile], after: [profile])
    #expect(diff.totals.allSatisfy { $0.delta == 0 })
    #expect(diff.sections.count == 18)
    for section in diff.sections {
      #expect(section.rows.allSatisfy { $0.status == .same && $0.delta == 0 }, "\(section.title)")
    }
    #expect(diff.candidateMoves.isEmpty)
  }

  /// Two runs whose top-N lists differ leave keys unknown in one run; diffing that pair against
  /// itself showed them as `outside top N` against themselves. The same evidence is `same`.
  @Test func severalRunsAgainstThemselvesAreAllSame() throws {
    let runs = [try load("storefront-top20.txt"), try load("etl-before.txt")]
    let diff = ProfileDiffBuilder.build(before: runs, after: runs)
    let location = try #require(diff.section(.allocatedLocations))
    let etl = try #require(location.rows.first { $0.name == "workloads/lib/etl.rb:15" })
    #expect(!etl.before.isKnown)  // not in storefront-top20's top 20
    #expect(etl.status == .same)
    for section in diff.sections {
      #expect(section.rows.allSatisfy { $0.status == .same }, "\(section.title)")
    }
  }

  @Test func swappingSidesNegatesEveryDelta() throws {
    let before = try load("before.txt")
    let after = try load("after.txt")
    let forward = ProfileDiffBuilder.build(before: [before], after: [after])
    let backward = ProfileDiffBuilder.build(before: [after], after: [before])
    for (f, b) in zip(forward.totals, backward.totals) { #expect(f.delta == b.delta.map { -$0 }) }
    for (fs, bs) in zip(forward.sections, backward.sections) {
      let back = Dictionary(uniqueKeysWithValues: bs.rows.map { ($0.name, $0) })
      #expect(fs.rows.count == bs.rows.count)
      for row in fs.rows {
        let other = try #require(back[row.name])
        #expect(row.delta == -other.delta, "\(fs.title) \(row.name)")
        let swapped: [DiffStatus: DiffStatus] = [.new: .gone, .gone: .new]
        #expect(other.status == (swapped[row.status] ?? row.status))
      }
    }
  }

  @Test func unlistedKeysAreBoundsNotZero() throws {
    // The Allocated String Report is a top-50 list on both sides: a string printed before only is
    // "outside top N" after, with a bound (the after list's smallest count), not zero.
    let diff = ProfileDiffBuilder.build(
      before: [try load("before.txt")], after: [try load("after.txt")])
    let strings = try #require(diff.section(.strings(.allocated)))
    let row = try #require(strings.rows.first { $0.name == "\"repos/owner-0\"" })
    #expect(row.status == .outsideTopN)
    #expect(row.before.median == 177)
    #expect(row.after.isUnlisted)
    #expect(row.after.bound == 3)
    #expect(row.deltaRange.low == -177 && row.deltaRange.high == -174)
    #expect(row.deltaPercent == nil)
    #expect(DiffFormat.side(row.after, .objects) == "< 3")
  }

  @Test func severalRunsUseMediansAndRanges() throws {
    // default.txt (588,443 bytes) and scale-bytes.txt (≈588,440) are one profile printed two ways.
    let noise = ProfileDiffBuilder.build(
      before: [try load("default.txt"), try load("scale-bytes.txt")],
      after: [try load("raw-for-normalize.txt"), try load("colour.txt")])
    let total = try #require(noise.total(.allocated, .memory))
    #expect(total.before?.low == 588_440 && total.before?.high == 588_443)
    #expect(total.before?.median == 588_441.5)
    #expect(total.delta == 1.5)
    #expect(!total.isReal)  // ranges overlap: within noise
    let real = ProfileDiffBuilder.build(
      before: [try load("before.txt"), try load("before.txt")],
      after: [try load("after.txt"), try load("after.txt")])
    #expect(real.total(.allocated, .memory)?.isReal == true)
  }

  @Test func differentIterationCountsCompareEachIteration() throws {
    let profile = try load("perf-objects.txt")  // derailed: Running 5 times
    let diff = ProfileDiffBuilder.build(
      before: [profile], after: [profile], options: DiffOptions(iterationsAfter: 10))
    #expect(diff.perIteration?.before == 5 && diff.perIteration?.after == 10)
    // 323,455 bytes: 64,691 per iteration before, 32,345.5 after.
    #expect(diff.total(.allocated, .memory)?.before?.median == 64_691)
    #expect(diff.total(.allocated, .memory)?.delta == -32_345.5)
  }

  @Test func gateLimits() throws {
    let diff = ProfileDiffBuilder.build(
      before: [try load("after.txt")], after: [try load("before.txt")])
    #expect(try DiffGate(limit: "5%").evaluate(diff).passed == false)
    #expect(try DiffGate(limit: "100%").evaluate(diff).passed == true)
    #expect(try DiffGate(limit: "100kB").evaluate(diff).passed == false)
    #expect(try DiffGate(limit: "400 kB").evaluate(diff).passed == true)
    // retained fell
    #expect(try DiffGate(limit: "5%", metric: .retainedBytes).evaluate(diff).passed == true)
    #expect(try DiffGate(limit: "8000", metric: .allocatedObjects).evaluate(diff).passed == false)
    #expect(
      DiffDocument.gateMessage(try DiffGate(limit: "5%").evaluate(diff))
        == "allocated bytes grew by 382 kB (+67.0%), over the limit of +5%")
    #expect(throws: MemReportError.self) { try DiffGate(limit: "lots") }
    #expect(throws: MemReportError.self) { try DiffGate(limit: "5kB", metric: .allocatedObjects) }
  }
}

/// memory_profiler's scale_bytes picks the unit from the value and prints two decimals, so a
/// scaled value is exact to half a unit of its last digit.
@Suite("Rounding of scaled sizes")
struct ScaledRoundingUnitTests {
  @Test func halfALastDigit() throws {
    let scaled = try #require(try parseFile(TestFiles.sample("scale-bytes.txt")).first)
    #expect(scaled.metadata.scaledDecimals == 2)
    #expect(scaled.rounding(ofBytes: 588_440) == 5)  // 588.44 kB
    #expect(scaled.rounding(ofBytes: 2_280_000) == 5_000)  // 2.28 MB
    #expect(scaled.rounding(ofBytes: 999) == 0.005)  // 999.00 B
    #expect(scaled.rounding(ofBytes: 0) == 0)  // "0 B" is exact
    let exact = try #require(try parseFile(TestFiles.sample("default.txt")).first)
    #expect(exact.metadata.scaledDecimals == nil)
    #expect(exact.rounding(ofBytes: 588_443) == 0)
  }
}
