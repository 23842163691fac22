import MemReportCore

/// A reader whose input becomes require trees (derailed `bundle:mem` / `perf:mem`).
public protocol RequireTreeReading: InputReader {
  static func read(_ input: InputFile, progress: ((Int) -> Void)?) throws -> RequireTreeInput
}

/// derailed's require-cost trees in the registry: a `TOP: <number> MiB` line (or `mb`), or the
/// `perf:mem` banner, among the first lines.
public enum RequireTreeReader: RequireTreeReading {
  public static let name = "derailed-require-tree"
  public static let description = "a derailed bundle:mem / perf:mem require tree"
  private static let banner = Array("## Impact of `require".utf8)

  public static func detect(_ head: InputHead) -> Detection {
    var found: Int?
    head.forEachLine { line, number in
      if line.starts(with: banner) {
        found = number
      } else if line.starts(with: Array("TOP: ".utf8)), let parsed = RequireTreeLine.parse(line),
        parsed.name == "TOP"
      {
        found = number
      }
      return found == nil
    }
    return found.map { .mine(line: $0) } ?? .notMine
  }

  /// Whether `input` is a require tree as the registry decides (no reader before this one claims
  /// it), looking at its head once and skipping the readers after it. For commands that dispatch
  /// on the model before reading.
  /// - Throws: `MemReportError.cannotOpen` when the input cannot be read.
  public static func claims(_ input: InputFile) throws -> Bool {
    let head = try InputHead(input)
    guard case .mine = detect(head) else { return false }
    for reader in InputRegistry.readers {
      if reader == RequireTreeReader.self { return true }
      if case .mine = reader.detect(head) { return false }
    }
    return true
  }

  public static func read(_ input: InputFile, progress: ((Int) -> Void)?) throws
    -> RequireTreeInput
  {
    try RequireTreeParser.parse(input, progress: progress)
  }
}
