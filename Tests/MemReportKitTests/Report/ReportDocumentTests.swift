import MemReportTestSupport
import Testing
@testable import MemReportKit
import MemReportCore

@Suite("ReportDocument: the report's words, built once")
struct ReportDocumentTests {
  func document(_ name: String, by key: AggregateKey? = nil) throws -> ReportDocument {
    let profile = try #require(try parseFile(TestFiles.sample(name)).first)
    let transform = ProfileTransform(filter: try FileFilter())
    return ReportDocument(transform.apply(to: profile), source: name, aggregateBy: key)
  }

  @Test func factsHeadlineAndTotalsComeFromOnePlace() throws {
    let d = try document("before.txt")
    #expect(d.title.hasPrefix("before.txt: report 1 (lines 1–"))
    #expect(d.facts.first?.label == "Produced by")
    #expect(d.facts.map(\.label).contains("Paths"))
    #expect(d.facts.last?.label == "Coverage")
    #expect(d.notes.first?.hasPrefix("paths: ") == true)
    #expect(d.totals.map(\.label) == ["Total allocated", "Total retained"])
    #expect(d.headline.contains(" allocated"))
    #expect(d.sections.allSatisfy { !$0.sentence.isEmpty })
    #expect(d.aggregates.isEmpty)
  }

  @Test func aggregatesAreWordedOnlyWhenAsked() throws {
    let d = try document("before.txt", by: .origin)
    #expect(!d.aggregates.isEmpty)
    #expect(
      d.aggregates.allSatisfy { $0.source.hasPrefix("from ") && $0.tableNote.hasPrefix("From ") })
  }

  /// Issue 10 point 4: the page said "App code: at least 0 B (0.0%)." on storefront.txt.
  @Test func headlineAppCodeComesFromTheMostCompleteList() throws {
    let d = try document("storefront.txt")
    #expect(d.headline.contains(" App code: 274 kB (7.7%; from the complete file list). "))
    #expect(d.origin?.note == "Bytes from the complete file list: exact.")
    #expect(d.origin?.label == "gems 2.53 MB, Ruby stdlib 661 kB, app 274 kB, other 112 kB")
    let cut = try document("storefront-top20.txt")
    #expect(cut.headline.contains(" App code: at least 251 kB (7.0%; from the file list). "))
    #expect(
      cut.origin?.note
        == "Bytes of each origin from the list that holds the most of it: gems from the gem list, Ruby stdlib from the gem list, app from the file list, other from the file list; values marked ≥ are lower bounds."
    )
  }

  @Test func rowNounsAndMoreLines() {
    #expect(ProfileWording.noun(.class, 1) == "class")
    #expect(ProfileWording.noun(.class, 2) == "classes")
    #expect(ProfileWording.noun(.location, 1) == "location")
    #expect(ProfileWording.noun(.gem, 0) == "gems")
    #expect(ReportDocument.moreLocations(1) == "1 more location")
    #expect(ReportDocument.moreStrings(2_900) == "2,900 more strings")
    #expect(ReportDocument.moreRowsHint(1_234) == "1,234 more rows: use top or format json.")
  }
}
