import Foundation
import Testing
import MemReportTestSupport

/// Issue 10: a pasted before/after pair (Samples/before-after-paste.txt is before.txt followed by
/// after.txt, as a user pastes them) can be read one report at a time and diffed.
@Suite("FILE#N and --report N: one report of a multi-report paste")
struct ReportSelectionTests {
  let paste = TestFiles.sample("before-after-paste.txt")

  @Test func reportWritesOnlyTheSelectedReport() throws {
    let hash = try CLIRunner.run(["report", paste + "#2", "--top", "1"])
    #expect(hash.status == 0)
    #expect(hash.stdout.hasPrefix(paste + ": report 2 (lines 476–958): 265 kB retained of "))
    #expect(hash.stdout.contains("Total allocated: 569 kB (569,360 bytes), 8,019 objects"))
    #expect(!hash.stdout.contains("951,056"))
    let option = try CLIRunner.run(["report", paste, "--report", "2", "--top", "1"])
    #expect(option.stdout == hash.stdout)
    // Without a selection both reports are written, as before; report 1 ends where 2 starts.
    let all = try CLIRunner.run(["report", paste, "--top", "1"])
    #expect(all.stdout.contains(paste + ": report 1 (lines 1–475): "))
    #expect(all.stdout.contains(paste + ": report 2 (lines 476–958): "))
  }

  @Test func standardInputTakesReportN() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: paste))
    let r = try CLIRunner.run(["report", "-", "--report", "2", "--top", "1"], stdin: data)
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("-: report 2 (lines 476–958): 265 kB retained of 569 kB allocated"))
  }

  @Test func jsonOfTheSelectedReport() throws {
    let r = try CLIRunner.run(["report", paste + "#1", "--format", "json", "--top", "1"])
    #expect(r.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(json["source"] as? String == paste)
    let reports = try #require(json["reports"] as? [[String: Any]])
    #expect(reports.count == 1)
    #expect(reports[0]["index"] as? Int == 1)
  }

  @Test func diffComparesThePastedPair() throws {
    let pasted = try CLIRunner.run(["diff", paste + "#1", paste + "#2"])
    let separate = try CLIRunner.run([
      "diff", TestFiles.sample("before.txt"), TestFiles.sample("after.txt"),
    ])
    #expect(pasted.status == 0)
    #expect(
      pasted.stdout.contains(
        "Allocated memory −382 kB (−40.1%), objects −8,998 (−52.9%); retained memory +18.7 kB (+7.6%), objects unchanged"
      ))
    // The same rows as the two files diffed separately (only the input names differ).
    let body = { (s: String) in s.split(separator: "\n").dropFirst().joined(separator: "\n") }
    #expect(body(pasted.stdout) == body(separate.stdout))
    let option = try CLIRunner.run(["diff", paste, paste + "#2", "--report", "1"])
    #expect(option.status == 64)
    #expect(option.stderr.contains("names report 2, but report 1 was asked for"))
  }

  @Test func aMissingReportOrAZeroIsAUsageError() throws {
    let missing = try CLIRunner.run(["report", paste + "#3"])
    #expect(missing.status == 64)
    #expect(
      missing.stderr == "memreport: error: \(paste) holds 2 reports, so there is no report 3\n")
    #expect(try CLIRunner.run(["report", paste, "--report", "0"]).status == 64)
    #expect(try CLIRunner.run(["report", paste + "#0"]).status == 64)
    // `#` followed by something else is part of the file name.
    #expect(try CLIRunner.run(["report", paste + "#x"]).status == 66)
  }

  @Test func aFileNamedWithAHashIsReadAsItIs() throws {
    let folder = try CLIRunner.temporaryFolder()
    let named = folder.appendingPathComponent("run#2")
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: TestFiles.sample("before.txt")), to: named)
    let r = try CLIRunner.run(["report", named.path, "--top", "1"])
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix(named.path + ": report 1 "))
  }
}
