import Foundation
import Testing
import MemReportTestSupport

/// Issue 10: `report` writes Markdown (a summary for an issue) and CSV (one row per key).
@Suite("memreport report --format markdown and csv")
struct ReportMarkdownCSVTests {
  @Test func markdownIsAShortSummaryForAnIssue() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("perf-objects.txt"), "--format", "markdown", "--top", "2",
    ])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    // The answer first, with retained memory.
    #expect(
      lines.first
        == "**323 kB allocated in 230 objects; 200 kB retained (61.9% of it). Largest allocation site: Samples/apps/leak/config.ru:18 (202 kB, 62.5%). App code: 304 kB (93.9%; from the complete location list). Largest retained site: Samples/apps/leak/config.ru:18 (200 kB, 100.0% of retained); per request (Running 5 times): 1 retained object, 40.0 kB.**"
    )
    #expect(r.stdout.contains("| allocated | 323 kB | 230 |\n| retained | 200 kB | 5 |\n"))
    #expect(
      r.stdout.contains(
        "#### allocated memory by location\n\n_33 locations listed: 100.0% of 323 kB allocated (complete list)_\n\n| location | bytes | share |\n|---|---:|---:|\n| `Samples/apps/leak/config.ru:18` | 202 kB | 62.5% |\n| `Samples/apps/leak/config.ru:19` | 100 kB | 31.0% |\n| … 31 more rows (21.2 kB) |  |  |\n"
      ))
    #expect(r.stdout.contains("<details><summary>4 more memory sections</summary>"))
    #expect(r.stdout.contains("memory\\_profiler's normalize\\_paths rules"))
    #expect(!r.stdout.contains("\u{1B}"))
  }

  @Test func markdownEscapesHostileNames() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("hostile-strings.txt"), "--format", "markdown",
    ])
    #expect(r.status == 0)
    #expect(
      r.stdout.contains("| `weird dir/<b>odd</b> & \"q\" 'file':name.rb:2` | 1.31 kB | 34.2% |"))
    // Every table row has exactly the cells of its header (no `|` leaks from a name).
    for line in r.stdout.split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
      #expect(cells == 4, "\(line)")
    }
  }

  /// Hand-written hostile input: a C1 control (U+009B, CSI) and `|` and a backtick in paths.
  @Test func noControlCharacterReachesMarkdownOrCSV() throws {
    let url = try CLIRunner.temporaryFolder().appendingPathComponent("ctl.txt")
    let text =
      "Total allocated: 100 bytes (2 objects)\nTotal retained:  0 bytes (0 objects)\n\n"
      + "allocated memory by file\n-----------------------------------\n"
      + "        60  /app/ab|c`d.rb\n        40  /app/x\u{9B}y.rb\n"
    try text.write(to: url, atomically: true, encoding: .utf8)
    let md = try CLIRunner.run(["report", url.path, "--format", "markdown"])
    #expect(
      md.stdout.contains(
        "| ``/app/ab\\|c`d.rb`` | 60 B | 60.0% |\n| `/app/x y.rb` | 40 B | 40.0% |"))
    let csv = try CLIRunner.run(["report", url.path, "--format", "csv"])
    #expect(csv.stdout.contains("file,/app/x y.rb,40,,,\r\n"))
    for out in [md.stdout, csv.stdout] {
      #expect(!out.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x1B })
    }
  }

  @Test func markdownFitsInOneComment() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("top3000.txt"), "--format", "markdown", "--top", "3000",
    ])
    #expect(r.status == 0)
    #expect(r.stdout.count < 65_536)
    #expect(r.stdout.contains(", some cut to fit one GitHub comment"))
  }

  /// Values checked with a Python pass over Samples/default.txt's printed rows.
  @Test func csvHasOneRowPerKeyWithAllFourMetrics() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("default.txt"), "--format", "csv", "--no-normalize",
    ])
    #expect(r.status == 0)
    let rows = r.stdout.components(separatedBy: "\r\n").dropLast()
    #expect(
      rows.first
        == "kind,key,allocated_bytes,allocated_objects,retained_bytes,retained_objects")
    #expect(rows.count == 1 + 5 + 9 + 63 + 19)
    #expect(rows.contains("gem,erb,328174,4902,576,3"))
    #expect(rows.contains("location,/usr/lib/ruby/3.1.0/erb.rb:905,65050,694,,"))
    #expect(
      rows.contains(
        "location,/work/main/Samples/workloads/shop/lib/shop/catalog.rb:12,9600,240,9600,240"))
    #expect(rows.contains("class,String,373025,6364,30019,518"))
    // `-o x.csv` picks the format.
    let folder = try CLIRunner.temporaryFolder()
    let out = folder.appendingPathComponent("r.csv").path
    let written = try CLIRunner.run([
      "report", TestFiles.sample("default.txt"), "-o", out, "--no-normalize",
    ])
    #expect(written.status == 0)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == r.stdout)
  }

  @Test func csvQuotesHostileNamesAndNeedsOneReport() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("hostile-strings.txt"), "--format", "csv",
    ])
    #expect(
      r.stdout.contains(
        "location,\"weird dir/<b>odd</b> & \"\"q\"\" 'file':name.rb:2\",1305,25,825,13\r\n"))
    let paste = TestFiles.sample("before-after-paste.txt")
    let both = try CLIRunner.run(["report", paste, "--format", "csv"])
    #expect(both.status == 64)
    #expect(both.stderr.contains("pick it with FILE#N or --report N"))
    let one = try CLIRunner.run(["report", paste + "#2", "--format", "csv"])
    #expect(one.status == 0)
    #expect(one.stdout.contains("\r\ngem,workloads/app,541520,7462,261560,4004\r\n"))
  }
}
