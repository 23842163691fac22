import Foundation
import Testing
import MemReportTestSupport

/// Heap dumps end to end: gzip by content, bad inputs and their exit codes, the leaks gate.
@Suite("Heap dumps, end to end")
struct HeapCommandTests {
  static let leak = (0...2).map { TestFiles.sample("heap/leak-\($0).ndjson.gz") }

  func data(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  /// The plain dump piped in, gzipped on disk under another name, and two gzip members
  /// concatenated read the same.
  @Test func gzipIsReadByContentUnderAnyName() throws {
    let folder = try CLIRunner.temporaryFolder()
    let plain = try data(TestFiles.sample("heap/plateau-2-since.ndjson"))
    let fromStdin = try CLIRunner.run(["report", "-", "--format", "json"], stdin: plain)
    #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
    // Two gzip members (`cat a.gz b.gz`), made with the system's gzip, under a name that says
    // nothing.
    let gz = folder.appendingPathComponent("dump.bin")
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
    gzip.arguments = [
      "-c",
      "head -n 300 '\(TestFiles.sample("heap/plateau-2-since.ndjson"))' | gzip -1 > '\(gz.path)'; "
        + "tail -n +301 '\(TestFiles.sample("heap/plateau-2-since.ndjson"))' | gzip -9 >> '\(gz.path)'",
    ]
    try gzip.run()
    gzip.waitUntilExit()
    let members = try CLIRunner.run(["report", gz.path, "--format", "json"])
    #expect(members.status == 0, "\(members.stderr)")
    func body(_ json: String) -> String {
      json.split(separator: "\n").filter {
        !$0.contains("\"source\"") && !$0.contains("\"metadata\"")
      }
      .joined(separator: "\n")
    }
    #expect(body(members.stdout) == body(fromStdin.stdout))
    #expect(members.stdout.contains("gzip (inflated)"))
  }

  @Test func corruptOrCutGzipIsOneLineAndExit65() throws {
    let folder = try CLIRunner.temporaryFolder()
    var bytes = try data(Self.leak[0])
    let cut = folder.appendingPathComponent("cut.json.gz")
    try bytes.prefix(bytes.count / 2).write(to: cut)
    let r = try CLIRunner.run(["report", cut.path])
    #expect(r.status == 65)
    #expect(r.stderr.contains("cut.json.gz: the gzip data is corrupt or cut short"))
    bytes[bytes.count / 3] ^= 0xFF
    let corrupt = folder.appendingPathComponent("corrupt.json.gz")
    try bytes.write(to: corrupt)
    let c = try CLIRunner.run(["leaks", Self.leak[0], corrupt.path])
    #expect(c.status == 65 && c.stderr.contains("corrupt.json.gz"), "\(c.stderr)")
  }

  @Test func leaksRefusesWhatIsNotADump() throws {
    let r = try CLIRunner.run(["leaks", Self.leak[0], TestFiles.sample("default.txt")])
    #expect(r.status == 65)
    #expect(r.stderr.contains("default.txt: not a Ruby heap dump"))
    #expect(r.stderr.split(separator: "\n").count == 1)
    let one = try CLIRunner.run(["leaks", Self.leak[0]])
    #expect(one.status == 64)
    let heapy = try CLIRunner.run(["leaks", "--heapy"] + Self.leak + [Self.leak[2]])
    #expect(heapy.status == 64 && heapy.stderr.contains("two or three dumps"))
  }

  @Test func reportRefusesTextThatIsNotADump() throws {
    let garbage = Data((0..<30).map { "{not json \($0)\n" }.joined().utf8)
    let r = try CLIRunner.run(["leaks", "-", Self.leak[0]], stdin: garbage)
    #expect(r.status == 65, "\(r.stderr)")
  }

  /// The gate: exit 1 when the leak set is over the limit, the answer still written; 0 within.
  @Test func failOnRetainedGates() throws {
    let folder = try CLIRunner.temporaryFolder()
    let out = folder.appendingPathComponent("leaks.md")
    let over = try CLIRunner.run(
      ["leaks"] + Self.leak + ["--fail-on-retained", "50kB", "-o", out.path])
    #expect(over.status == 1)
    #expect(
      over.stderr.contains(
        "the leak set holds 74.2 kB (1.7% of the last heap), over the limit 50kB"))
    #expect(try String(contentsOf: out, encoding: .utf8).contains("**Gate failed**"))
    let within = try CLIRunner.run(["leaks"] + Self.leak + ["--fail-on-retained", "2%"])
    #expect(within.status == 0, "\(within.stderr)")
    let bad = try CLIRunner.run(["leaks"] + Self.leak + ["--fail-on-retained", "lots"])
    #expect(bad.status == 64)
  }

  /// The README's example: the leak sample's answer names the leaking class and site.
  @Test func readmeLeakExampleNamesTheLeak() throws {
    let r = try CLIRunner.run(
      ["leaks"] + (0...2).map { "Samples/heap/leak-\($0).ndjson.gz" },
      in: TestFiles.packageRoot)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("SessionCache::Entry @ workload.rb:141"))
    #expect(r.stdout.contains("Leak set: 818 objects, 74.2 kB (1.7% of the last heap, 4.26 MB)"))
    let plateau = try CLIRunner.run(
      ["leaks"] + (0...2).map { "Samples/heap/plateau-\($0).ndjson.gz" }, in: TestFiles.packageRoot)
    #expect(plateau.stdout.contains("Leak set: 1 object, 104 B"))
  }
}
