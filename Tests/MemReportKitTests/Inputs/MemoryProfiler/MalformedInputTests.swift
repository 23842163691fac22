import Foundation
import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// One hand-written fixture per real-world paste problem (formats.md §6), each asserting what was
/// read, what was skipped, and the line each warning names.
@Suite("Malformed and pasted input")
struct MalformedInputTests {
  func parse(_ name: String) throws -> [Profile] {
    try parseFile(TestFiles.fixture("malformed/\(name)"))
  }

  @Test func pasteNoiseIsSkippedWithWarningsAndPreambleKept() throws {
    let profiles = try parse("paste-noise.txt")
    #expect(profiles.count == 1)
    let p = try #require(profiles.first)
    #expect(p.totals.allocated == TotalAmount(bytes: 2050, objects: 40))
    #expect(p.metadata.producer == .derailedPerfObjects)
    #expect(p.metadata.iterations == 10)
    #expect(p.metadata.preamble["Booting"] == "production")
    #expect(p.metadata.preamble["Endpoint"] == "/repos")
    #expect(p.warned(line: 1, containing: "Markdown heading"))
    #expect(p.warned(line: 3, containing: "shell prompt or command"))
    #expect(p.warned(line: 7, containing: "code fence"))
    #expect(p.warned(line: 17, containing: "elision"))
    #expect(p.warned(line: 18, containing: "Ruby warning"))
    #expect(
      p.warned(line: 19, containing: "read this line as the title 'allocated objects by gem'"))
    #expect(p.warned(line: 23, containing: "code fence"))
    #expect(p.warned(line: 24, containing: "shell prompt"))
    #expect(p.warnings.count == 8)
    // `## allocated memory by gem` without dashes is still the gem section.
    #expect(p.rowNames("allocated memory by gem") == ["activesupport-6.1.7", "myapp/app"])
    #expect(p.section("allocated memory by file")?.incomplete == true)
    #expect(p.section("allocated objects by gem")?.rows.map(\.value) == [30, 10])
    #expect(
      p.metadata.features.isSuperset(of: [.markdown, .elisions, .shellNoise, .titleWithoutDashes]))
  }

  @Test(arguments: ["crlf-tabs-nbsp.txt", "bom.txt"])
  func lineEndingsTabsAndSpacesAreUndone(_ name: String) throws {
    let p = try #require(try parse(name).first)
    #expect(p.totals.allocated == TotalAmount(bytes: 1200, objects: 30))
    #expect(p.totals.retained == TotalAmount(bytes: 40, objects: 1))
    #expect(p.rowNames("allocated memory by gem") == ["myapp/app", "rack-2.2.4"])
    #expect(p.section("allocated memory by gem")?.rows.map(\.value) == [1000, 200])
    #expect(
      p.rowNames("allocated memory by location") == [
        "/srv/myapp/app/models/user.rb:12", "/srv/gems/rack-2.2.4/lib/rack/utils.rb:511",
      ])
    #expect(p.warnings.isEmpty, "\(p.warnings)")
    #expect(p.metadata.features.isSuperset(of: [.crlf, .tabs, .nonBreakingSpaces]))
    if name == "bom.txt" { #expect(p.metadata.features.contains(.byteOrderMark)) }
  }

  @Test func severalReportsInOneFile() throws {
    let profiles = try parse("multiple-reports.txt")
    #expect(profiles.count == 3)
    #expect(profiles.map(\.metadata.index) == [1, 2, 3])
    #expect(profiles[0].totals.allocated.bytes == 100)
    #expect(profiles[0].rowNames("allocated memory by gem") == ["first/app"])
    #expect(profiles[1].totals.allocated.bytes == 300)
    #expect(
      profiles[1].sections.map(\.title.text) == [
        "allocated memory by gem", "allocated memory by class",
      ])
    // The repeated title starts a third report, without a header.
    #expect(profiles[2].totals.line == nil)
    #expect(profiles[2].rowNames("allocated memory by gem") == ["third/app"])
    #expect(profiles[2].warned(line: 19, containing: "no 'Total allocated' header"))
    #expect(profiles[1].warned(line: 19, containing: "appears again"))
  }

  @Test func reportWithoutHeaderIsReadWithAWarning() throws {
    let p = try #require(try parse("headerless.txt").first)
    #expect(p.totals.allocated.bytes == nil)
    #expect(p.metadata.features.contains(.headerless))
    #expect(p.warned(line: 1, containing: "not part of a memory_profiler report"))
    #expect(p.warned(line: 3, containing: "no 'Total allocated' header"))
    #expect(p.section("allocated memory by location")?.rows.map(\.value) == [65050, 48268])
    #expect(p.section("allocated objects by location")?.rows.map(\.value) == [720])
  }

  @Test func truncatedLastLineIsSkippedAndSectionMarkedIncomplete() throws {
    let p = try #require(try parse("truncated.txt").first)
    #expect(
      p.rowNames("allocated memory by location") == [
        "/srv/app/models/a.rb:1", "/srv/app/models/b.rb:2",
      ])
    #expect(p.section("allocated memory by location")?.incomplete == true)
    #expect(p.warned(line: 8, containing: "truncated paste"))
    #expect(p.metadata.features.contains(.truncated))
  }

  @Test(arguments: [("heap-profiler.txt", 4), ("heap-profiler-strings.txt", 10)])
  func heapProfilerOutputIsNamedAndRejected(_ name: String, _ line: Int) throws {
    let error = #expect(throws: MemReportError.self) { try parse(name) }
    guard case .unusableInput(_, let errorLine, let reason) = error else {
      Issue.record("expected unusableInput, got \(String(describing: error))")
      return
    }
    #expect(errorLine == line)
    #expect(reason.contains("heap-profiler"))
  }

  @Test func legacyRowsAndObjectsOnlyHeader() throws {
    let p = try #require(try parse("legacy-0.0.x.txt").first)
    #expect(p.totals.allocated == TotalAmount(bytes: nil, objects: 82375))
    #expect(p.totals.retained == TotalAmount(bytes: nil, objects: 22618))
    #expect(p.rowNames("allocated memory by gem") == ["rubygems", "activesupport-3.2.12"])
    #expect(p.section("allocated memory by gem")?.rows.map(\.value) == [2_006_760, 1_040_424])
    let location = try #require(p.section("allocated memory by location")?.rows.first)
    #expect(p.names[location.nameID] == "/usr/lib/ruby/2.0.0/rubygems/specification.rb")
    #expect(location.line == 1460)
    let strings = try #require(p.retainedStrings)
    #expect(strings.groups.map(\.string) == ["\"hello\"", "\"world\""])
    #expect(strings.groups.first?.locations.map(\.count) == [20, 2])
    #expect(p.metadata.features.isSuperset(of: [.legacyRows, .objectsOnlyHeader]))
    #expect(p.warnings.isEmpty, "\(p.warnings)")
  }

  @Test func twelveSectionColonlessReportWithEmptySections() throws {
    let p = try #require(try parse("colonless-0.9.2.txt").first)
    #expect(p.totals.allocated.objects == 1237)
    #expect(p.sections.count == 12)
    #expect(p.metadata.features.isSuperset(of: [.twelveSections, .objectsOnlyHeader]))
    // Before 0.9.5 an empty section is its title and dashes only.
    #expect(p.section("retained objects by gem")?.noData == true)
    #expect(p.section("retained memory by gem")?.noData == false)
    #expect(p.retainedStrings?.groups.first?.count == 4)
    #expect(p.warnings.isEmpty, "\(p.warnings)")
  }

  @Test func roundedScaleBytesOf0_9_13() throws {
    let p = try #require(try parse("scaled-rounded.txt").first)
    #expect(
      p.totals.allocated == TotalAmount(bytes: 421_400_000, objects: 1000, bytesApproximate: true))
    #expect(p.totals.retained.bytes == 0)
    #expect(
      p.section("allocated memory by gem")?.rows.map(\.value) == [
        421_400_000, 1_000_000, 7700, 40, 0,
      ])
    #expect(p.metadata.features.contains(.scaledRounded))
  }

  @Test func locationsSplitOnTheLastColon() throws {
    let p = try #require(try parse("locations.txt").first)
    let rows = try #require(p.section("allocated memory by location")?.rows)
    let split = rows.map { (p.names[$0.nameID], $0.line) }
    #expect(
      split.map(\.0) == [
        "(eval at /srv/app/a.rb:3)", "C:/Ruby26-x64/lib/ruby/2.6.0/x.rb", "<internal:kernel>",
        "/gems/json-2.6.1/lib/json/ext/parser.so", "(no name)",
        "D:/Program Files/my app/app/x y.rb", "(eval)",
      ])
    #expect(split.map(\.1) == [12, 4, 90, 0, Row.emptyLine, 7, Row.noLine])
    // Names rebuild exactly as printed.
    #expect(
      rows.map { p.name(of: $0) } == [
        "(eval at /srv/app/a.rb:3):12", "C:/Ruby26-x64/lib/ruby/2.6.0/x.rb:4",
        "<internal:kernel>:90",
        "/gems/json-2.6.1/lib/json/ext/parser.so:0", "(no name):",
        "D:/Program Files/my app/app/x y.rb:7", "(eval)",
      ])
  }

  @Test func noDataSections() throws {
    let p = try #require(try parse("no-data.txt").first)
    #expect(p.sections.count == 16)
    #expect(p.sections.allSatisfy { $0.noData && $0.rows.isEmpty })
    #expect(p.totals.allocated == TotalAmount(bytes: 0, objects: 0))
    #expect(p.warnings.isEmpty)
    let s = try #require(p.sections.first)
    #expect(s.value(ofNameID: 0, total: 0) == .absent)
  }

  @Test func missingHeaderNumbersAreUnknown() throws {
    let p = try #require(try parse("nil-header.txt").first)
    #expect(p.totals.allocated == TotalAmount())
    #expect(p.totals.retained == TotalAmount())
    #expect(p.metadata.features.contains(.emptyHeader))
  }

  @Test func notesAndSideBySideTables() throws {
    let p = try #require(try parse("side-by-side.txt").first)
    #expect(
      p.rowNames("allocated memory by file") == [
        "/srv/app/models/repo.rb", "/srv/app/models/user.rb",
      ])
    #expect(p.warned(line: 6, containing: "dropped a note"))
    #expect(p.warned(line: 8, containing: "two count columns"))
  }

  @Test func invalidUTF8IsReadLeniently() throws {
    let p = try #require(try parse("invalid-utf8.txt").first)
    #expect(p.rowNames("allocated memory by file") == ["/srv/app/caf\\xE9.rb"])
    #expect(p.allocatedStrings?.groups.first?.string == "\"\\xFF\\xFE raw\"")
    #expect(p.warned(line: 10, containing: "a string value is not valid UTF-8"))
    #expect(p.warned(line: 6, containing: "a name is not valid UTF-8"))
    #expect(p.metadata.features.contains(.invalidUTF8))
  }

  /// Samples/default.txt pasted with three stdlib rows of its file section removed by hand: six
  /// rows, fewer than the 50 of the location lists, yet 32.4% of the total. Not a complete list.
  @Test func aTrimmedPasteIsNeverACompleteList() throws {
    let profile = try #require(try parse("trimmed-paste.txt").first)
    let files = try #require(profile.section("allocated memory by file"))
    #expect(files.rows.count == 6)
    #expect(files.trimmed)
    #expect(!profile.isListComplete(files))
    let coverage = SectionCoverage(section: files, in: profile)
    #expect(!coverage.complete && coverage.trimmed)
    #expect(
      ProfileWording.coverage(coverage, of: files)
        == "6 files listed: 32.4% of 588 kB allocated (trimmed: rows are missing, so this is not the complete list)"
    )
    // An untrimmed short list of the same paste still adds up: complete.
    let gems = try #require(profile.section("allocated memory by gem"))
    #expect(!gems.trimmed && profile.isListComplete(gems))
    // A trimmed key is unknown, at most the list's smallest row, never zero.
    let erb = try #require(
      try parse("../../../../Samples/default.txt").first?.section("allocated memory by file")?.rows
        .first)
    #expect(files.value(ofNameID: erb.nameID, total: profile.total(for: files.title)) != .absent)
  }

  @Test(arguments: [
    ("not-a-report.json", "JSON"), ("series.txt", "memory-over-time series"),
  ])
  func inputsThatAreNotReports(_ name: String, _ reason: String) throws {
    let error = #expect(throws: MemReportError.self) { try parse(name) }
    if case .unusableInput = error {
    } else {
      Issue.record("expected unusable input, got \(String(describing: error))")
    }
    #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
    #expect(error?.description.hasPrefix(TestFiles.fixture("malformed/\(name)") + ":1: ") == true)
  }

  @Test func sectionValuesAreBoundsNotZero() throws {
    let p = try #require(try parseFile(TestFiles.sample("default.txt")).first)
    let section = try #require(p.section("allocated memory by location"))
    let total = p.totals.allocated.bytes
    let listed = try #require(section.rows.first)
    #expect(
      section.value(ofNameID: listed.nameID, line: listed.line, total: total) == .listed(65050))
    let unlisted = try #require(p.names.id(of: "/usr/lib/ruby/3.1.0/set.rb"))
    #expect(section.value(ofNameID: unlisted, line: 1, total: total) == .unlisted(atMost: 1200))
    #expect(section.cutoff == 1200)
  }
}

@Suite("Warning excerpts")
struct WarningExcerptTests {
  func warnings(_ text: String) throws -> [String] {
    let profiles = try MemoryProfilerParser.parse(text: text)
    return profiles.flatMap(\.warnings).map(\.message)
  }

  /// A 2-byte character across the 80-byte cut showed as U+FFFD.
  @Test func anExcerptNeverCutsAUTF8Character() throws {
    let line = String(repeating: "y", count: 79) + "é and more"
    let messages = try warnings("Total allocated: 100 bytes (1 objects)\n\(line)\n")
    let message = try #require(messages.first { $0.contains("yyy") })
    #expect(!message.contains("\u{FFFD}"))
    #expect(message.hasSuffix(String(repeating: "y", count: 79) + "…'"))
    // Three- and four-byte characters too.
    for char in ["日", "🙂"] {
      let long = String(repeating: "z", count: 79) + char + "tail"
      let m = try warnings("Total allocated: 100 bytes (1 objects)\n\(long)\n")
      #expect(m.allSatisfy { !$0.contains("\u{FFFD}") })
    }
  }

  @Test func anExcerptShowsC1ControlsAsSpaces() throws {
    let messages = try warnings("Total allocated: 100 bytes (1 objects)\nprose \u{9B}31m here\n")
    #expect(messages.contains { $0.hasSuffix("'prose  31m here'") })
  }
}

/// `yes | memreport report -` read forever. Past a run of blank or unrelated lines the parser
/// stops: an error when no report came first, else the report read so far with a warning.
@Suite("Endless reports")
struct EndlessReportTests {
  @Test func noReportIsAnError() throws {
    let text = String(repeating: "y\n", count: 40)
    #expect(
      throws: MemReportError.unusableInput(
        path: "-", line: 31,
        reason:
          "no memory_profiler report in the first 30 lines (an endless or unrelated stream): stopped reading"
      )
    ) { try MemoryProfilerParser.parse(text: text, path: "-", idleLineLimit: 30) }
  }

  @Test func aReportThenJunkKeepsTheReport() throws {
    let report = try String(contentsOfFile: TestFiles.sample("default.txt"), encoding: .utf8)
    let lines = report.utf8.filter { $0 == 0x0A }.count  // 654
    let profiles = try MemoryProfilerParser.parse(
      text: report + String(repeating: "\n", count: 40) + String(repeating: "y\n", count: 40)
        + report, path: "-", idleLineLimit: 60)
    // The second report comes after 80 idle lines: never read.
    #expect(profiles.count == 1)
    let p = try #require(profiles.first)
    #expect(p.totals.allocated.bytes == 588_443)
    #expect(
      p.warnings.last
        == ParseWarning(
          line: lines + 60,
          message:
            "stopped reading: the last 60 lines held no report (an endless or unrelated stream)"))
  }
}
