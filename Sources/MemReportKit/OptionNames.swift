import MemReportCore

/// What the caller calls the options that the library's words point to ("use --top or --format
/// json", "pass '--skip-bad-lines'"). The library knows no command-line flag: the command line binds
/// its own flag names around a run (`OptionNames.$current.withValue(...)`), and a library user gets
/// the library's parameter names.
public struct OptionNames: Sendable {
  /// Rows to show per section.
  public var top: String
  /// Asking for JSON output.
  public var jsonFormat: String
  /// A `git diff -U0` patch for line mapping.
  public var gitDiff: String
  /// Skipping values that cannot be read.
  public var skipBadLines: String
  /// The unit of bare numbers, followed by a space and the unit (`--unit KiB`).
  public var unit: String
  /// The sample interval.
  public var interval: String
  /// Keeping files whose path matches a pattern, followed by a space and the pattern.
  public var allowFiles: String
  /// Dropping files whose path matches a pattern, followed by a space and the pattern.
  public var ignoreFiles: String
  /// The limit of the diff gate, followed by a space and the limit.
  public var failOnIncrease: String
  /// The total the diff gate watches, followed by a space and the total.
  public var gate: String
  /// Per-side roots of the diff, each followed by a space and a folder.
  public var rootBefore = "rootBefore"
  public var rootAfter = "rootAfter"
  /// Which total the diff gate sums, followed by a space and the scope.
  public var gateScope = "gate.scope"
  /// Picking one report of an input that holds several, followed by a space and its number.
  public var report = "report"
  /// `report`'s threshold for require trees (`--min-cost`).
  public var minCost = "minCost"
  /// Counting what a heap dump holds for the measurement itself (the tracer, the dump call).
  public var includeMeasurement = "includeMeasurement"

  public init(
    top: String, jsonFormat: String, gitDiff: String, skipBadLines: String, unit: String,
    interval: String, allowFiles: String, ignoreFiles: String, failOnIncrease: String, gate: String
  ) {
    self.top = top
    self.jsonFormat = jsonFormat
    self.gitDiff = gitDiff
    self.skipBadLines = skipBadLines
    self.unit = unit
    self.interval = interval
    self.allowFiles = allowFiles
    self.ignoreFiles = ignoreFiles
    self.failOnIncrease = failOnIncrease
    self.gate = gate
  }

  /// The library's own parameter names.
  public static let library = OptionNames(
    top: "top", jsonFormat: "format json", gitDiff: "patch", skipBadLines: "skipBadLines",
    unit: "unit", interval: "interval", allowFiles: "allow", ignoreFiles: "ignore",
    failOnIncrease: "limit", gate: "metric")

  /// The names in force for this task (and the threads it hands work to).
  @TaskLocal public static var current = OptionNames.library
}
