import MemReportCore
/// Maps line numbers of the old version of files to the new version, from a `git diff -U0`
/// patch, so a location whose line only moved (`repo.rb:84` → `repo.rb:86`) compares as itself.
public struct LineMap: Sendable {
  package let files: [UnifiedDiffParser.FilePatch]
  /// Each patch path (old and new) → the first file patch that names it.
  private let index: [Substring: Int]

  package init(_ files: [UnifiedDiffParser.FilePatch]) {
    self.files = files
    var index: [Substring: Int] = [:]
    for (i, patch) in files.enumerated() {
      for path in [patch.oldPath, patch.newPath].compactMap({ $0 }) where index[path[...]] == nil {
        index[path[...]] = i
      }
    }
    self.index = index
  }

  /// The line map of a `git diff -U0 OLD NEW` patch.
  /// - Throws: `MemReportError.unusableInput` naming `path` and the line that is not a unified diff.
  public init(patch text: String, path: String) throws {
    self.init(try UnifiedDiffParser.parse(text, path: path))
  }

  /// What the patch says about an old line.
  public enum Mapping: Equatable, Sendable {
    /// The line is unchanged and now has this number.
    case moved(to: Int)
    /// The line was edited or removed.
    case edited
    /// The file is not in the patch.
    case notInPatch
  }

  /// The patch entry for a report's file path: the report path equals a patch path or ends with
  /// `/` + it (reports hold absolute or normalized paths, patches repository-relative ones).
  /// - Complexity: O(depth of `file`) lookups, whatever the size of the patch (it was a scan of
  ///   every patch file per location: 43 s for a 20,000-file patch on a 3,000-row report).
  package func patch(for file: String) -> UnifiedDiffParser.FilePatch? {
    var best: Int? = index[file[...]]
    var rest = file[...]
    while let slash = rest.firstIndex(of: "/") {
      rest = rest[rest.index(after: slash)...]
      if let i = index[rest], best.map({ i < $0 }) ?? true { best = i }
    }
    return best.map { files[$0] }
  }

  /// Where old line `line` of `file` is in the new version.
  /// - Complexity: O(*h*) in the file's hunks.
  public func map(file: String, line: Int) -> Mapping {
    guard let patch = patch(for: file) else { return .notInPatch }
    var shift = 0
    for hunk in patch.hunks {
      if hunk.oldCount == 0 {
        // Pure insertion after old line `oldStart`.
        if hunk.oldStart < line { shift += hunk.newCount }
        continue
      }
      let end = hunk.oldStart + hunk.oldCount  // exclusive
      if line >= hunk.oldStart && line < end { return .edited }
      if end <= line { shift += hunk.newCount - hunk.oldCount }
    }
    // A number no file can have (a hostile patch, or a caller's Int.max) is no counterpart either.
    let (moved, overflow) = line.addingReportingOverflow(shift)
    guard !overflow && moved >= 1 && moved <= UnifiedDiffParser.maximumLine else { return .edited }
    return .moved(to: moved)
  }
}
