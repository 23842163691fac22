import MemReportCore
/// What produced a report, as far as its text tells.
public enum Producer: String, Sendable, Codable {
  case memoryProfiler = "memory_profiler"
  /// `derailed exec perf:objects` (a `Running N times` preamble).
  case derailedPerfObjects = "derailed perf:objects"
  /// `derailed bundle:objects` (`Measuring objects created by gems in groups ...`).
  case derailedBundleObjects = "derailed bundle:objects"
  case heapDump = "ObjectSpace.dump_all"
}

/// Facts about a report that are not rows: where it sits in the input, its producer, the
/// derailed preamble, and the variant features seen.
public struct ProfileMetadata: Sendable {
  public var producer: Producer = .memoryProfiler
  public var features: Set<VariantFeature> = []
  /// 1-based first and last input lines of this report.
  public var firstLine = 0
  public var lastLine = 0
  /// Which report of the input this is, from 1.
  public var index = 1
  /// The most rows any section printed: memory_profiler's `top` is at least this, so a section
  /// (or string report) with fewer rows was not cut off.
  public var longestList = 0
  /// The fewest decimals any scaled value (`588.44 kB`) was printed with; `nil` when no value was
  /// scaled. Scaled values are exact only to these digits (see `Profile.rounding(ofBytes:)`).
  public var scaledDecimals: Int?
  /// derailed's `Running N times`: the number of iterations profiled.
  public var iterations: Int?
  /// derailed's `Warming up app: N times`.
  public var warmupIterations: Int?
  /// The other preamble lines, name to value as printed (`Booting` → `production`,
  /// `Endpoint` → `/`, `Method` → `GET`, `HTTP headers`, `Port`, `Server`, `Gem groups`).
  public var preamble: [String: String] = [:]
  /// What the reader says of the input in a line each (a heap dump's records, what it left out).
  public var notes: [String] = []

  public init() {}
}
