import MemReportCore

/// memory_profiler reports in the registry: a `Total allocated` header or a section title among the
/// first lines.
public enum MemoryProfilerReader: ProfileReader {
  public static let name = "memory_profiler-report"
  public static let description = "a memory_profiler report"

  public static func detect(_ head: InputHead) -> Detection {
    var found: Int?
    let total = Array("Total allocated".utf8)
    head.forEachLine { line, number in
      if line.starts(with: total) || LineKind.title(line) != nil { found = number }
      return found == nil
    }
    return found.map { .mine(line: $0) } ?? .notMine
  }

  public static func read(
    _ input: InputFile, progress: ((Int) -> Void)?, onProfile: @escaping (Profile) throws -> Void
  ) throws -> Int {
    try MemoryProfilerParser.parse(input, progress: progress, onProfile: onProfile)
  }
}
