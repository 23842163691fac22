import MemReportTestSupport
import Testing

/// Names with terminal escapes, a lone `\r` and bidi overrides (a hand-made hostile copy of
/// Samples/default.txt) never reach a terminal or a pull-request comment as control characters.
@Suite("Hostile names in outputs")
struct HostileOutputTests {
  static let fixture = TestFiles.fixture("hostile/control-characters.txt")

  /// Scalars a terminal or a Markdown renderer would obey.
  static func obeyed(_ text: String) -> [UInt32] {
    text.unicodeScalars.filter { scalar in
      let v = scalar.value
      return (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
        || (0x2066...0x2069).contains(v)
    }.map(\.value)
  }

  @Test(arguments: [["report", "--by", "location"], ["report"], ["diff", "BASE"]])
  func textShowsControlsVisibly(command: [String]) throws {
    var arguments = command.map { $0 == "BASE" ? TestFiles.sample("default.txt") : $0 }
    arguments.insert(Self.fixture, at: 1)
    let result = try CLIRunner.run(arguments + ["--top", "50"])
    #expect(result.status == 0)
    #expect(Self.obeyed(result.stdout) == [])
    #expect(Self.obeyed(result.stderr) == [])
    if command.contains("location") {
      #expect(
        result.stdout.contains(
          "/x/\\e]52;c;aGk=\\aevil\\ec\\x9b31m\\rfake\\b\\b <U+202E>gnp.rb:905"))
    }
  }

  @Test func markdownRowsStayRows() throws {
    let result = try CLIRunner.run([
      "diff", Self.fixture, TestFiles.sample("default.txt"), "--format", "markdown", "--top", "50",
    ])
    #expect(result.status == 0)
    #expect(Self.obeyed(result.stdout) == [])
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    // The fake heading stays inside its table cell.
    #expect(!lines.contains { $0.hasPrefix("#") && $0.contains("Gate passed") })
    let row = lines.first { $0.contains("Gate passed") }
    #expect(row?.hasPrefix("| `") == true)
    #expect(row?.contains("app.rb\\r## ✅ Gate passed <img src=https://t.example/p.gif>") == true)
  }

  @Test func jsonEscapesThem() throws {
    let result = try CLIRunner.run(["report", Self.fixture, "--format", "json"])
    #expect(result.status == 0)
    #expect(Self.obeyed(result.stdout) == [])
    #expect(result.stdout.contains("\\u001b]52;c;aGk=\\u0007evil\\u001bc\\u009b31m\\rfake"))
  }
}

/// Two Latin-1 paths (`café.rb` is `caf` 0xE9 `.rb`, `cafè.rb` is 0xE8) were both decoded as
/// `caf\u{FFFD}.rb` and merged into one row with no warning. Each invalid byte is now shown as
/// `\xNN`: two rows, and one warning naming the line.
@Suite("Invalid UTF-8 names stay apart")
struct Latin1NameTests {
  static let fixture = TestFiles.fixture("hostile/latin1-paths.txt")

  @Test func reportKeepsTwoRows() throws {
    let r = try CLIRunner.run(["report", Self.fixture, "--format", "csv"])
    #expect(r.status == 0, "\(r.stderr)")
    let files = r.stdout.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("file,") }
    #expect(files.count == 2)
    #expect(files.contains { $0 == "file,srv/app/caf\\xE9.rb,200,,," })
    #expect(files.contains { $0 == "file,srv/app/caf\\xE8.rb,100,,," })
    #expect(r.stderr.contains("latin1-paths.txt:6: a name is not valid UTF-8 (Latin-1?)"))
  }

  @Test func diffAgainstItselfKeepsTwoRows() throws {
    let r = try CLIRunner.run(["diff", Self.fixture, Self.fixture, "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains(#""name": "srv/app/caf\\xE9.rb:3", "before": 200, "after": 200"#))
    #expect(r.stdout.contains(#""name": "srv/app/caf\\xE8.rb:3", "before": 100, "after": 100"#))
  }
}
