import Foundation
import MemReportTestSupport
import Testing
@testable import MemReportKit
import MemReportCore

@Suite("memreport report: errors while writing")
struct ReportRunTests {

  @Test func aTemplateThatDoesNotRenderIsThrownNotAnEmptyPage() throws {
    var sink = StringSink()
    var writer = HTMLReportWriter(
      options: ReportOptions(templates: try templatesWithoutPages()))
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
      options: ReportOptions(templates: try templatesWithoutPages()), output: output,
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
      options: ReportOptions(templates: try templatesWithoutPages()), output: output,
      transform: ProfileTransform(filter: try FileFilter()))
    #expect(throws: MemReportError.self) { try job.run() }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "the last good report")
  }
}
