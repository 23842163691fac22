import MemReportCore

/// What an input becomes: the model the commands that read it work on.
public enum InputModel: String, CaseIterable, Sendable {
  /// memory_profiler-shaped reports (`Profile`): `report`, `diff`.
  case profiles
  /// A memory-over-time series (`MemorySeries`): `trend`.
  case series
  /// derailed `bundle:mem` / `perf:mem` require trees (`RequireTreeInput`): `report`, `diff`.
  case requireTrees
}

/// What a reader says of an input's first bytes (pprof's reader chain): the input is its kind (with
/// the line that shows it), or not. A real error (an unreadable input) is thrown by the registry.
public enum Detection: Equatable, Sendable {
  case mine(line: Int)
  case notMine
}

/// A reader of one kind of input, as the registry sees it. Each lives in its `Inputs/<Kind>/`
/// folder with its parser and model.
public protocol InputReader {
  /// A stable identifier (`memory_profiler-report`), carried by errors.
  static var name: String { get }
  /// What the input is, in words: "a memory_profiler report".
  static var description: String { get }
  /// Whether `head` is this reader's kind. Cheap: looks at the first lines only.
  static func detect(_ head: InputHead) -> Detection
}

/// A reader whose input becomes memory_profiler-shaped profiles.
public protocol ProfileReader: InputReader {
  /// Streams the input's reports to `onProfile`, one at a time.
  /// - Returns: the number of reports read.
  static func read(
    _ input: InputFile, progress: ((Int) -> Void)?, onProfile: @escaping (Profile) throws -> Void
  ) throws -> Int
}

/// A reader whose input becomes a memory-over-time series.
public protocol SeriesReader: InputReader {
  static func read(_ input: InputFile, options: MemOverTimeParser.Options) throws -> MemorySeries
}

/// The one place commands ask what an input is and who reads it, instead of naming a parser.
/// A new input kind for existing commands is its `Inputs/<Kind>/` folder plus one line here.
public enum InputRegistry {
  /// Every reader, in the order they are asked; the first of each model also reads what no reader
  /// claims (its parser then says what it found instead).
  public static var readers: [any InputReader.Type] {
    [
      MemoryProfilerReader.self, RequireTreeReader.self, HeapDumpReader.self,
      MemOverTimeReader.self,
    ]
  }

  /// The model a reader's input becomes.
  public static func model(of reader: any InputReader.Type) -> InputModel? {
    if reader is any ProfileReader.Type { return .profiles }
    if reader is any SeriesReader.Type { return .series }
    if reader is any RequireTreeReading.Type { return .requireTrees }
    return nil
  }

  /// The reader named `name`.
  public static func reader(named name: String) -> (any InputReader.Type)? {
    readers.first { $0.name == name }
  }

  /// The kind of `head`, if a reader claims it.
  public static func detect(_ head: InputHead) -> (reader: any InputReader.Type, line: Int)? {
    for reader in readers {
      if case .mine(let line) = reader.detect(head) { return (reader, line) }
    }
    return nil
  }

  /// The model `input`'s content becomes, when a reader claims its head (kept for the parser).
  /// - Throws: `MemReportError.cannotOpen` when the input cannot be read.
  public static func model(of input: InputFile) throws -> InputModel? {
    guard let found = detect(try InputHead(input)) else { return nil }
    return model(of: found.reader)
  }

  /// The reader of profiles for `input`, reading its head (kept for the parser).
  /// - Throws: `MemReportError.otherInputKind` when the input is clearly another kind; `cannotOpen`.
  public static func profileReader(for input: InputFile) throws -> any ProfileReader.Type {
    try reader(for: input, as: (any ProfileReader.Type).self)
  }

  /// The reader of series for `input`, reading its head (kept for the parser).
  /// - Throws: `MemReportError.otherInputKind` when the input is clearly another kind; `cannotOpen`.
  public static func seriesReader(for input: InputFile) throws -> any SeriesReader.Type {
    try reader(for: input, as: (any SeriesReader.Type).self)
  }

  private static func reader<R>(for input: InputFile, as _: R.Type) throws -> R {
    let candidates = readers.compactMap { $0 as? R }
    guard let fallback = candidates.first, let fallbackReader = fallback as? any InputReader.Type
    else {
      throw MemReportError.usage("no reader of that model is registered")
    }
    let head = try InputHead(input)
    var other: (reader: any InputReader.Type, line: Int)?
    for reader in readers {
      guard case .mine(let line) = reader.detect(head) else { continue }
      if let wanted = reader as? R { return wanted }
      if other == nil { other = (reader, line) }
    }
    if let other {
      throw MemReportError.otherInputKind(
        path: input.path, line: other.line, found: other.reader.name,
        reason: "this looks like \(other.reader.description), not \(fallbackReader.description)")
    }
    return fallback
  }
}
