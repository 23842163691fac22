import Foundation
import MemReportKit
import MemReportCore

/// Paths to the committed samples and fixtures.
public enum TestFiles {
  public static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  public static func sample(_ name: String) -> String {
    packageRoot.appendingPathComponent("Samples/\(name)").path
  }
  public static func fixture(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/MemReportKitTests/Fixtures/\(name)").path
  }
}

/// Parses a file through the streaming reader, as the CLI does.
public func parseFile(_ path: String) throws -> [Profile] {
  let input = try InputFile.open(path)
  defer { input.close() }
  var profiles: [Profile] = []
  try MemoryProfilerParser.parse(input) { profiles.append($0) }
  return profiles
}

extension Profile {
  public func section(_ text: String) -> Section? { sections.first { $0.title.text == text } }
  public func rowNames(_ text: String) -> [String] {
    section(text)?.rows.map { name(of: $0) } ?? []
  }
  public func warned(line: Int, containing text: String) -> Bool {
    warnings.contains { $0.line == line && $0.message.contains(text) }
  }
}
