import MemReportCore

/// memory_profiler reports in the registry: a `Total allocated` header or a section title among the
/// first lines.
public enum MemoryProfilerReader: InputReader {
  public static let kind = InputKind.memoryProfilerReport

  public static func detect(_ head: InputHead) -> Detection {
    var found: Int?
    let total = Array("Total allocated".utf8)
    head.forEachLine { line, number in
      if line.starts(with: total) || LineKind.title(line) != nil { found = number }
      return found == nil
    }
    return found.map { .mine(line: $0) } ?? .notMine
  }
}
