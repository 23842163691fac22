import Foundation
import Testing
import MemReportTestSupport

/// Issue 10, the leak lens: `report` says what is retained first.
@Suite("memreport report: the leak lens")
struct LeakLensTests {
  /// perf-objects.txt: derailed ran the leaking app 5 times; 200,210 B and 5 objects retained,
  /// all at config.ru:18 (the one row of 'retained memory by location'): 1 object and
  /// 40,042 B per request.
  @Test func textStatesRetainedMemoryFirst() throws {
    let r = try CLIRunner.run(["report", TestFiles.sample("perf-objects.txt"), "--top", "1"])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines.first
        == "\(TestFiles.sample("perf-objects.txt")): report 1 (lines 3–266): 200 kB retained of 323 kB allocated (61.9%)"
    )
    #expect(
      lines.dropFirst().first
        == "largest retained site: Samples/apps/leak/config.ru:18 (200 kB, 100.0% of retained); per request (Running 5 times): 1 retained object, 40.0 kB"
    )
  }

  @Test func withoutIterationsNoPerRequestAndNothingRetainedSaysSo() throws {
    let d = try CLIRunner.run(["report", TestFiles.sample("default.txt"), "--top", "1"])
    #expect(
      d.stdout.contains(
        "): 50.4 kB retained of 588 kB allocated (8.6%)\nlargest retained site: (erb):1 (10.4 kB, 20.7% of retained)\n"
      ))
    #expect(!d.stdout.contains("per request"))
    let fixed = try CLIRunner.run(["report", TestFiles.sample("retained-fixed.txt"), "--top", "1"])
    #expect(
      fixed.stdout.hasPrefix(
        "\(TestFiles.sample("retained-fixed.txt")): report 1 (lines 1–388): nothing retained of 2.28 MB allocated\nmemory_profiler;"
      ))
  }

  @Test func pageHasARetainedChartAndAContentsList() throws {
    let r = try CLIRunner.run(["report", TestFiles.sample("perf-objects.txt"), "--format", "html"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("<h2 id=\"r1-retained\">What stays in memory</h2>"))
    #expect(r.stdout.contains("<title>Retained memory by location</title>"))
    #expect(r.stdout.contains("<nav class=\"toc\" aria-labelledby=\"r1-contents\">"))
    #expect(r.stdout.contains("<li><a href=\"#r1-retained\">What stays in memory</a></li>"))
    #expect(
      r.stdout.contains(
        "<li><a href=\"#r1-retained-memory-by-location\">retained memory by location</a></li>"))
    // Every link of the contents lands on an id of the page.
    let anchors = r.stdout.components(separatedBy: "<a href=\"#").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
    #expect(anchors.count > 10)
    for anchor in anchors { #expect(r.stdout.contains("id=\"\(anchor)\""), "\(anchor)") }
    #expect(r.stdout.contains("per request (Running 5 times): 1 retained object, 40.0 kB"))
  }
}
