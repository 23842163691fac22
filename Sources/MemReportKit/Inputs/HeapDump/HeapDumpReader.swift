import MemReportCore

/// Ruby heap dumps (`ObjectSpace.dump_all`, one JSON object per line, plain or gzip) in the
/// registry: the first non-blank line is a JSON object with a `"type"` and an `"address"` or a
/// `"root"`.
public enum HeapDumpReader: ProfileReader {
  public static let name = "ruby-heap-dump"
  public static let description = "a Ruby heap dump (ObjectSpace.dump_all)"

  public static func detect(_ head: InputHead) -> Detection {
    var found: Int?
    head.forEachLine { line, number in
      if line.first == UInt8(ascii: "{"), contains(line, "\"type\":"),
        contains(line, "\"address\":\"0x") || contains(line, "\"root\":")
      {
        found = number
      }
      return false  // the first non-blank line decides
    }
    return found.map { .mine(line: $0) } ?? .notMine
  }

  private static func contains(_ line: UnsafeBufferPointer<UInt8>, _ word: String) -> Bool {
    let w = Array(word.utf8)
    guard line.count >= w.count else { return false }
    for start in 0...(line.count - w.count) where line[start] == w[0] {
      if line[start..<start + w.count].elementsEqual(w) { return true }
    }
    return false
  }

  /// Whether a summary counts what the measurement holds (the allocation tracer's table, objects
  /// of the dump call); bound by the caller around a run, like `OptionNames.current`.
  @TaskLocal public static var includeMeasurement = false

  public static func read(
    _ input: InputFile, progress: ((Int) -> Void)?, onProfile: @escaping (Profile) throws -> Void
  ) throws -> Int {
    let summary = try HeapSummary.read(input, progress: progress)
    var profile = summary.profile(includeMeasurement: includeMeasurement)
    if input.wasGzip { profile.metadata.features.insert(.gzip) }
    try onProfile(profile)
    return 1
  }
}
