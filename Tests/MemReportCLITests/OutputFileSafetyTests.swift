import Foundation
import MemReportTestSupport
import Testing

/// `-o` never leaves a hidden temporary file behind (interrupted or crashed) and keeps the mode of
/// the file it replaces.
@Suite("-o safety")
struct OutputFileSafetyTests {
  /// Starts `report - -o out.html` on a pipe that stays open, waits until the temporary file
  /// exists, sends `signal`, and returns the folder's names after the process ended.
  private func namesAfterSignal(_ signal: Int32) throws -> (names: [String], status: Int32) {
    let folder = try CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let process = Process()
    let arguments = ["report", "-", "-o", folder.appendingPathComponent("out.html").path]
    let pipe = Pipe()
    process.standardInput = pipe
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    // The test runner ignores these signals and children inherit that (as under nohup, where
    // memreport leaves them ignored): start memreport with the default handling a shell gives it.
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["--default-signal=INT,TERM,HUP", CLIRunner.binary.path] + arguments
    try process.run()
    // More than the read-ahead, so the command has detected the input and opened its output.
    let sample = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample("top3000.txt")))
    try pipe.fileHandleForWriting.write(contentsOf: sample)
    var waited = 0
    while waited < 200 {
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      if names.contains(where: { $0.hasPrefix(".out.html.memreport-") }) { break }
      usleep(50_000)
      waited += 1
    }
    let before = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(before.contains { $0.hasPrefix(".out.html.memreport-") })
    kill(process.processIdentifier, signal)
    // Closing the pipe ends the input, so a process that ignored the signal still ends.
    try? pipe.fileHandleForWriting.close()
    process.waitUntilExit()
    return (
      try FileManager.default.contentsOfDirectory(atPath: folder.path), process.terminationStatus
    )
  }

  @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
  func anInterruptLeavesNoTemporaryFile(signal: Int32) throws {
    let result = try namesAfterSignal(signal)
    #expect(result.names == [])
    #expect(result.status == signal)
  }

  @Test func replacingAPrivateFileKeepsItPrivate() throws {
    let folder = try CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("report.html")
    try Data("old".utf8).write(to: target)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
    let result = try CLIRunner.run([
      "report", TestFiles.sample("default.txt"), "-o", target.path,
    ])
    #expect(result.status == 0)
    let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)
    #expect(try Data(contentsOf: target).count > 1000)
  }
}

/// File names that are not UTF-8 (a Latin-1 `café.txt` is `caf` 0xE9 `.txt`) could not be opened,
/// and `-o` with such a name wrote a file named with U+FFFD instead. Arguments are bytes now.
/// A shell passes the raw bytes (Foundation's `Process` would encode them as UTF-8).
@Suite("File names that are not UTF-8")
struct NonUTF8FileNameTests {
  @Test func openAndWriteExactlyTheNamedFiles() throws {
    let folder = try CLIRunner.temporaryFolder()
    let script = """
      cd "$DIR" || exit 9
      cp "$SAMPLE" "$(printf 'caf\\351.txt')"
      "$BIN" report "$(printf 'caf\\351.txt')" -o "$(printf 'out\\350.json')" 2>err.txt || exit 8
      [ -f "$(printf 'out\\350.json')" ] || exit 7
      "$BIN" report "$(printf 'nope\\351.txt')" 2>>err.txt
      echo "missing:$?"
      grep '"source"' "$(printf 'out\\350.json')"
      ls | LC_ALL=C od -An -c | tr -s ' \\n' '  '
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.environment = [
      "DIR": folder.path, "BIN": CLIRunner.binary.path, "SAMPLE": TestFiles.sample("default.txt"),
      "PATH": "/usr/bin:/bin",
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output)")
    #expect(output.contains("missing:66"))
    // Exactly the three files named, with their bytes (351 and 350 octal), and no other.
    #expect(
      output.contains("c a f 351 . t x t \\n e r r . t x t \\n o u t 350 . j s o n \\n"),
      "\(output)")
    #expect(output.contains(#""source": "caf\\xE9.txt""#))
    let errors = try String(contentsOf: folder.appendingPathComponent("err.txt"), encoding: .utf8)
    #expect(errors == "memreport: error: nope\\xE9.txt: cannot open: no such file or directory\n")
  }
}
