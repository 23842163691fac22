import MemReportCore
import MemReportTestSupport
import Testing

@testable import MemReportKit

@Suite("Icicle chart")
struct IcicleChartTests {
  /// Two rows of one file near Int64.max add up beyond it: the file's and the gem's rectangles
  /// are labelled with the largest Int64 instead of trapping (found by FuzzProfileParser).
  @Test func rowsSummingBeyondInt64AreClamped() throws {
    let text = """
      allocated memory by location
      -----------------------------------
      9223372036854775807  /app/a.rb:1
      9223372036854775807  /app/a.rb:2

      """
    let profile = try #require(try MemoryProfilerParser.parse(text: text).first)
    let chart = try #require(IcicleChart.make(profile))
    let svg = try chart.document()
    #expect(MarkupDocument.isWellFormed(svg))
    #expect(svg.contains("/app/a.rb: \(Units.bytes(.max))"))
  }
}
