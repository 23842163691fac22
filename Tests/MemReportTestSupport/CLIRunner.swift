import Foundation

/// Runs the built `memreport` binary as a user would, capturing stdout, stderr and the exit code.
public enum CLIRunner {
  public struct Result {
    public var stdout: String
    public var stderr: String
    public var status: Int32
  }

  /// The binary next to the test bundle (`.build/<config>/memreport`).
  public static let binary: URL = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("memreport")
    if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
    for config in ["debug", "release"] {
      let candidate = TestFiles.packageRoot.appendingPathComponent(".build/\(config)/memreport")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return besideTests
  }()

  public static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws
    -> Result
  {
    let scratch = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    let inURL = scratch.appendingPathComponent("stdin")
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    try (stdin ?? Data()).write(to: inURL)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let input = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    try input.close()
    return Result(
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
      status: process.terminationStatus)
  }

  /// A fresh empty folder for outputs.
  public static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "memreport-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  public static func contents(of folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
  }
}
