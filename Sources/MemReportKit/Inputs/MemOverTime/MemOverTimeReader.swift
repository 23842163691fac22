import MemReportCore

/// Memory-over-time series in the registry: at least two samples, and at least half of the first
/// lines (derailed's preamble aside) are bare numbers.
public enum MemOverTimeReader: SeriesReader {
  public static let name = "memory-over-time-series"
  public static let description = "a memory-over-time series (derailed perf:mem_over_time)"

  public static func detect(_ head: InputHead) -> Detection {
    var content = 0
    var numbers = 0
    var first: Int?
    head.forEachLine { line, number in
      if LineKind.preambleFact(line) != nil { return true }
      content += 1
      if LineKind.noise(line) == .number {
        numbers += 1
        if first == nil { first = number }
      }
      return true
    }
    guard numbers >= 2, numbers * 2 >= content, let first else { return .notMine }
    return .mine(line: first)
  }

  public static func read(_ input: InputFile, options: MemOverTimeParser.Options) throws
    -> MemorySeries
  {
    try MemOverTimeParser.parse(input, options: options)
  }
}
