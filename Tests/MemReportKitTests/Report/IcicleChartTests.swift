import MemReportCore
import MemReportTestSupport
import Testing

@testable import MemReportKit

@Suite("Icicle chart")
struct IcicleChartTests {
  /// Rows at the parser's limit (2^53) add up beyond Int64: the sum is the largest Int64 instead
  /// of a trap (found by
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
    // 1,000 rows are drawn (9.0e18 bytes, under Int64.max); all 1,100 listed add up beyond it.
    #expect(svg.contains("listed locations (\(Units.bytes(.max)))"))
  }

  /// The chart drew every row whatever `--top` said: 1 M rows made 2.96 GB and a page of 200,013
  /// rectangles per 100 k rows. The largest 1,000 locations are drawn, the rest are one band, and
  /// nothing narrower than a tenth of a pixel is drawn.
  @Test func sizeDoesNotGrowWithRows() throws {
    func rects(_ count: Int) throws -> (rects: Int, svg: String) {
      let rows = (1...count).map {
        "\(1_000_000 / $0 + 1)  /app/gems/g\($0 % 50)-1.0/lib/f\($0 % 700).rb:\($0)"
      }
      let text =
        "allocated memory by location\n-----------------------------------\n"
        + rows.joined(separator: "\n") + "\n\n"
      let profile = try #require(try MemoryProfilerParser.parse(text: text).first)
      let svg = try #require(IcicleChart.make(profile)).document()
      #expect(MarkupDocument.isWellFormed(svg))
      return (svg.components(separatedBy: "<rect").count - 1, svg)
    }
    let (small, _) = try rects(2_000)
    let (large, svg) = try rects(40_000)
    #expect(large <= small)
    #expect(large < 2_000)
    #expect(svg.contains("39,000 smaller locations"))
    // The description still counts every listed location.
    #expect(svg.contains("for the 40,000 listed locations"))
  }
}
