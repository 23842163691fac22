import Foundation
import Testing
import MemReportTestSupport

@Suite("memreport diff, end to end")
struct DiffCommandTests {
  let before = TestFiles.sample("before.txt")
  let after = TestFiles.sample("after.txt")

  @Test func textDiffOfTheSamples() throws {
    let r = try CLIRunner.run([
      "diff", before, after, "--git-diff", TestFiles.sample("before-after.patch"),
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines[1]
        == "Allocated memory −382 kB (−40.1%), objects −8,998 (−52.9%); retained memory +18.7 kB (+7.6%), objects unchanged"
    )
    #expect(
      r.stdout.contains(
        "line numbers mapped through \(TestFiles.sample("before-after.patch")): 6 moved, 1 edited"))
    #expect(r.stdout.contains("1 new, 1 gone, 16 same"))
  }

  @Test func gateCrossedExitsOneAndStillWritesTheReport() throws {
    let folder = try CLIRunner.temporaryFolder()
    let out = folder.appendingPathComponent("diff.md")
    let r = try CLIRunner.run(["diff", after, before, "--fail-on-increase", "5%", "-o", out.path])
    #expect(r.status == 1)
    #expect(
      r.stderr
        == "memreport: gate: allocated bytes grew by 382 kB (+67.0%), over the limit of +5%\n")
    let markdown = try String(contentsOf: out, encoding: .utf8)
    #expect(markdown.hasPrefix("**Allocated memory +382 kB (+67.0%)"))
    #expect(
      markdown.contains(
        "❌ Gate failed: allocated bytes grew by 382 kB (+67.0%), over the limit of +5%"))
  }

  @Test func gatePassedAndOtherGates() throws {
    let pass = try CLIRunner.run([
      "diff", before, after, "--fail-on-increase", "100kB", "--format", "json",
    ])
    #expect(pass.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(pass.stdout.utf8)) as? [String: Any])
    let gate = try #require(json["gate"] as? [String: Any])
    #expect(gate["passed"] as? Bool == true)
    #expect(gate["metric"] as? String == "allocated-bytes")
    let retained = try CLIRunner.run([
      "diff", before, after, "--fail-on-increase", "5%", "--gate", "retained-bytes",
    ])
    #expect(retained.status == 1)  // retained grew 7.6%
    #expect(
      retained.stderr.contains("retained bytes grew by 18.7 kB (+7.6%), over the limit of +5%"))
  }

  @Test func jsonSchema() throws {
    let r = try CLIRunner.run(["diff", before, after, "--format", "json"])
    #expect(r.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(json["schemaVersion"] as? Int == 1)
    #expect(json["before"] as? [String] == [before])
    let totals = try #require(json["totals"] as? [String: [String: [String: Any]]])
    #expect(totals["allocated"]?["bytes"]?["before"] as? Int == 951_056)
    #expect(totals["allocated"]?["bytes"]?["after"] as? Int == 569_360)
    #expect(totals["allocated"]?["bytes"]?["delta"] as? Int == -381_696)
    #expect(totals["retained"]?["objects"]?["delta"] as? Int == 0)
    let sections = try #require(json["sections"] as? [[String: Any]])
    #expect(sections.count == 16)
    let locations = try #require(
      sections.first { $0["title"] as? String == "allocated memory by location" })
    let rows = try #require(locations["rows"] as? [[String: Any]])
    let gone = try #require(rows.first)
    #expect(gone["name"] as? String == "workloads/app/models/repo.rb:28")
    #expect(gone["before"] as? Int == 646_080)
    #expect(gone["after"] is NSNull)
    #expect(gone["status"] as? String == "gone")
    let strings = try #require(json["strings"] as? [String: [String: Any]])
    let allocatedStrings = try #require(strings["allocated"]?["rows"] as? [[String: Any]])
    let bounded = try #require(
      allocatedStrings.first { $0["status"] as? String == "outside top N" })
    #expect(bounded["after"] is NSNull)
    #expect(bounded["afterAtMost"] as? Int == 3)
    #expect((json["candidateMoves"] as? [Any])?.count == 4)
  }

  @Test func severalRunsPerSide() throws {
    let r = try CLIRunner.run([
      "diff", "--before", before, before, "--after", after, after, "--format", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let totals = try #require(json["totals"] as? [String: [String: [String: Any]]])
    #expect(totals["allocated"]?["bytes"]?["beforeRange"] as? [Int] == [951_056, 951_056])
    #expect(totals["allocated"]?["bytes"]?["real"] as? Bool == true)
  }

  @Test func notAReportIsRejected() throws {
    let series = try #require(
      FileManager.default.contentsOfDirectory(atPath: TestFiles.sample("mem-over-time/leak")).first)
    let path = TestFiles.sample("mem-over-time/leak/" + series)
    let r = try CLIRunner.run(["diff", before, path])
    #expect(r.status == 65)
    #expect(
      r.stderr
        == "memreport: error: \(path):1: this looks like a memory-over-time series (derailed perf:mem_over_time), not a memory_profiler report: use 'memreport trend'\n"
    )
    let heap = TestFiles.fixture("malformed/heap-profiler.txt")
    #expect(try CLIRunner.run(["diff", heap, after]).status == 65)
  }

  @Test func aPatchThatIsNotAUnifiedDiff() throws {
    let r = try CLIRunner.run(["diff", before, after, "--git-diff", before])
    #expect(r.status == 65)
    #expect(r.stderr.hasPrefix("memreport: error: \(before):1: not a unified diff"))
    let missing = try CLIRunner.run(["diff", before, after, "--git-diff", "/no/such.patch"])
    #expect(missing.status == 66)
  }

  @Test func aBrokenDiffTemplateIsAnErrorAndLeavesNoFile() throws {
    let templates = try CLIRunner.temporaryFolder()
    try "{{#broken}".write(
      to: templates.appendingPathComponent("diff.mustache"), atomically: true, encoding: .utf8)
    let folder = try CLIRunner.temporaryFolder()
    let out = folder.appendingPathComponent("diff.html")
    let r = try CLIRunner.run([
      "diff", before, after, "--format", "html", "--templates", templates.path, "-o", out.path,
    ])
    #expect(r.status == 65)
    #expect(r.stderr.contains("diff.mustache:1: template does not parse"))
    #expect(CLIRunner.contents(of: folder).isEmpty)
  }

  @Test func usageErrors() throws {
    #expect(try CLIRunner.run(["diff", before]).status == 64)
    #expect(try CLIRunner.run(["diff", before, after, "--fail-on-increase", "lots"]).status == 64)
    #expect(try CLIRunner.run(["diff", before, after, "--format", "svg"]).status == 64)
  }
}

/// A total the report gives is a number even when it is zero: a leak fix whose after-report
/// retains nothing shows `0 B`, and `—` stays for a total the input does not give.
@Suite("diff: a known zero is a number")
struct KnownZeroTests {
  @Test func aLeakFixRetainsZeroBytes() throws {
    let pair = [TestFiles.sample("retained.txt"), TestFiles.sample("retained-fixed.txt")]
    let text = try CLIRunner.run(["diff"] + pair)
    #expect(text.status == 0)
    #expect(text.stdout.contains("  retained bytes    1.36 MB     0 B −1.36 MB −100.0%\n"))
    #expect(text.stdout.contains("  retained objects   23,338       0  −23,338 −100.0%\n"))
    let markdown = try CLIRunner.run(["diff"] + pair + ["--format", "markdown"])
    #expect(markdown.stdout.contains("| retained bytes | 1.36 MB | 0 B | −1.36 MB | −100.0% |"))
    let html = try CLIRunner.run(["diff"] + pair + ["--format", "html"])
    #expect(html.stdout.contains("1.36 MB → 0 B"))
    #expect(!html.stdout.contains("1.36 MB → —"))
    // 0 → 0 is no change: 0%, not "n/a" or a blank.
    let same = try CLIRunner.run(["diff", pair[1], pair[1]])
    #expect(
      same.stdout.contains("  retained bytes        0 B     0 B     0     0%\n"), "\(same.stdout)")
  }
}

/// A gate that cannot judge is unusable input (65), never a crossed limit (1); a limit says its unit.
@Suite("diff: what the gate accepts and when it cannot judge")
struct GateInputTests {
  @Test func unknownTotalsAreUnusableInputAndWriteNothing() throws {
    let folder = try CLIRunner.temporaryFolder()
    let headerless = TestFiles.fixture("malformed/headerless.txt")
    let out = folder.appendingPathComponent("memory.md")
    let r = try CLIRunner.run([
      "diff", TestFiles.sample("before.txt"), headerless, "--fail-on-increase", "5%", "-o",
      out.path, "-q",
    ])
    #expect(r.status == 65)
    #expect(
      r.stderr
        == "memreport: error: \(headerless): no 'allocated bytes' total (no 'Total allocated/retained' header), so the gate cannot judge\n"
    )
    #expect(CLIRunner.contents(of: folder).isEmpty)
  }

  @Test func aPlainNumberCountsObjectsOnlyOnAnObjectsGate() throws {
    let pair = [TestFiles.sample("before.txt"), TestFiles.sample("after.txt")]
    let bytes = try CLIRunner.run(["diff"] + pair + ["--fail-on-increase", "5"])
    #expect(bytes.status == 64)
    #expect(
      bytes.stderr.contains(
        "'--fail-on-increase 5': a bytes gate needs a unit (5B, 5kB) or a percentage"))
    // allocated objects fell by 8,998: an objects gate of 100 passes.
    let objects = try CLIRunner.run(
      ["diff"] + pair + ["--fail-on-increase", "100", "--gate", "allocated-objects"])
    #expect(objects.status == 0)
    #expect(try CLIRunner.run(["diff"] + pair + ["--fail-on-increase", "500B"]).status == 0)
  }
}

/// A trimmed paste's missing keys are bounds in a diff, not zeros (so not "new").
@Suite("diff: a trimmed paste")
struct TrimmedPasteDiffTests {
  @Test func missingKeysAreBoundsNotZeros() throws {
    let trimmed = TestFiles.fixture("malformed/trimmed-paste.txt")
    let r = try CLIRunner.run(["diff", trimmed, TestFiles.sample("default.txt"), "-q"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("6 same, 3 outside top N"))
    #expect(
      r.stdout.contains("  < 2.33 kB  328 kB  ≥ +326 kB        outside top N ruby/lib/erb.rb\n"))
    #expect(!r.stdout.contains("new"))
  }
}

/// The same profile printed with and without `scale_bytes: true` is no change: scaled sizes are
/// exact only to their last digit, and the gate never fails on that rounding.
@Suite("diff: rounding of scaled sizes is not change")
struct ScaledRoundingTests {
  let pair = [TestFiles.sample("default.txt"), TestFiles.sample("scale-bytes.txt")]

  @Test func sameProfileScaledIsUnchanged() throws {
    let r = try CLIRunner.run(["diff"] + pair + ["-q"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("\nAllocated unchanged; retained unchanged\n"))
    #expect(r.stdout.contains("  allocated bytes    588 kB  ≈588 kB    ≈0    ≈0%\n"))
    #expect(!r.stdout.contains(" changed"), "no section has a changed row: \(r.stdout)")
    #expect(r.stdout.contains("5 same") && r.stdout.contains("50 same"))
  }

  @Test func theGateCannotDecideInsideTheRounding() throws {
    let zero = try CLIRunner.run(["diff"] + pair + ["-q", "--fail-on-increase", "0%"])
    #expect(zero.status == 65)
    #expect(
      zero.stderr
        == "memreport: error: \(pair[1]): allocated bytes changed by −3 B ± 5 B (scaled sizes are exact only to their last digit), which straddles the limit of +0%: the gate cannot decide\n"
    )
    #expect(try CLIRunner.run(["diff"] + pair + ["-q", "--fail-on-increase", "500B"]).status == 0)
  }
}

/// `--git-diff` matches only lines the patch proves unchanged; an edited or deleted line has no
/// counterpart, even when a new line has its number (the real etl pair collides at line 15).
@Suite("diff --git-diff: edited lines have no counterpart")
struct EditedLinesTests {
  @Test func oldAndNewNumbersCollide() throws {
    let r = try CLIRunner.run([
      "diff", TestFiles.sample("etl-before.txt"), TestFiles.sample("etl-after.txt"), "--git-diff",
      TestFiles.sample("etl.patch"), "-q",
    ])
    #expect(r.status == 0)
    let rest =
      r.stdout.components(separatedBy: "allocated memory by location\n").dropFirst().first ?? ""
    let section = rest.components(separatedBy: "\n\n").first ?? ""
    #expect(section.hasPrefix("4 new, 5 gone, 1 same\n"), "\(section)")
    #expect(section.contains("  3.21 MB       — −3.21 MB −100.0% gone   workloads/lib/etl.rb:15\n"))
    #expect(section.contains("        — 24.0 kB +24.0 kB     new new    workloads/lib/etl.rb:15\n"))
    #expect(!section.contains("changed"))
    #expect(
      r.stdout.contains(
        "line numbers mapped through \(TestFiles.sample("etl.patch")): 1 moved, 5 edited"))
  }
}
