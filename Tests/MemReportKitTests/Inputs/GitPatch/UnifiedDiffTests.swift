import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

@Suite("git diff -U0 patches")
struct UnifiedDiffTests {
  @Test func theCommittedPatchMapsLines() throws {
    let input = try InputFile.open(TestFiles.sample("before-after.patch"))
    defer { input.close() }
    let files = try UnifiedDiffParser.parse(
      String(decoding: try input.readAll(), as: UTF8.self), path: "p")
    #expect(files.count == 1)
    #expect(files.first?.oldPath == "app/models/repo.rb")
    #expect(
      files.first?.hunks == [
        .init(oldStart: 6, oldCount: 0, newStart: 7, newCount: 2),
        .init(oldStart: 25, oldCount: 1, newStart: 27, newCount: 1),
        .init(oldStart: 28, oldCount: 1, newStart: 30, newCount: 1),
      ])
    let map = LineMap(files)
    #expect(map.map(file: "/srv/x/app/models/repo.rb", line: 6) == .moved(to: 6))
    #expect(map.map(file: "/srv/x/app/models/repo.rb", line: 7) == .moved(to: 9))
    #expect(map.map(file: "workloads/app/models/repo.rb", line: 12) == .moved(to: 14))
    #expect(map.map(file: "app/models/repo.rb", line: 28) == .edited)
    #expect(map.map(file: "app/models/repo.rb", line: 38) == .moved(to: 40))
    #expect(map.map(file: "app/models/other.rb", line: 38) == .notInPatch)
    #expect(map.map(file: "lib/app/models/repo.rbx", line: 38) == .notInPatch)
  }

  @Test func deletionsShiftLinesUp() throws {
    let patch = """
      diff --git a/a.rb b/a.rb
      --- a/a.rb
      +++ b/a.rb
      @@ -3,2 +2,0 @@
      -x
      -y
      """
    let map = LineMap(try UnifiedDiffParser.parse(patch, path: "p"))
    #expect(map.map(file: "a.rb", line: 2) == .moved(to: 2))
    #expect(map.map(file: "a.rb", line: 3) == .edited)
    #expect(map.map(file: "a.rb", line: 10) == .moved(to: 8))
  }

  @Test func textThatIsNotAPatchIsRejectedWithItsLine() {
    #expect(
      throws: MemReportError.unusableInput(
        path: "p", line: 1,
        reason:
          "not a unified diff (expected output of 'git diff -U0 OLD NEW'): 'Total allocated: 1 bytes (1 objects)'"
      )
    ) {
      try UnifiedDiffParser.parse("Total allocated: 1 bytes (1 objects)\n", path: "p")
    }
    #expect(throws: MemReportError.self) {
      try UnifiedDiffParser.parse("--- a/x\n+++ b/x\n@@ nonsense @@\n", path: "p")
    }
    #expect((try? UnifiedDiffParser.parse("", path: "p"))?.isEmpty == true)
  }
}
