import MemReportCore
/// Reads `git diff -U0 OLD NEW` output: for each file, its old and new path and its hunks.
package enum UnifiedDiffParser {
  /// One `@@ -oldStart,oldCount +newStart,newCount @@` hunk.
  package struct Hunk: Sendable, Equatable {
    package var oldStart: Int
    package var oldCount: Int
    package var newStart: Int
    package var newCount: Int
  }

  /// The hunks of one file.
  package struct FilePatch: Sendable, Equatable {
    /// Paths without git's `a/` and `b/` prefixes; `nil` for `/dev/null`.
    package var oldPath: String?
    package var newPath: String?
    package var hunks: [Hunk]
  }

  /// Parses a patch. An empty text is an empty patch.
  /// - Throws: `MemReportError.unusableInput` naming the first line that is not part of a unified
  ///   diff, or the patch when it holds no file header at all.
  package static func parse(_ text: String, path: String) throws -> [FilePatch] {
    var files: [FilePatch] = []
    var current: FilePatch?
    var pendingOld: String??
    var lineNumber = 0
    var sawHeader = false
    // Bytes, not Characters: "\r\n" is one Character, so a CRLF patch was one line.
    for rawBytes in text.utf8.split(separator: ASCII.newline, omittingEmptySubsequences: false) {
      lineNumber += 1
      let bytes = rawBytes.last == ASCII.carriageReturn ? rawBytes.dropLast() : rawBytes
      let line = Substring(String(decoding: bytes, as: UTF8.self))
      if line.hasPrefix("diff ") || line.hasPrefix("index ") || line.hasPrefix("new file mode")
        || line.hasPrefix("deleted file mode") || line.hasPrefix("old mode")
        || line.hasPrefix("new mode")
        || line.hasPrefix("similarity index") || line.hasPrefix("rename ")
        || line.hasPrefix("copy ")
        || line.hasPrefix("Binary files") || line.hasPrefix("\\ No newline")
      {
        sawHeader = sawHeader || line.hasPrefix("diff ")
        continue
      }
      if line.hasPrefix("--- ") {
        if let file = current { files.append(file) }
        current = nil
        pendingOld = .some(Self.strip(String(line.dropFirst(4)), prefix: "a/"))
        sawHeader = true
        continue
      }
      if line.hasPrefix("+++ "), let old = pendingOld {
        current = FilePatch(
          oldPath: old, newPath: Self.strip(String(line.dropFirst(4)), prefix: "b/"), hunks: [])
        pendingOld = nil
        continue
      }
      if line.hasPrefix("@@ ") {
        guard current != nil, let hunk = Self.hunk(line) else {
          throw MemReportError.unusableInput(
            path: path, line: lineNumber,
            reason:
              "not a unified diff hunk header (or a line number over \(Units.count(Int64(maximumLine)))): '\(line.prefix(60))'"
          )
        }
        current?.hunks.append(hunk)
        continue
      }
      if current != nil,
        line.hasPrefix("+") || line.hasPrefix("-") || line.hasPrefix(" ") || line.isEmpty
      {
        continue
      }
      if line.isEmpty { continue }
      throw MemReportError.unusableInput(
        path: path, line: lineNumber,
        reason:
          "not a unified diff (expected output of 'git diff -U0 OLD NEW'): '\(line.prefix(60))'")
    }
    if let file = current { files.append(file) }
    if !sawHeader && !text.allSatisfy(\.isWhitespace) {
      throw MemReportError.unusableInput(
        path: path, line: 1, reason: "not a unified diff: no '--- ' file header")
    }
    return files
  }

  /// `@@ -84,2 +84,3 @@ def cache_keys`.
  static func hunk(_ line: Substring) -> Hunk? {
    let parts = line.split(separator: " ")
    guard parts.count >= 3, parts[1].hasPrefix("-"), parts[2].hasPrefix("+"),
      let old = range(parts[1].dropFirst()), let new = range(parts[2].dropFirst())
    else { return nil }
    return Hunk(oldStart: old.0, oldCount: old.1, newStart: new.0, newCount: new.1)
  }

  /// The most lines a file in a patch can have: larger numbers (`+2,9223372036854775807`) are not a
  /// real patch and are refused rather than carried into line arithmetic.
  package static let maximumLine = 100_000_000

  /// `start,count` or `start`: digits only (no sign), each at most `maximumLine`.
  private static func range(_ text: Substring) -> (Int, Int)? {
    let pieces = text.split(separator: ",", omittingEmptySubsequences: false)
    guard pieces.count <= 2, let start = number(pieces[0]) else { return nil }
    if pieces.count == 1 { return (start, 1) }
    guard let count = number(pieces[1]) else { return nil }
    return (start, count)
  }

  private static func number(_ digits: Substring) -> Int? {
    guard !digits.isEmpty, digits.count <= 9, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      let value = Int(digits), value <= maximumLine
    else { return nil }
    return value
  }

  private static func strip(_ path: String, prefix: String) -> String? {
    var path = path
    if let tab = path.firstIndex(of: "\t") { path = String(path[..<tab]) }
    if path == "/dev/null" { return nil }
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
