import Foundation
import MemReportTestSupport
import Testing
@testable import MemReportKit
import MemReportCore

@Suite("memreport report: errors while writing")
struct ReportRunTests {
  /// Templates without a `report` page: rendering fails after every report was read.
  func templatesWithoutAReportPage() throws -> HTMLTemplates {
    try HTMLTemplates(
      files: ["head.mustache": "<html>", "foot.mustache": "</html>"], origin: "test")
  }

  @Test func aTemplateThatDoesNotRenderIsThrownNotAnEmptyPage() throws {
    struct Sink: TextOutputStream {
      var text = ""
      mutating func write(_ string: String) { text += string }
    }
    var sink = Sink()
    var writer = HTMLReportWriter(
      options: ReportOptions(templates: try templatesWithoutAReportPage()))
    writer.begin(source: "before.txt", into: &sink)
    for profile in try parseFile(TestFiles.sample("before.txt")) {
      try writer.write(profile, into: &sink)
    }
    #expect(throws: MemReportError.self) { try writer.end(reports: 1, into: &sink) }
    #expect(sink.text.isEmpty)
  }

  @Test func noOutputFileIsLeftWhenWritingThrows() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "memreport-reportrun-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("report.html").path
    let job = ReportRun(
      input: TestFiles.sample("before.txt"), format: .html,
      options: ReportOptions(templates: try templatesWithoutAReportPage()), output: output,
      transform: ProfileTransform(filter: try FileFilter()))
    #expect(throws: MemReportError.self) { try job.run() }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func anExistingOutputIsLeftAsItWasWhenWritingThrows() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "memreport-reportrun-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("report.html").path
    try "the last good report".write(toFile: output, atomically: true, encoding: .utf8)
    let job = ReportRun(
      input: TestFiles.sample("before.txt"), format: .html,
      options: ReportOptions(templates: try templatesWithoutAReportPage()), output: output,
      transform: ProfileTransform(filter: try FileFilter()))
    #expect(throws: MemReportError.self) { try job.run() }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "the last good report")
  }
}
