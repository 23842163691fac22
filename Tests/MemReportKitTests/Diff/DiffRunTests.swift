import Foundation
import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

@Suite("memreport diff: errors while writing")
struct DiffRunTests {

  @Test func aTemplateThatDoesNotRenderIsThrownNotAnEmptyPage() throws {
    let diff = ProfileDiffBuilder.build(before: [], after: [])
    var sink = StringSink()
    #expect(throws: MemReportError.self) {
      try HTMLDiffWriter(templates: try templatesWithoutPages()).write(
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
    job.templates = try templatesWithoutPages()
    #expect(throws: MemReportError.self) { try job.run() }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }
}
