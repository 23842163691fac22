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

  /// A patch saved with CRLF line ends (Windows, a browser) maps exactly as the original: it was
  /// one Swift Character per "\r\n", so the whole patch was one line and nothing mapped.
  @Test func aCRLFPatchReadsLikeTheOriginal() throws {
    let input = try InputFile.open(TestFiles.sample("etl.patch"))
    defer { input.close() }
    let text = String(decoding: try input.readAll(), as: UTF8.self)
    let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
    let original = try UnifiedDiffParser.parse(text, path: "p")
    #expect(!original.isEmpty && !original[0].hunks.isEmpty)
    #expect(try UnifiedDiffParser.parse(crlf, path: "p") == original)
  }

  /// Signs and numbers no file can have are refused with their line, never carried into line
  /// arithmetic (they trapped, or produced rows keyed `repo.rb:-67`).
  @Test(arguments: [
    "@@ -1,0 +2,9223372036854775807 @@", "@@ -1,0 +2,3000000000 @@",
    "@@ -9223372036854775807,9223372036854775807 +1 @@", "@@ -1,-5 +2,3 @@", "@@ --3 +2 @@",
    "@@ -1,2,3 +2 @@", "@@ -100000001 +1 @@",
  ])
  func impossibleHunksAreRefused(header: String) {
    let patch = "--- a/repo.rb\n+++ b/repo.rb\n" + header + "\n"
    let error = #expect(throws: MemReportError.self) {
      try UnifiedDiffParser.parse(patch, path: "p")
    }
    #expect(error?.description.hasPrefix("p:3: not a unified diff hunk header") == true)
  }

  /// The largest numbers a patch may hold still map without trapping.
  @Test func largestNumbersMap() throws {
    let patch = "--- a/a.rb\n+++ b/a.rb\n@@ -1,0 +2,100000000 @@\n"
    let map = LineMap(try UnifiedDiffParser.parse(patch, path: "p"))
    #expect(map.map(file: "a.rb", line: 1) == .moved(to: 1))
    #expect(map.map(file: "a.rb", line: 5) == .edited)  // would be beyond any file
    #expect(map.map(file: "a.rb", line: Int(Int32.max)) == .edited)
  }

  /// Any Int a caller passes maps without trapping (found by FuzzPatch: Int.max plus an inserted
  /// line overflowed).
  @Test func anyLineMapsWithoutOverflow() throws {
    let patch = "--- a/a.rb\n+++ b/a.rb\n@@ -1,0 +2,3 @@\n@@ -5 +8,0 @@\n"
    let map = LineMap(try UnifiedDiffParser.parse(patch, path: "p"))
    #expect(map.map(file: "a.rb", line: .max) == .edited)
    #expect(map.map(file: "a.rb", line: .min) == .edited)
    #expect(map.map(file: "a.rb", line: 2) == .moved(to: 5))
  }

  /// Paths are looked up by suffix through an index; the first patch naming a path wins.
  @Test func theIndexFindsTheFirstPatchForAnySuffix() throws {
    let patch = """
      --- a/lib/a.rb
      +++ b/lib/a.rb
      @@ -1,0 +2,1 @@
      --- a/x/lib/a.rb
      +++ b/x/lib/a.rb
      @@ -1,0 +2,5 @@
      """
    let map = LineMap(try UnifiedDiffParser.parse(patch, path: "p"))
    #expect(map.map(file: "/srv/x/lib/a.rb", line: 3) == .moved(to: 4))
    #expect(map.map(file: "lib/a.rb", line: 3) == .moved(to: 4))
    #expect(map.map(file: "/srv/lib/a.rb", line: 3) == .moved(to: 4))
    #expect(map.map(file: "/srv/lib/b.rb", line: 3) == .notInPatch)
  }
}
