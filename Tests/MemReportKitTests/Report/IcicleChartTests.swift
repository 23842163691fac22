import MemReportCore
import MemReportTestSupport
import Testing

@testable import MemReportKit

@Suite("Icicle chart")
struct IcicleChartTests {
  /// Rows of one file at the parser's limit (2^53) add up beyond Int64: the file's and the gem's
  /// rectangles are labelled with the largest Int64 instead of trapping (found by
  /// FuzzProfileParser with two Int64.max rows, which the parser now skips).
  @Test func rowsSummingBeyondInt64AreClamped() throws {
    let rows = (1...1_100).map { "9007199254740992  /app/a.rb:\($0)" }
    let text =
      "allocated memory by location\n-----------------------------------\n"
      + rows.joined(separator: "\n") + "\n\n"
    let profile = try #require(try MemoryProfilerParser.parse(text: text).first)
    let chart = try #require(IcicleChart.make(profile))
    let svg = try chart.document()
    #expect(MarkupDocument.isWellFormed(svg))
    #expect(svg.contains("/app/a.rb: \(Units.bytes(.max))"))
  }
}
