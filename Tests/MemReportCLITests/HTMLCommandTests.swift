import Foundation
import Testing
import MemReportTestSupport

@Suite("HTML output and templates, end to end")
struct HTMLCommandTests {
  @Test func everyCommandWritesAPage() throws {
    let folder = try CLIRunner.temporaryFolder()
    let leak = try #require(
      FileManager.default.contentsOfDirectory(atPath: TestFiles.sample("mem-over-time/leak")).first)
    let runs: [(String, [String])] = [
      ("report.html", ["report", TestFiles.sample("default.txt")]),
      ("diff.html", ["diff", TestFiles.sample("before.txt"), TestFiles.sample("after.txt")]),
      ("trend.html", ["trend", TestFiles.sample("mem-over-time/leak/" + leak)]),
    ]
    for (name, arguments) in runs {
      let out = folder.appendingPathComponent(name)
      let r = try CLIRunner.run(
        arguments + ["-o", out.path, "--svg", folder.appendingPathComponent("svg").path])
      #expect(r.status == 0, "\(name): \(r.stderr)")
      let html = try String(contentsOf: out, encoding: .utf8)
      #expect(html.hasPrefix("<!DOCTYPE html>"), "\(name)")
      #expect(html.contains("Content-Security-Policy"))
      #expect(html.contains("<svg"))
    }
    let svgs = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("svg").path
    ).sorted()
    #expect(
      svgs == [
        "icicle-allocated.svg", "retained-locations.svg", "top-files.svg", "top-gems.svg",
        "top-locations.svg", "top-movers-retained.svg", "top-movers.svg", "trend.svg",
      ])
  }

  /// `report --svg DIR` with text, JSON, Markdown or CSV output created an empty folder and said
  /// nothing; it writes the charts the page would show, byte for byte.
  @Test func svgChartsComeWithEveryReportFormat() throws {
    let folder = try CLIRunner.temporaryFolder()
    func charts(_ format: String) throws -> [String: Data] {
      let dir = folder.appendingPathComponent(format)
      let r = try CLIRunner.run([
        "report", TestFiles.sample("storefront.txt"), "--format", format, "--svg", dir.path,
        "-o", folder.appendingPathComponent("out." + format).path,
      ])
      #expect(r.status == 0, "\(format): \(r.stderr)")
      var files: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
        files[name] = try Data(contentsOf: dir.appendingPathComponent(name))
      }
      return files
    }
    let page = try charts("html")
    #expect(
      page.keys.sorted() == [
        "icicle-allocated.svg", "retained-locations.svg", "top-files.svg", "top-gems.svg",
        "top-locations.svg",
      ])
    for format in ["text", "json", "markdown", "csv"] {
      #expect(try charts(format) == page, "\(format)")
    }
  }

  @Test func templatesCanBeOverridden() throws {
    let dir = try CLIRunner.temporaryFolder()
    try
      "<!DOCTYPE html><html><head><title>mine</title><style>{{{css}}}</style></head><body><main><p>custom header for {{title}}</p>"
      .write(to: dir.appendingPathComponent("head.mustache"), atomically: true, encoding: .utf8)
    let r = try CLIRunner.run([
      "report", TestFiles.sample("default.txt"), "--format", "html", "--templates", dir.path,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("<p>custom header for memreport: "))
    // the shipped report template still fills the page
    #expect(r.stdout.contains("588 kB allocated"))

    try "{{#broken}".write(
      to: dir.appendingPathComponent("report.mustache"), atomically: true, encoding: .utf8)
    let bad = try CLIRunner.run([
      "report", TestFiles.sample("default.txt"), "--format", "html", "--templates", dir.path,
    ])
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("report.mustache:1: template does not parse"))
  }

  /// A template that is there but cannot be read is an error, not silently the shipped one.
  @Test func anUnreadableTemplateIsAnError() throws {
    let dir = try CLIRunner.temporaryFolder()
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("report.mustache"), withIntermediateDirectories: true)
    let out = dir.appendingPathComponent("page.html")
    let r = try CLIRunner.run([
      "report", TestFiles.sample("default.txt"), "-o", out.path, "--templates", dir.path,
    ])
    #expect(r.status == 66)
    #expect(
      r.stderr == "memreport: error: \(dir.path)/report.mustache: cannot open: is a directory\n")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  /// `--templates` that cannot work is an error that writes nothing: a partial that includes
  /// itself (it overflowed the stack), a missing folder, a file, a folder with no template, and a
  /// page that is no longer well-formed.
  @Test func templatesThatCannotWorkAreErrors() throws {
    func run(_ templates: String) throws -> (CLIRunner.Result, [String]) {
      let folder = try CLIRunner.temporaryFolder()
      let out = folder.appendingPathComponent("page.html")
      let r = try CLIRunner.run([
        "report", TestFiles.sample("default.txt"), "-o", out.path, "--templates", templates,
      ])
      return (r, CLIRunner.contents(of: folder))
    }
    func folder(_ files: [String: String]) throws -> String {
      let dir = try CLIRunner.temporaryFolder()
      for (name, text) in files {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
      }
      return dir.path
    }
    let cycle = try folder(["head.mustache": "<head>\n{{> foot}}", "foot.mustache": "{{>head}}"])
    let (looping, left1) = try run(cycle)
    #expect(looping.status == 65)
    #expect(
      looping.stderr
        == "memreport: error: \(cycle)/head.mustache:2: partials include each other without end (head → foot → head)\n"
    )
    #expect(left1.isEmpty)
    let selfInclude = try folder(["report.mustache": "{{> report}}"])
    #expect(try run(selfInclude).0.stderr.contains("(report → report)"))

    let (missing, _) = try run("/no/such/templates")
    #expect(missing.status == 66)
    #expect(
      missing.stderr
        == "memreport: error: /no/such/templates: cannot open: no such file or directory\n")
    let (file, _) = try run(TestFiles.sample("default.txt"))
    #expect(file.status == 66)
    #expect(file.stderr.hasSuffix(": cannot open: not a folder\n"))
    let empty = try folder(["README.txt": "nothing here"])
    let (none, _) = try run(empty)
    #expect(none.status == 65)
    #expect(
      none.stderr.contains(
        "holds none of the template files (boot-diff.mustache, boot-report.mustache, diff.mustache, foot.mustache"
      ))

    let broken = try folder(["foot.mustache": "<p>unclosed"])
    let (malformed, left2) = try run(broken)
    #expect(malformed.status == 65)
    #expect(
      malformed.stderr
        == "memreport: error: \(broken): the report page these templates render is not well-formed XML; nothing was written\n"
    )
    #expect(left2.isEmpty)
  }
}

/// A page of a log of many runs held every report in memory until the end (a 2 GB input was
/// killed at 8 GB): the first 20 are drawn, the rest counted, and the page says how to see one.
@Suite("Pages of many reports")
struct ManyReportPageTests {
  @Test func thePageDrawsTwentyAndNamesTheRest() throws {
    let folder = try CLIRunner.temporaryFolder()
    let input = folder.appendingPathComponent("runs.txt")
    let one = try String(contentsOfFile: TestFiles.sample("default.txt"), encoding: .utf8)
    try String(repeating: one + "\n", count: 23).write(to: input, atomically: true, encoding: .utf8)
    let r = try CLIRunner.run(["report", input.path, "--format", "html"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains(#"<section class="report" id="report-20">"#))
    #expect(!r.stdout.contains(#"id="report-21""#))
    #expect(
      r.stdout.contains(
        "<dt>Reports</dt><dd>23 (the first 20 are on this page; one page per report: \(input.path)#23 or --report 23)</dd>"
      ))
    // The text report still reads every one; its --svg charts are those of the page's reports.
    let svg = folder.appendingPathComponent("svg")
    let text = try CLIRunner.run(["report", input.path, "--quiet", "--svg", svg.path])
    #expect(text.stdout.contains("report 23 (lines"))
    let charts = CLIRunner.contents(of: svg)
    #expect(charts.contains("report20-top-files.svg"))
    #expect(!charts.contains { $0.hasPrefix("report21-") })
  }
}
