import Foundation
import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

@Suite("memreport diff: errors while writing")
struct DiffRunTests {
  /// Templates without a `diff` page: rendering fails after the diff was built.
  func templatesWithoutADiffPage() throws -> HTMLTemplates {
    try HTMLTemplates(
      files: ["head.mustache": "<html>", "foot.mustache": "</html>"], origin: "test")
  }

  @Test func aTemplateThatDoesNotRenderIsThrownNotAnEmptyPage() throws {
    let diff = ProfileDiffBuilder.build(before: [], after: [])
    struct Sink: TextOutputStream {
      var text = ""
      mutating func write(_ string: String) { text += string }
    }
    var sink = Sink()
    #expect(throws: MemReportError.self) {
      try HTMLDiffWriter(templates: try templatesWithoutADiffPage()).write(
        diff, context: DiffContext(before: ["a"], after: ["b"]), into: &sink)
    }
    #expect(sink.text.isEmpty)
  }

  @Test func noOutputFileIsLeftWhenWritingThrows() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "memreport-diffrun-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("diff.html").path
    var job = DiffRun(
      before: [TestFiles.sample("before.txt")], after: [TestFiles.sample("after.txt")],
      format: .html,
      output: output, transform: ProfileTransform(filter: try FileFilter()))
    job.templates = try templatesWithoutADiffPage()
    #expect(throws: MemReportError.self) { try job.run() }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }
}
