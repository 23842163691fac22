import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

@Suite("Headers, preambles and colour codes")
struct HeaderAndPreambleTests {
  func parse(_ text: String) throws -> Profile {
    try #require(try MemoryProfilerParser.parse(text: text).first)
  }

  @Test func unlabelledHeaderOfAnUnreleasedBuild() throws {
    let p = try parse("Total allocated 41181580 (221034)\nTotal retained 1000 (10)\n")
    #expect(p.totals.allocated == TotalAmount(bytes: 41_181_580, objects: 221_034))
    #expect(p.totals.retained == TotalAmount(bytes: 1000, objects: 10))
    #expect(p.metadata.features.contains(.unlabelledHeader))
  }

  @Test func extraSpacesTypedIntoTheHeader() throws {
    let p = try parse("Total allocated:  24.84 MB (1 objects)\nTotal retained:   0 B (0 objects)\n")
    #expect(
      p.totals.allocated == TotalAmount(bytes: 24_840_000, objects: 1, bytesApproximate: true))
  }

  @Test func literalCaretEscapesFromRenderedPastes() throws {
    let text = """
      Total allocated: 100 bytes (1 objects)
      Total retained:  0 bytes (0 objects)

      allocated memory by gem
      ^[[36m-----------------------------------^[[0m
      ^[[34m       100^[[0m  myapp/app
      """
    let p = try parse(text + "\n")
    #expect(p.rowNames("allocated memory by gem") == ["myapp/app"])
    #expect(p.metadata.features.contains(.ansiColour))
    #expect(p.warnings.isEmpty, "\(p.warnings)")
  }

  @Test func bundleObjectsPreamble() throws {
    let text = """
      Measuring objects created by gems in groups [:default, "production"]
      Total allocated: 100 bytes (1 objects)
      Total retained:  0 bytes (0 objects)

      """
    let p = try parse(text)
    #expect(p.metadata.producer == .derailedBundleObjects)
    #expect(p.metadata.preamble["Gem groups"] == "[:default, \"production\"]")
    #expect(p.metadata.features.contains(.derailedPreamble))
  }

  @Test func perfObjectsPreambleOfDerailed2() throws {
    let text = """
      Booting: production
      Database 'foo_development' already exists
      Method: GET
      Endpoint: "/users"
      Warming up app: 3 times
      Running 25 times
      Total allocated: 251707 bytes (5728 objects)
      Total retained:  40040 bytes (1001 objects)

      """
    let p = try parse(text)
    #expect(p.metadata.iterations == 25)
    #expect(p.metadata.warmupIterations == 3)
    #expect(
      p.metadata.preamble == ["Booting": "production", "Method": "GET", "Endpoint": "/users"])
    #expect(p.warned(line: 2, containing: "not part of a memory_profiler report"))
    #expect(p.metadata.firstLine == 7)
  }

  @Test func preambleOfTheSecondRunBelongsToTheSecondReport() throws {
    let text = """
      Running 1 times
      Total allocated: 100 bytes (1 objects)
      Total retained:  0 bytes (0 objects)
      Running 10 times
      Total allocated: 1000 bytes (10 objects)
      Total retained:  0 bytes (0 objects)

      """
    let profiles = try MemoryProfilerParser.parse(text: text)
    #expect(profiles.map(\.metadata.iterations) == [1, 10])
    #expect(profiles.map(\.totals.allocated.bytes) == [100, 1000])
  }

  @Test func indentedAndMarkdownTitles() throws {
    let text = """
      Total allocated: 100 bytes (1 objects)
      Total retained:  0 bytes (0 objects)
      \t- allocated memory by class:
             100  String
      ### retained memory by class
             40  Hash
      """
    let p = try parse(text + "\n")
    #expect(p.rowNames("allocated memory by class") == ["String"])
    #expect(p.rowNames("retained memory by class") == ["Hash"])
    #expect(p.metadata.features.isSuperset(of: [.markdown, .titleWithoutDashes]))
  }

  @Test func emptyStringReportTitleOf0_9_13() throws {
    let text = """
      Total allocated: 100 bytes (1 objects)
      Total retained:  0 bytes (0 objects)

      Retained String Report
      -----------------------------------

      """
    let p = try parse(text)
    #expect(p.retainedStrings?.groups.isEmpty == true)
    #expect(p.warnings.isEmpty)
  }

  @Test func stringGroupsWithoutBlankSeparators() throws {
    let text = """
      Total allocated: 100 bytes (5 objects)
      Total retained:  0 bytes (0 objects)

      Allocated String Report
      -----------------------------------
               3  "a"
               2  /app/a.rb:1
               1  /app/b.rb:2
               2  ""
               2  /app/c.rb:3

      """
    let p = try parse(text)
    let groups = try #require(p.allocatedStrings?.groups)
    #expect(groups.map(\.string) == ["\"a\"", "\"\""])
    #expect(groups.map(\.count) == [3, 2])
    #expect(groups.map { $0.locations.map(\.count) } == [[2, 1], [2]])
    #expect(p.warnings.isEmpty)
  }

  @Test func groupCountThatDisagreesWithItsLocationsIsWarned() throws {
    let text = """
      Total allocated: 100 bytes (5 objects)
      Total retained:  0 bytes (0 objects)

      Allocated String Report
      -----------------------------------
               9  "a"
               2  /app/a.rb:1

      """
    let p = try parse(text)
    #expect(p.warned(line: 6, containing: "differs from the sum of its locations (2)"))
  }
}
