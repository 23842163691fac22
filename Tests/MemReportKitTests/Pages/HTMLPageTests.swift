import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Every shipped template rendered with real samples and hostile input: well-formed XML (checked
/// with libxml2), nothing that loads from the network, every input string escaped.
@Suite("HTML and SVG pages")
struct HTMLPageTests {

  func reportPage(_ path: String, top: Int? = nil, by: AggregateKey? = nil) throws -> (
    String, [SVGChart]
  ) {
    var writer = HTMLReportWriter(
      options: ReportOptions(top: top, aggregateBy: by, templates: try HTMLTemplates.embedded()))
    var sink = StringSink()
    writer.begin(source: path, into: &sink)
    let transform = ProfileTransform(filter: try FileFilter())
    let profiles = try parseFile(path)
    for profile in profiles { try writer.write(transform.apply(to: profile), into: &sink) }
    try writer.end(reports: profiles.count, into: &sink)
    return (sink.text, writer.charts)
  }

  /// What every page must be.
  func checkPage(_ html: String, _ name: String) {
    #expect(MarkupDocument.isWellFormed(html), "\(name) is not well-formed XML")
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(
      html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
    // Nothing that loads: no src/href to a URL, no CSS url(), no @import. The only URL is the SVG
    // namespace, which is a name, not a load.
    let withoutNamespace = html.replacingOccurrences(
      of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    #expect(
      !withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"),
      "\(name) names a URL")
    #expect(!html.contains("url(") && !html.contains("@import"))
    #expect(
      html.components(separatedBy: "<script").count == 2,
      "\(name) has a script besides the shipped one")
  }

  @Test(arguments: [
    "default.txt", "scale-bytes.txt", "perf-objects.txt", "hostile-strings.txt", "no-detailed.txt",
    "retained.txt",
  ])
  func reportPagesOfTheSamples(_ sample: String) throws {
    let (html, charts) = try reportPage(TestFiles.sample(sample), by: .origin)
    checkPage(html, sample)
    for chart in charts {
      let svg = try chart.document()
      #expect(MarkupDocument.isWellFormed(svg), "\(chart.name)")
      #expect(svg.contains("<title>") && svg.contains("<desc>"))
    }
  }

  @Test func reportPageContent() throws {
    let (html, charts) = try reportPage(TestFiles.sample("default.txt"))
    #expect(
      html.contains(
        "588 kB allocated in 8,340 objects; 50.4 kB retained (8.6% of it). Largest allocation site: ruby/lib/erb.rb:905 (65.1 kB, 11.1%)."
      ))
    #expect(
      html.contains("<div class=\"label\">Allocated memory</div><div class=\"value\">588 kB</div>"))
    #expect(html.contains("Where allocations come from"))
    #expect(html.contains("Gem → file → line"))
    #expect(html.contains("<table class=\"sortable\" id=\"r1-allocated-memory-by-location\">"))
    #expect(html.contains("<td class=\"num\" data-v=\"65050\">65.1 kB</td>"))
    #expect(
      charts.map(\.name) == [
        "top-locations", "top-files", "top-gems", "retained-locations", "icicle-allocated",
      ])
  }

  @Test func hostileInputIsEscapedEverywhere() throws {
    for path in [TestFiles.fixture("hostile/hostile.txt"), TestFiles.sample("hostile-strings.txt")]
    {
      let (html, charts) = try reportPage(path)
      checkPage(html, path)
      #expect(!html.contains("<script>alert"))
      #expect(!html.contains("<img src=x"))
      #expect(!html.contains("</style><b>"))
      #expect(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
          || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      for chart in charts {
        let svg = try chart.document()
        #expect(MarkupDocument.isWellFormed(svg))
        #expect(!svg.contains("<script"))
      }
    }
    let (html, _) = try reportPage(TestFiles.fixture("hostile/hostile.txt"))
    // The 10 kB string is shortened in its cell, with all of it in the tooltip.
    #expect(html.contains(">&quot;" + String(repeating: "A", count: 78) + "…</td>"))
    #expect(html.contains("title=\"&quot;" + String(repeating: "A", count: 10_000)))
    // ]]> and --> are harmless text.
    #expect(html.contains("]]&gt; --&gt;"))
  }

  @Test func diffPage() throws {
    let t = ProfileTransform(filter: try FileFilter())
    let before = t.apply(to: try #require(try parseFile(TestFiles.sample("before.txt")).first))
    let after = t.apply(to: try #require(try parseFile(TestFiles.sample("after.txt")).first))
    let diff = ProfileDiffBuilder.build(before: [before], after: [after])
    let gate = try DiffGate(limit: "5%")
    var sink = StringSink()
    try HTMLDiffWriter(templates: try HTMLTemplates.embedded()).write(
      diff,
      context: DiffContext(
        before: ["before.txt"], after: ["after.txt"], gate: gate, gateResult: gate.evaluate(diff)),
      into: &sink)
    checkPage(sink.text, "diff")
    #expect(sink.text.contains("Allocated memory −382 kB (−40.1%)"))
    #expect(sink.text.contains("Gate passed:"))
    #expect(sink.text.contains("<span class=\"badge gone\">GONE</span>"))
    let chart = try #require(HTMLDiffWriter.charts(diff).first)
    let svg = try chart.document()
    #expect(MarkupDocument.isWellFormed(svg))
    #expect(svg.contains("class=\"grow\"") && svg.contains("class=\"shrink\""))
    #expect(chart.description.contains("workloads/app/models/repo.rb:28: −646 kB (gone)"))
  }

  @Test func trendPage() throws {
    let folder = TestFiles.sample("mem-over-time")
    var series: [MemorySeries] = []
    for app in ["leak", "plateau"] {
      let dir = folder + "/" + app
      let name = try #require(try listFiles(dir).first { $0.hasSuffix("-times.txt") })
      series.append(try TrendRun.read(dir + "/" + name))
    }
    var sink = StringSink()
    try HTMLTrendWriter(templates: try HTMLTemplates.embedded()).write(
      TrendReport(series: series, limitMiB: 512, baseline: 0), into: &sink)
    checkPage(sink.text, "trend")
    #expect(sink.text.contains("the leak is gone"))
    #expect(sink.text.contains("<svg"))
    #expect(sink.text.contains("Memory (MiB)"))
    #expect(sink.text.contains("<td>leak</td>") && sink.text.contains("<td>bloat</td>"))
    #expect(
      sink.text.contains(
        "<dt>warm-up</dt><dd>40 samples (3.3 min), rise +196.6 MiB, ending where memory stays within 5% of the rise around the plateau; tail: samples 40–204 (165 samples)</dd>"
      ))
  }

  @Test func threeThousandRowsStayUnderTwoMegabytes() throws {
    let (html, _) = try reportPage(TestFiles.sample("top3000.txt"))
    #expect(html.utf8.count < 2_000_000)
    #expect(html.contains("2,900 more rows: use top or format json."))
    let (all, _) = try reportPage(TestFiles.sample("top3000.txt"), top: 3000)
    #expect(MarkupDocument.isWellFormed(all))
  }

  @Test func everyShippedTemplateParses() throws {
    let templates = try HTMLTemplates.embedded()
    for name in ["report", "diff", "trend", "head", "foot", "table"] {
      #expect(templates.library.getTemplate(named: name) != nil, "\(name)")
    }
  }
}

extension String {
  fileprivate func components(separatedBy separator: String) -> [Substring] {
    pieces(separatedBy: separator)
  }
}

/// File names in a folder (no Foundation in this test file's helpers).
func listFiles(_ path: String) throws -> [String] {
  guard let dir = opendir(path) else { return [] }
  defer { closedir(dir) }
  var names: [String] = []
  while let entry = readdir(dir) {
    let name = withUnsafePointer(to: entry.pointee.d_name) {
      String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
    }
    if name != "." && name != ".." { names.append(name) }
  }
  return names.sorted()
}
