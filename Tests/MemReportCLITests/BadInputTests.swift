import Foundation
import Testing
import MemReportTestSupport

/// Bad input: one line on stderr naming the path (and line), a documented exit code, no crash, no
/// hang, and no file left at (or changed at) the `-o` path.
@Suite("Bad input, end to end")
struct BadInputTests {
  /// Runs `report INPUT -o OUT` where OUT already holds "previous", and checks that it survives.
  func reject(_ input: String, status: Int32, message: String, stdin: Data? = nil) throws {
    let folder = try CLIRunner.temporaryFolder()
    let out = folder.appendingPathComponent("out.json")
    try Data("previous".utf8).write(to: out)
    let r = try CLIRunner.run(["report", input, "-o", out.path], stdin: stdin)
    #expect(r.status == status, "\(r.stderr)")
    #expect(r.stderr == "memreport: error: \(message)\n")
    #expect(r.stdout.isEmpty)
    #expect(CLIRunner.contents(of: folder) == ["out.json"])
    #expect(try String(contentsOf: out, encoding: .utf8) == "previous")
  }

  @Test func missingFile() throws {
    try reject(
      "/no/such/report.txt", status: 66,
      message: "/no/such/report.txt: cannot open: no such file or directory")
  }

  @Test func directory() throws {
    let folder = try CLIRunner.temporaryFolder()
    try reject(folder.path, status: 66, message: "\(folder.path): cannot open: is a directory")
  }

  /// An endless line is refused while it is read (it used to be skipped forever).
  @Test func endlessLine() throws {
    try reject(
      "/dev/zero", status: 65,
      message: "/dev/zero:1: a line longer than 64 MiB with no end: not text")
  }

  @Test func emptyFile() throws {
    let file = try CLIRunner.temporaryFolder().appendingPathComponent("empty.txt")
    try Data().write(to: file)
    try reject(file.path, status: 65, message: "\(file.path): the input is empty")
  }

  @Test func binaryFile() throws {
    let file = try CLIRunner.temporaryFolder().appendingPathComponent("core.bin")
    var bytes = [UInt8](repeating: 0, count: 4096)
    for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
    try Data(bytes).write(to: file)
    try reject(
      file.path, status: 65,
      message: "\(file.path):1: binary data, not a memory_profiler text report")
  }

  @Test func jsonFile() throws {
    let path = TestFiles.fixture("malformed/not-a-report.json")
    let r = try CLIRunner.run(["report", path])
    #expect(r.status == 65)
    #expect(r.stderr.hasPrefix("memreport: error: \(path):1: this looks like JSON"))
  }

  @Test func heapProfilerOutputFromStandardInput() throws {
    let data = try Data(
      contentsOf: URL(fileURLWithPath: TestFiles.fixture("malformed/heap-profiler.txt")))
    try reject(
      "-", status: 65,
      message:
        "-:4: this is heap-profiler output (Shopify's heap-profiler gem: 'Total freed'), not memory_profiler; memreport reads memory_profiler reports only",
      stdin: data)
  }

  @Test func fiftyMegabyteSingleLine() throws {
    let file = try CLIRunner.temporaryFolder().appendingPathComponent("one-line.txt")
    try Data(repeating: UInt8(ascii: "a"), count: 50_000_000).write(to: file)
    let start = Date()
    try reject(
      file.path, status: 65,
      message: "\(file.path):1: line is longer than 1 MiB: not a memory_profiler report")
    #expect(Date().timeIntervalSince(start) < 30)  // a hang guard, not a speed test
  }

  @Test func unwritableOutput() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("default.txt"), "-o", "/no/such/folder/out.json",
    ])
    #expect(r.status == 74)
    #expect(
      r.stderr
        == "memreport: error: /no/such/folder/out.json: cannot write: no such file or directory\n")
  }

  @Test func devNullIsWrittenDirectly() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("default.txt"), "--format", "json", "-o", "/dev/null",
    ])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty)
    #expect(FileManager.default.fileExists(atPath: "/dev/null"))
  }
}

/// What PowerShell's `>` writes (UTF-16LE with a byte order mark, CRLF) reads like the original:
/// report, diff with a patch, and trend give the same JSON as from the UTF-8 files.
@Suite("UTF-16 inputs, end to end")
struct UTF16CommandTests {
  static func utf16(_ path: String, in folder: URL) throws -> String {
    let text = try String(contentsOfFile: path, encoding: .utf8)
      .replacingOccurrences(of: "\n", with: "\r\n")
    let url = target(path, in: folder)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try #require(text.data(using: .utf16)).write(to: url)  // Foundation writes FF FE first
    return url.path
  }

  /// The copy keeps its folder's name and its own: trend labels and test counts come from them.
  static func target(_ path: String, in folder: URL) -> URL {
    let original = URL(fileURLWithPath: path)
    return folder.appendingPathComponent(original.deletingLastPathComponent().lastPathComponent)
      .appendingPathComponent(original.lastPathComponent)
  }

  @Test func everyCommandReadsUTF16() throws {
    let folder = try CLIRunner.temporaryFolder()
    let leak = try TrendFiles.leak
    let runs: [[String]] = [
      ["report", TestFiles.sample("default.txt")],
      [
        "diff", TestFiles.sample("before.txt"), TestFiles.sample("after.txt"), "--git-diff",
        TestFiles.sample("before-after.patch"),
      ],
      ["trend", leak],
    ]
    for arguments in runs {
      let original = try CLIRunner.run(arguments + ["--format", "json"])
      let converted = try arguments.map {
        $0.hasPrefix("/") ? try Self.utf16($0, in: folder) : $0
      }
      let decoded = try CLIRunner.run(converted + ["--format", "json"])
      #expect(original.status == 0 && decoded.status == 0, "\(arguments[0]): \(decoded.stderr)")
      // Only the paths differ (and the CRLF and UTF-16 variant notes of the report).
      var expected = original.stdout
      for path in arguments where path.hasPrefix("/") {
        expected = expected.replacingOccurrences(
          of: path, with: Self.target(path, in: folder).path)
      }
      #expect(
        decoded.stdout.replacingOccurrences(of: #""CRLF line endings", "#, with: "")
          .replacingOccurrences(of: #", "UTF-16 (decoded)""#, with: "")
          .replacingOccurrences(of: #""UTF-16 (decoded)", "#, with: "") == expected,
        "\(arguments[0])")
    }
  }
}
