import Foundation
import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// Reading memory-over-time series: derailed's file name, its file and stdout, other tools'
/// numbers and tables, and bad values.
@Suite("Memory-over-time parsing")
struct SeriesParsingTests {
  @Test func derailedFileNameIsReadFromTheRight() throws {
    let real = try #require(
      SeriesFileName(
        path:
          "tmp/2019-05-02T16:54:14+03:00-ruby 2.6.1p33 (2019-01-30 revision 66950) [x86_64-darwin18]-memory-5000-times.txt"
      ))
    #expect(real.testCount == 5000)
    #expect(real.startTime == "2019-05-02T16:54:14+03:00")
    #expect(real.rubyVersion == "ruby 2.6.1p33 (2019-01-30 revision 66950) [x86_64-darwin18]")
    let prism = try #require(
      SeriesFileName(
        path:
          "2025-01-02T03:04:05Z-ruby 3.4.1 (2024-12-25 revision 48d4efcb85) +PRISM [arm64-darwin24]-memory-10000-times.txt"
      ))
    #expect(prism.startTime == "2025-01-02T03:04:05Z")
    #expect(
      prism.rubyVersion == "ruby 3.4.1 (2024-12-25 revision 48d4efcb85) +PRISM [arm64-darwin24]")
    #expect(prism.testCount == 10000)
    // derailed 1.0.0 kept `ruby -v`'s newline; the name holds a `-memory-` inside the Ruby part too.
    let old = try #require(
      SeriesFileName(
        path: "2015-09-01T10:00:00-05:00-ruby 2.2.3p173 x-memory-7\n-memory-20000-times.txt"))
    #expect(old.testCount == 20000)
    #expect(old.rubyVersion == "ruby 2.2.3p173 x-memory-7")
    let bare = try #require(SeriesFileName(path: "leak-memory-300-times.txt"))
    #expect(bare.testCount == 300 && bare.startTime == nil && bare.rubyVersion == "leak")
    for name in [
      "memory.txt", "x-memory--times.txt", "x-memory-12-times.csv", "x-memory-12a-times.txt", "-",
    ] {
      #expect(SeriesFileName(path: name) == nil, "\(name)")
    }
  }

  @Test func numbersAreReadExactlyFromBytes() {
    func parse(_ s: String) -> MemOverTimeNumber.Result {
      Array(s.utf8).withUnsafeBufferPointer { MemOverTimeNumber.parse($0) }
    }
    // Every value derailed writes (multiples of 1/1024) and Ruby's other Float#to_s forms parse to
    // the same Double as Swift's own parser.
    for text in [
      "183.65234375", "184.0", "27.66796875", "1204.46484375", "0.0009765625", "307200", "+12.5",
      "1.0e-05", "2.5E+3", "12345678901234567890.5",
    ] {
      #expect(
        parse(text)
          == .value(
            Double(text.replacingOccurrences(of: "+", with: "", options: .anchored)) ?? .nan),
        "\(text)")
    }
    #expect(parse("-5.0") == .negative(-5))
    #expect(parse("-0.0") == .value(0))
    for text in ["12.3.4", "1e", "--5", "1,5", ".", "abc", "1 2", "0x10"] {
      #expect(parse(text) == .malformed, "\(text)")
    }
    #expect(parse("1e999") == .notFinite)
  }

  @Test func realDerailedLeakFile() throws {
    let path = try TrendFiles.leak
    let s = try readSeries(path)
    // python3: v = [float(x) for x in open(path)]; len(v), v[0], v[-1] → 206 27.66796875 1204.46484375
    #expect(s.count == 206)
    #expect(s.values.first == 27.66796875)
    #expect(s.values.last == 1204.46484375)
    #expect(s.form == .derailedFile)
    #expect(s.testCount == 50000)
    #expect(s.rubyVersion == "ruby 3.1.2p20 (2022-04-12 revision 4491bb740a) [x86_64-linux-gnu]")
    #expect(s.startTime == "2026-11-25T10:08:20+00:00")
    #expect(s.intervalSeconds == 5)
    #expect(s.warnings.isEmpty)
    #expect(s.lines == Array(1...206))
  }

  @Test func realDerailedStdoutMatchesItsFile() throws {
    for (stdout, file) in [
      (TrendFiles.leakStdout, try TrendFiles.leak),
      (TrendFiles.plateauStdout, try TrendFiles.plateau),
    ] {
      let out = try readSeries(stdout)
      let tmp = try readSeries(file)
      // The stdout capture is `Endpoint: "/"`, `PID: n`, then the file's values in order.
      #expect(out.values == tmp.values)
      #expect(out.form == .derailedStdout)
      #expect(out.preamble["Endpoint"] == "/")
      #expect(out.preamble["PID"] != nil)
      #expect(out.warnings.isEmpty)
      #expect(out.testCount == nil)
      #expect(out.lines.first == 3)
    }
    #expect(try readSeries(TrendFiles.leakStdout).preamble["PID"] == "4823")
    let withCount = try readSeries(TrendFiles.leakStdout, .init(testCount: 50000))
    #expect(withCount.testCount == 50000)
  }

  @Test func pastedStdoutSkipsNoiseWithAWarningPerLine() throws {
    let s = try readSeries(TrendFiles.fixture("pasted-stdout.txt"))
    #expect(s.values == [103.51171875, 105.12890625, 106.0, 106.37109375, 107.0234375])
    #expect(s.lines == [6, 7, 9, 12, 14])
    #expect(s.form == .derailedStdout)
    #expect(s.preamble == ["Booting": "production", "Endpoint": "/", "PID": "78675"])
    let expected: [(Int, String)] = [
      (1, "shell prompt or command"), (2, "Ruby warning"), (8, "elision"), (10, "elision"),
      (11, "0 sample"), (13, "not a sample"), (15, "not a sample"),
    ]
    #expect(s.warnings.map(\.line) == expected.map(\.0))
    for (warning, (line, text)) in zip(s.warnings, expected) {
      #expect(warning.message.contains(text), "line \(line): \(warning.message)")
    }
  }

  @Test func bomAndCRLFAreUndone() throws {
    let s = try readSeries(TrendFiles.fixture("crlf-bom.txt"))
    #expect(s.values == [100.5, 101.0, 101.25, 102.0])
    #expect(s.form == .numbers)
  }

  @Test func csvWithKiBColumnAndTimeColumn() throws {
    let s = try readSeries(TrendFiles.fixture("rss-kib.csv"))
    #expect(s.form == .table)
    #expect(s.memoryColumn == "rss_kib" && s.timeColumn == "time_s")
    #expect(s.inputUnit == .kibibytes)
    #expect(s.intervalSeconds == 10 && s.intervalOrigin == "time column")
    #expect(s.count == 40)
    #expect(s.values.first == 100)  // 102400 KiB
    #expect(s.values[1] == 119280.0 / 1024)
    // `--unit` wins over the header, with a warning.
    let forced = try readSeries(TrendFiles.fixture("rss-kib.csv"), .init(unit: .kilobytes))
    #expect(forced.values.first == 102400 * 1000.0 / 1_048_576)
    #expect(forced.warnings.first?.message.contains("says KiB") == true)
  }

  @Test func tsvWithSampleColumn() throws {
    let s = try readSeries(TrendFiles.fixture("sample-memory.tsv"))
    #expect(s.form == .table)
    #expect(s.memoryColumn == "memory (MiB)" && s.timeColumn == "sample")
    #expect(s.inputUnit == .mebibytes)
    #expect(s.intervalSeconds == 5 && s.intervalOrigin != "time column")
    #expect(s.values.prefix(3) == [200.25, 202.0, 204.0])
    #expect(s.lines.first == 2)
  }

  @Test func psOutputInKiB() throws {
    // Integers of hundreds of thousands with no decimal point: ps's KiB, read as such with a
    // warning that names the way out (issue 10 point 10: they were read as 300 GiB of MiB).
    let plain = try readSeries(TrendFiles.fixture("ps-rss-kib.txt"))
    #expect(plain.inputUnit == .kibibytes && plain.unitInferred)
    #expect(plain.values.first == 300)
    #expect(plain.warnings.first?.message.contains("read as KiB") == true)
    #expect(plain.warnings.first?.message.contains("pass 'unit MiB'") == true)
    // The caller's names for options (the CLI's flags) appear where it binds them.
    let named = try OptionNames.$current.withValue(
      .init(
        top: "", jsonFormat: "", gitDiff: "", skipBadLines: "", unit: "--the-unit", interval: "",
        allowFiles: "",
        ignoreFiles: "", failOnIncrease: "", gate: "")
    ) { try readSeries(TrendFiles.fixture("ps-rss-kib.txt")) }
    #expect(named.warnings.first?.message.contains("pass '--the-unit MiB'") == true)
    // Given as MiB, they stay MiB.
    let asMiB = try readSeries(TrendFiles.fixture("ps-rss-kib.txt"), .init(unit: .mebibytes))
    #expect(asMiB.values.first == 307200 && !asMiB.unitInferred)
    let kib = try readSeries(TrendFiles.fixture("ps-rss-kib.txt"), .init(unit: .kibibytes))
    #expect(kib.values.first == 300)
    #expect(kib.warnings.isEmpty)
    #expect(kib.inputUnit == .kibibytes)
  }

  @Test func badValuesNameTheirLine() throws {
    let bad = TrendFiles.fixture("bad-value.txt")
    #expect(
      throws: MemReportError.unusableInput(
        path: bad, line: 4,
        reason: "not a number: '12.3.4' (pass 'skipBadLines' to skip such lines)")
    ) {
      try readSeries(bad)
    }
    let skipped = try readSeries(bad, .init(skipBadLines: true))
    #expect(skipped.values == [100, 101.5, 102.25, 103, 104.5])
    #expect(skipped.warnings.map(\.line) == [4, 6, 7, 9])
    #expect(
      skipped.warnings.map(\.message) == [
        "skipped a bad value: not a number: '12.3.4'",
        "skipped a bad value: negative memory: '-5.0'",
        "skipped a bad value: not a memory sample: 'abc'",
        "skipped a bad value: number out of range: '1e999'",
      ])
    // A text line before a malformed number is named first: it is bad too (no derailed preamble).
    let text = TrendFiles.fixture("text-before-bad-number.txt")
    #expect(
      throws: MemReportError.unusableInput(
        path: text, line: 2,
        reason: "not a memory sample: 'hello world' (pass 'skipBadLines' to skip such lines)")
    ) {
      try readSeries(text)
    }
    let columns = TrendFiles.fixture("headerless-two-columns.txt")
    #expect(
      throws: MemReportError.unusableInput(
        path: columns, line: 1,
        reason:
          "2 values on one line but no header naming the memory column: '0 120.5' (pass 'skipBadLines' to skip such lines)"
      )
    ) {
      try readSeries(columns)
    }
  }

  @Test func inputsThatAreNotSeries() throws {
    let json = TestFiles.fixture("malformed/not-a-report.json")
    #expect(
      throws: MemReportError.unusableInput(
        path: json, line: 1, reason: "this looks like JSON, not a memory-over-time series")
    ) {
      try readSeries(json)
    }
    let report = TestFiles.sample("default.txt")
    #expect(
      throws: MemReportError.otherInputKind(
        path: report, line: 1, found: MemoryProfilerReader.name,
        reason:
          "this looks like a memory_profiler report, not a memory-over-time series (derailed perf:mem_over_time)"
      )
    ) {
      try readSeries(report)
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trend-parse-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let empty = folder.appendingPathComponent("empty.txt").path
    try Data().write(to: URL(fileURLWithPath: empty))
    #expect(
      throws: MemReportError.unusableInput(path: empty, line: nil, reason: "the input is empty")
    ) { try readSeries(empty) }
    let noise = folder.appendingPathComponent("noise.txt").path
    try Data("Booting: production\nPID: 12\n\n".utf8).write(to: URL(fileURLWithPath: noise))
    #expect(
      throws: MemReportError.unusableInput(
        path: noise, line: nil,
        reason:
          "no memory samples found: expected derailed perf:mem_over_time output (one number per line), or a CSV/TSV whose header names a memory column"
      )
    ) {
      try readSeries(noise)
    }
    let binary = folder.appendingPathComponent("core").path
    try Data([0x31, 0x32, 0x0A, 0x00, 0x01, 0x02, 0x0A]).write(to: URL(fileURLWithPath: binary))
    #expect(
      throws: MemReportError.unusableInput(
        path: binary, line: 2, reason: "binary data, not a memory-over-time series")
    ) {
      try readSeries(binary)
    }
    #expect(
      throws: MemReportError.cannotOpen(
        path: "/no/such/series.txt", reason: "no such file or directory")
    ) {
      try readSeries("/no/such/series.txt")
    }
  }

  @Test func unitsAndSizes() {
    #expect(SeriesUnit.size("512MiB") == 512)
    #expect(SeriesUnit.size("512 MiB") == 512)
    #expect(SeriesUnit.size("1GiB") == 1024)
    #expect(SeriesUnit.size("0.5 gib") == 512)
    #expect(SeriesUnit.size("500MB") == 500_000_000.0 / 1_048_576)
    #expect(SeriesUnit.size("300") == 300)
    for bad in ["", "MiB", "-5MiB", "5 parsecs", "0"] {
      #expect(SeriesUnit.size(bad) == nil, "\(bad)")
    }
    #expect(
      SeriesUnit(name: "KiB") == .kibibytes && SeriesUnit(name: "kB") == .kilobytes
        && SeriesUnit(name: "MB") == .megabytes)
  }
}

/// Hostile pastes for the run splitting and KiB detection (issue 10 point 10).
@Suite("Memory-over-time pasted runs and integers")
struct SeriesRunsAndIntegersTests {
  func parse(_ text: String, _ options: MemOverTimeParser.Options = .init()) throws -> MemorySeries
  {
    var parser = MemOverTimeParser(path: "paste.txt", options: options)
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let bytes = Array(line.utf8)
      try bytes.withUnsafeBufferPointer { try parser.consume($0, number: i + 1) }
    }
    return try parser.finish()
  }

  @Test func thousandsOfPastedRunsStopAtTheLimit() throws {
    let text = (0..<300).map { "PID: \($0)\n1.5\n2.5" }.joined(separator: "\n")
    let s = try parse(text)
    #expect(s.count == 600)
    #expect(s.runStarts.count == MemOverTimeParser.runLimit - 1)
    let runs = s.splitRuns()
    #expect(runs.count == MemOverTimeParser.runLimit)
    #expect(runs.last?.count == 600 - 2 * (MemOverTimeParser.runLimit - 1))
    #expect(
      s.warnings.contains { $0.message.hasPrefix("more than 100 runs pasted into one input") })
  }

  @Test func hugeValuesAreOutOfRangeNotATrap() throws {
    // Worded through Int64 they trapped (as before this change); now they are bad values.
    #expect(throws: MemReportError.self) { try self.parse("99999999999999999999999999\n2\n") }
    let skipped = try parse("99999999999999999999999999\n20000\n30000\n", .init(skipBadLines: true))
    #expect(skipped.count == 2 && skipped.unitInferred)
    #expect(skipped.warnings.contains { $0.message.contains("number out of range") })
    let big = try parse("999999999\n999999998\n")
    #expect(big.unitInferred && big.values.first == 999999999.0 / 1024)
  }

  @Test func floatsAndSmallIntegersStayMiB() throws {
    // derailed prints Floats: even large ones stay MiB; small integers are plausible MiB.
    #expect(try parse("20000.5\n20001.0\n").inputUnit == .mebibytes)
    #expect(try parse("250\n251\n").inputUnit == .mebibytes)
    #expect(try parse("250\n251\n").warnings.isEmpty)
  }
}

/// `yes | memreport trend -` read forever, and an endless series of numbers would be held in
/// memory: past a run of lines without a sample, or too many samples, the input is refused. The
/// limits are small here; the defaults are 1,000,000 lines and 10,000,000 samples.
@Suite("Endless series")
struct EndlessSeriesTests {
  func feed(_ lines: [String], _ options: MemOverTimeParser.Options) throws -> MemorySeries {
    var parser = MemOverTimeParser(path: "-", options: options)
    for (i, line) in lines.enumerated() {
      let bytes = Array(line.utf8)
      try bytes.withUnsafeBufferPointer { try parser.consume($0, number: i + 1) }
    }
    return try parser.finish()
  }

  @Test func linesWithoutASampleStop() throws {
    var options = MemOverTimeParser.Options(skipBadLines: true)
    options.idleLineLimit = 50
    let lines = ["100.5", "101.5"] + Array(repeating: "y", count: 60)
    #expect(
      throws: MemReportError.unusableInput(
        path: "-", line: 53,
        reason:
          "no memory sample in the last 50 lines (an endless or unrelated stream): stopped reading")
    ) { try feed(lines, options) }
  }

  @Test func tooManySamplesStop() throws {
    var options = MemOverTimeParser.Options()
    options.sampleLimit = 100
    #expect(throws: MemReportError.self) {
      try feed((0..<150).map { "\(100 + $0)" }, options)
    }
    let s = try feed((0..<100).map { "\(100 + $0)" }, options)
    #expect(s.count == 100)
  }
}
