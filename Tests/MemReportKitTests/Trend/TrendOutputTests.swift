import Foundation
import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// The libxml2 writer and the four trend outputs.
@Suite("Trend outputs: XML writer, SVG chart, JSON, Markdown, text")
struct TrendOutputTests {
  /// The real leak, and with `both` the real plateau too (compared with the leak as baseline when
  /// `compared`, else independent).
  func realReport(limit: Double? = nil, both: Bool = false, compared: Bool = true) throws
    -> TrendReport
  {
    var list = [try readSeries(try TrendFiles.leak)]
    if both { list.append(try readSeries(try TrendFiles.plateau)) }
    return TrendReport(series: list, limitMiB: limit, baseline: both && compared ? 0 : nil)
  }

  func render(_ writer: some TrendWriter, _ report: TrendReport) throws -> String {
    var out = ""
    try writer.write(report, into: &out)
    return out
  }

  @Test func xmlWriterEscapesThroughLibxml2() throws {
    let xml = try XMLWriter(indent: false)
    xml.startDocument()
    xml.startElement("svg")
    xml.attribute("xmlns", "http://www.w3.org/2000/svg")
    xml.attribute("data-x", "a \"quoted\" <b> & 'c'")
    xml.element("title", ["id": "t"], text: "1 < 2 && 3 > 2 \u{1}\u{FFFE} é ✓")
    xml.comment("a -- b -")
    xml.element("g")
    xml.endElement()
    let text = try xml.finish()
    #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg"))
    #expect(text.contains("data-x=\"a &quot;quoted&quot; &lt;b&gt; &amp; 'c'\""))
    #expect(
      text.contains("<title id=\"t\">1 &lt; 2 &amp;&amp; 3 &gt; 2 \u{FFFD}\u{FFFD} é ✓</title>"))
    #expect(text.contains("<!--a - - b - -->"))
    #expect(text.contains("<g/>"))
    #expect(MarkupDocument.isWellFormed(text))
  }

  @Test func xmlWriterReportsMisuse() throws {
    let xml = try XMLWriter()
    xml.startDocument()
    xml.endElement()
    #expect(throws: MemReportError.self) { try xml.finish() }
  }

  @Test func chartScaleUsesRoundSteps() {
    let y = TrendChartScale(minimum: 0, maximum: 1204.46484375, targetTicks: 5)
    #expect(y.step == 500 && y.ticks == [0, 500, 1000, 1500])
    #expect(y.ticks.map(y.label) == ["0", "500", "1,000", "1,500"])
    let x = TrendChartScale(minimum: 0, maximum: 49757, targetTicks: 7)
    #expect(x.ticks.map(x.label) == ["0", "10k", "20k", "30k", "40k", "50k"])
    let small = TrendChartScale(minimum: 221.9, maximum: 224.3, targetTicks: 5)
    #expect(small.step == 0.5 && small.label(222.5) == "222.5")
    #expect(TrendChartScale.niceStep(0.003) == 0.005 && TrendChartScale.niceStep(7142) == 10000)
    let one = TrendChartScale(minimum: 100, maximum: 100)
    #expect(one.lower < 100 && one.upper > 100)
  }

  @Test func svgChartOfTheRealLeak() throws {
    let svg = try TrendSVGWriter().svg(try realReport(limit: 512))
    #expect(MarkupDocument.isWellFormed(svg))
    #expect(
      svg.contains(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"400\" viewBox=\"0 0 800 400\""
      ))
    #expect(svg.contains("<title id=\"chart-title\">Memory over time: leak</title>"))
    #expect(svg.contains("<desc id=\"chart-desc\">"))
    #expect(svg.contains(">Memory (MiB)</text>"))
    #expect(svg.contains(">Requests</text>"))  // TEST_COUNT is in the file name
    #expect(svg.contains(">10k</text>") && svg.contains(">1,000</text>"))
    #expect(svg.contains("stroke-dasharray=\"7 7\""))  // the fitted tail trend
    #expect(svg.contains(">limit 512 MiB</text>") && svg.contains("stroke=\"#C62828\""))
    #expect(svg.contains("<title>warm-up of "))  // the shaded warm-up
    #expect(!svg.contains("warm-up (shaded)"))  // no legend for one series
    #expect(!svg.contains("http://") || !svg.contains("href"))  // nothing loaded from outside
    // One polyline point per sample.
    let points = try #require(
      svg.split(separator: "points=\"").dropFirst().first?.split(separator: "\"").first)
    #expect(points.split(separator: " ").count == 206)
  }

  @Test func svgOverlayOfSeveralSeriesHasALegend() throws {
    let svg = try TrendSVGWriter().svg(try realReport(both: true))
    #expect(MarkupDocument.isWellFormed(svg))
    #expect(svg.contains("<title id=\"chart-title\">Memory over time: leak vs bloat</title>"))
    #expect(svg.contains(">leak — leak</text>"))
    #expect(svg.contains(">plateau — bloat</text>"))
    let independent = try TrendSVGWriter().svg(try realReport(both: true, compared: false))
    #expect(independent.contains("<title id=\"chart-title\">Memory over time: leak, bloat</title>"))
    #expect(!independent.contains("gone") && !independent.contains(" vs "))
    #expect(svg.contains(">warm-up (shaded)</text>"))
    #expect(svg.contains("stroke=\"#0072B2\"") && svg.contains("stroke=\"#E69F00\""))
    #expect(svg.components(separatedBy: "<polyline").count == 3)
  }

  @Test func svgWithoutTestCountCountsSamplesAndSurvivesHostileNames() throws {
    let hostile = "weird <dir> & \"q\" 'x' | `y` \u{1}/series [1].txt"
    let s = series(Shapes.leak(60, base: 100, rate: 1, sigma: 0.2, seed: 1), source: hostile)
    let report = TrendReport(
      series: [
        s, series(Shapes.leak(60, base: 100, rate: 0, sigma: 0.2, seed: 2), source: "b.txt"),
      ], limitMiB: 5000)
    let svg = try TrendSVGWriter().svg(report)
    #expect(MarkupDocument.isWellFormed(svg))
    #expect(svg.contains(">Sample (every 5 s)</text>"))
    #expect(svg.contains("limit 5,000 MiB: above the chart"))
    #expect(svg.contains("weird &lt;dir&gt; &amp; &quot;q&quot;"))
    let md = try render(TrendMarkdownWriter(), report)
    // The name is a code span (never HTML on GitHub) with its `|` escaped for the table.
    #expect(md.contains("| ``weird <dir> & \"q\" 'x' \\| `y` "))
    for line in md.split(separator: "\n") where line.hasPrefix("| ") {
      // Every table row has the header's number of unescaped cell separators.
      let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
      #expect(cells == 8, "\(line)")
    }
  }

  @Test func jsonFollowsTheSchema() throws {
    let text = try render(TrendJSONWriter(), try realReport(limit: 512, both: true))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(json["schemaVersion"] as? Int == 1)
    #expect(json["limitMiB"] as? Double == 512)
    let list = try #require(json["series"] as? [[String: Any]])
    #expect(list.count == 2)
    let leak = list[0]
    for key in [
      "source", "samples", "unit", "testCount", "verdict", "warmupSamples", "plateauMiB",
      "slopeMiBPer1000Samples", "slopeCI95", "trendPValue", "projection", "explanation",
    ] {
      #expect(leak.keys.contains(key), "\(key)")
    }
    #expect(leak["samples"] as? Int == 206)
    #expect(leak["unit"] as? String == "MiB")
    #expect(leak["testCount"] as? Int == 50000)
    #expect(leak["verdict"] as? String == "leak")
    #expect(leak["warmupSamples"] as? Int == 3)
    #expect(leak["plateauMiB"] is NSNull)
    // 5.651393581081081 MiB per sample (see TrendClassifierTests), rounded to 6 decimals.
    #expect(leak["slopeMiBPer1000Samples"] as? Double == 5651.393581)
    let ci = try #require(leak["slopeCI95"] as? [Double])
    #expect(ci.count == 2 && ci[0] < 5651.39 && ci[1] > 5651.39)
    #expect((leak["trendPValue"] as? Double ?? 1) < 1e-6)
    let projection = try #require(leak["projection"] as? [String: Any])
    #expect(projection["reachedAtSample"] as? Int == 84)
    #expect(projection["samplesToLimit"] is NSNull)
    #expect(leak["slopeMiBPer1000Requests"] as? Double != nil)
    let plateau = list[1]
    #expect(plateau["verdict"] as? String == "bloat")
    #expect(plateau["plateauMiB"] as? Double == 224.244141)
    #expect(plateau["warmupSamples"] as? Int == 40)
    #expect(plateau["settledSample"] as? Int == 40)
    #expect(plateau["plateauWindow"] as? [Int] == [173, 204])
    #expect(plateau["residualTrend"] as? Bool == true)
    // 0.011160714 MiB per sample every 5 s → 0.133929 MiB a minute.
    #expect(plateau["slopeMiBPerMinute"] as? Double == 0.133929)
    #expect(plateau["intervalKnown"] as? Bool == true)
    let comparisons = try #require(json["comparisons"] as? [[String: Any]])
    #expect(comparisons.first?["beforeVerdict"] as? String == "leak")
    #expect(comparisons.first?["afterVerdict"] as? String == "bloat")
  }

  @Test func textStartsWithTheVerdict() throws {
    let text = try render(TrendTextWriter(), try realReport(limit: 512))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[0] == (try TrendFiles.leak))
    #expect(lines[1].hasPrefix("leak: memory grows 67.8 MiB/min (95% CI 67.5–68.0)"))
    #expect(lines[1].hasSuffix(", 23.3 MiB per 1,000 requests, p < 0.001, never levels off"))
    #expect(text.contains("  warm-up: 3 samples (15 s), rise +"))
    #expect(text.contains("  limit 512 MiB: reached after 84 samples (≈20,388 requests)"))
    #expect(!text.contains("\u{1B}["))
    let coloured = try render(TrendTextWriter(colour: true), try realReport())
    #expect(coloured.contains("\u{1B}[1;31mleak: memory grows"))
  }

  @Test func markdownHasAVerdictLineAndATable() throws {
    let md = try render(TrendMarkdownWriter(), try realReport(both: true))
    let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(
      lines[0].hasPrefix(
        "**leak → bloat**: the leak is gone: tail growth 67.8 → 0.134 MiB/min"))
    #expect(
      lines[2]
        == "| series | verdict | samples | warm-up | plateau | growth per minute (95% CI) | per 1,000 requests | trend p |"
    )
    #expect(lines[4].hasPrefix("| `leak` | **leak** |"))
    #expect(lines[4].contains("| **leak** | 206 | 3 | — | 67.8 MiB/min ("))
    #expect(lines[5].contains("| **bloat** | 205 | 40 | 224.2 MiB | 0.134 MiB/min ("))
    // Independent series: one verdict line each, nothing compared.
    let independent = try render(
      TrendMarkdownWriter(), try realReport(both: true, compared: false))
    #expect(independent.hasPrefix("- `leak`: **leak**: memory grows 67.8 MiB/min"))
    #expect(independent.contains("\n- `plateau`: **bloat**: memory rises 196.6 MiB"))
    #expect(!independent.contains("→") && !independent.contains("gone"))
    let single = try render(TrendMarkdownWriter(), try realReport())
    #expect(single.hasPrefix("**leak**: memory grows 67.8 MiB/min"))
  }
}
