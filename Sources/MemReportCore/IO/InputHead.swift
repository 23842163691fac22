/// The first bytes of an input, split into cleaned lines, for readers to say whether the input is
/// theirs before anything is parsed (see `InputFile.head(limit:)`).
public struct InputHead: Sendable {
  public let path: String
  public let bytes: [UInt8]
  /// The whole input is in `bytes`.
  public let complete: Bool

  public init(path: String, bytes: [UInt8], complete: Bool) {
    self.path = path
    self.bytes = bytes
    self.complete = complete
  }

  /// Reads the head of `input`.
  public init(_ input: InputFile, limit: Int = 64 << 10) throws {
    let bytes = try input.head(limit: limit)
    self.init(path: input.path, bytes: bytes, complete: bytes.count < limit)
  }

  /// Calls `body` with each line (cleaned of ANSI codes, CR, BOM, tabs, non-breaking spaces and
  /// leading blanks; blank lines skipped) and its 1-based number, until `body` returns false. A
  /// last line cut off by the head's limit is left out.
  package func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) {
    var cleaner = LineCleaner()
    bytes.withUnsafeBufferPointer { all in
      var start = 0
      var number = 1
      while start < all.count {
        let newline = all[start...].firstIndex(of: ASCII.newline)
        guard newline != nil || complete else { return }
        let end = newline ?? all.count
        var keepGoing = true
        cleaner.clean(UnsafeBufferPointer(rebasing: all[start..<end])) { line, _ in
          var i = 0
          while i < line.count, line[i] == ASCII.space { i += 1 }
          if i < line.count { keepGoing = body(UnsafeBufferPointer(rebasing: line[i...]), number) }
        }
        if !keepGoing { return }
        start = end + 1
        number += 1
      }
    }
  }
}
