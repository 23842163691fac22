import Foundation
import MemReportCore
import MemReportTestSupport
import Testing

@Suite("Input files")
struct InputFileTests {
  /// The read-ahead is handed out again before the rest, so the parser sees every byte once.
  @Test func headIsReadAgain() throws {
    let input = try InputFile.open(TestFiles.sample("top3000.txt"))
    defer { input.close() }
    let head = try input.head(limit: 1000)
    #expect(head.count == 1000)
    let all = try input.readAll()
    let expected = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample("top3000.txt")))
    #expect(all.count == expected.count)
    #expect(Data(all) == expected)
  }
}
