import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// What each committed sample holds, read off the sample files themselves (not from memreport's
/// output): totals, and per section the row count, first and last row and the sum of the values.
struct SampleExpectation: CustomStringConvertible, Sendable {
  struct SectionFacts: Sendable {
    var title: String
    var rows: Int
    var first: (String, Int64)
    var last: (String, Int64)
    var sum: Int64
    init(_ title: String, _ rows: Int, first: (String, Int64), last: (String, Int64), sum: Int64) {
      self.title = title
      self.rows = rows
      self.first = first
      self.last = last
      self.sum = sum
    }
  }
  var file: String
  var allocated: (Int64, Int64)
  var retained: (Int64, Int64)
  var sections: [SectionFacts]
  var allocatedStrings: (Int, first: String, count: Int64, locations: Int)?
  var retainedStrings: (Int, first: String, count: Int64, locations: Int)?
  var description: String { file }
}

@Suite("Committed samples parse exactly")
struct SampleParsingTests {
  @Test(arguments: expectations)
  func sampleParsesExactly(_ expected: SampleExpectation) throws {
    let profiles = try parseFile(TestFiles.sample(expected.file))
    #expect(profiles.count == 1)
    let profile = try #require(profiles.first)
    #expect(profile.totals.allocated.bytes == expected.allocated.0)
    #expect(profile.totals.allocated.objects == expected.allocated.1)
    #expect(profile.totals.retained.bytes == expected.retained.0)
    #expect(profile.totals.retained.objects == expected.retained.1)
    #expect(profile.sections.map(\.title.text) == expected.sections.map(\.title))
    for facts in expected.sections {
      let section = try #require(profile.section(facts.title))
      #expect(section.rows.count == facts.rows, "\(facts.title)")
      let first = try #require(section.rows.first)
      let last = try #require(section.rows.last)
      #expect(profile.name(of: first) == facts.first.0, "\(facts.title)")
      #expect(first.value == facts.first.1, "\(facts.title)")
      #expect(profile.name(of: last) == facts.last.0, "\(facts.title)")
      #expect(last.value == facts.last.1, "\(facts.title)")
      #expect(section.listedTotal == facts.sum, "\(facts.title)")
    }
    for (report, facts) in [
      (profile.allocatedStrings, expected.allocatedStrings),
      (profile.retainedStrings, expected.retainedStrings),
    ] {
      if let facts {
        let report = try #require(report)
        #expect(report.groups.count == facts.0)
        #expect(report.groups.first?.string == facts.first)
        #expect(report.groups.first?.count == facts.count)
        #expect(report.groups.first?.locations.count == facts.locations)
        // A group's count is the sum of its locations' counts in every real report.
        for group in report.groups {
          #expect(group.count == group.locations.reduce(0) { $0 + $1.count }, "\(group.string)")
        }
      } else {
        #expect(report == nil)
      }
    }
    // Real samples parse without a single warning.
    #expect(profile.warnings.isEmpty, "\(profile.warnings)")
  }

  @Test func scaledSampleIsMarkedApproximate() throws {
    let profile = try #require(try parseFile(TestFiles.sample("scale-bytes.txt")).first)
    #expect(profile.totals.allocated.bytesApproximate)
    #expect(profile.metadata.features.contains(.scaledTwoDecimals))
    #expect(profile.section("allocated memory by gem")?.approximate == true)
    #expect(profile.section("allocated objects by gem")?.approximate == false)
    // 588.44 kB printed; the exact figure in the plain twin is 588,443.
    #expect(profile.totals.allocated.bytes == 588_440)
  }

  @Test func featuresOfEachVariant() throws {
    func features(_ file: String) throws -> Set<VariantFeature> {
      try #require(try parseFile(TestFiles.sample(file)).first).metadata.features
    }
    #expect(
      try features("default.txt").isSuperset(of: [
        .bytesAndObjectsHeader, .sixteenSections, .allocatedStringReport, .retainedStringReport,
      ]))
    #expect(try features("normalize-paths.txt").contains(.normalizedPaths))
    #expect(try !features("raw-for-normalize.txt").contains(.normalizedPaths))
    #expect(try features("no-detailed.txt").contains(.notDetailed))
    #expect(try features("colour.txt").contains(.ansiColour))
    #expect(try !features("default.txt").contains(.ansiColour))
  }

  @Test func colourSampleEqualsPlainSample() throws {
    let plain = try #require(try parseFile(TestFiles.sample("default.txt")).first)
    let colour = try #require(try parseFile(TestFiles.sample("colour.txt")).first)
    #expect(plain.totals == colour.totals)
    for (a, b) in zip(plain.sections, colour.sections) {
      #expect(a.rows.map { plain.name(of: $0) } == b.rows.map { colour.name(of: $0) })
      #expect(a.rows.map(\.value) == b.rows.map(\.value))
    }
    #expect(
      plain.allocatedStrings?.groups.map(\.string) == colour.allocatedStrings?.groups.map(\.string))
  }

  @Test func derailedPreambleIsMetadata() throws {
    let profile = try #require(try parseFile(TestFiles.sample("perf-objects.txt")).first)
    #expect(profile.metadata.producer == .derailedPerfObjects)
    #expect(profile.metadata.iterations == 5)
    #expect(profile.metadata.preamble["Endpoint"] == "/")
    #expect(profile.metadata.firstLine == 3)
  }

  @Test func hostileStringsKeepTheirPrintedForm() throws {
    let profile = try #require(try parseFile(TestFiles.sample("hostile-strings.txt")).first)
    let strings = profile.allocatedStrings?.groups.map(\.string) ?? []
    #expect(strings.contains("\"<script>alert(1)</script>\""))
    #expect(strings.contains("\"\\xFF\\xFE abc\""))
    // A file name with a colon, quotes and markup splits on its last colon.
    let rows = profile.section("retained memory by location")?.rows ?? []
    let odd = try #require(rows.last)
    #expect(profile.names[odd.nameID] == "weird dir/<b>odd</b> & \"q\" 'file':name.rb")
    #expect(odd.line == 2)
  }

  @Test func topThousandsOfRowsAreKept() throws {
    let profile = try #require(try parseFile(TestFiles.sample("top3000.txt")).first)
    let section = try #require(profile.section("allocated memory by location"))
    #expect(section.rows.count == 3000)
    #expect(section.cutoff == 251)
    // 3,000 rows are not all of the 8,000 allocations: the list is cut off.
    #expect(!section.isComplete(total: profile.totals.allocated.bytes))
    let files = try #require(profile.section("allocated memory by file"))
    #expect(files.isComplete(total: profile.totals.allocated.bytes))
  }
}
