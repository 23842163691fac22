import MemReportCore

/// The kinds of input memreport reads. Each has one folder under `Inputs/` with its reader and its
/// model, and one line in `InputRegistry.readers`.
public enum InputKind: String, CaseIterable, Sendable {
  /// memory_profiler `pretty_print` text, derailed `perf:objects` / `bundle:objects`.
  case memoryProfilerReport = "memory_profiler-report"
  /// derailed `perf:mem_over_time` files or output, number lists, CSV/TSV.
  case memoryOverTimeSeries = "memory-over-time-series"

  /// What the input is, in a sentence: "a memory_profiler report".
  public var description: String {
    switch self {
    case .memoryProfilerReport: return "a memory_profiler report"
    case .memoryOverTimeSeries: return "a memory-over-time series (derailed perf:mem_over_time)"
    }
  }
}

/// What a reader says of an input's first bytes (pprof's reader chain): the input is its kind
/// (with the line that shows it), or not. A real error (unreadable input) is thrown.
public enum Detection: Equatable, Sendable {
  case mine(line: Int)
  case notMine
}

/// A reader of one input kind, as the registry sees it.
public protocol InputReader {
  static var kind: InputKind { get }
  /// Whether `head` is this reader's kind. Cheap: looks at the first lines only.
  static func detect(_ head: InputHead) -> Detection
}

/// The one place every command asks what an input is, instead of naming a parser.
public enum InputRegistry {
  /// Every reader, in the order they are asked.
  public static let readers: [any InputReader.Type] = [
    MemoryProfilerReader.self,
    MemOverTimeReader.self,
  ]

  /// The kind of `head`, if a reader claims it.
  public static func detect(_ head: InputHead) -> (kind: InputKind, line: Int)? {
    for reader in readers {
      if case .mine(let line) = reader.detect(head) { return (reader.kind, line) }
    }
    return nil
  }

  /// Checks that `input` can be one of `kinds`, reading its head (kept for the parser).
  /// - Returns: the kind detected, or `nil` when no reader claims the input (the parser then
  ///   explains what it found).
  /// - Throws: `MemReportError.otherInputKind` when the input is clearly another kind; `cannotOpen`.
  @discardableResult
  public static func check(_ input: InputFile, reads kinds: [InputKind]) throws -> InputKind? {
    let head = try InputHead(input)
    var other: (kind: InputKind, line: Int)?
    for reader in readers {
      guard case .mine(let line) = reader.detect(head) else { continue }
      if kinds.contains(reader.kind) { return reader.kind }
      if other == nil { other = (reader.kind, line) }
    }
    if let other {
      let expected = kinds.map(\.description).joined(separator: " or ")
      throw MemReportError.otherInputKind(
        path: input.path, line: other.line, found: other.kind.rawValue,
        reason: "this looks like \(other.kind.description), not \(expected)")
    }
    return nil
  }
}
