import ArgumentParser
import MemReportKit
import MemReportCore

extension AggregateKey: ExpressibleByArgument {}

/// `--allow-files`, `--ignore-files` and the path-normalization flags: shared by every command
/// that reads memory_profiler reports.
struct FilterOptions: ParsableArguments {
  @Option(
    name: .customLong(Flags.allowFiles),
    help: ArgumentHelp(
      "Keep only files whose path matches this regular expression (unanchored, as memory_profiler's allow_files). Repeatable; 'a,b' gives two patterns.",
      valueName: "pattern"))
  var allowFiles: [String] = []

  @Option(
    name: .customLong(Flags.ignoreFiles),
    help: ArgumentHelp(
      "Drop files whose path matches this regular expression. Repeatable; 'a,b' gives two patterns.",
      valueName: "pattern"))
  var ignoreFiles: [String] = []

  @Flag(
    name: .customLong(Flags.includeMeasurement),
    help:
      "Heap dumps: count what the measurement holds (the allocation tracer's table, objects of the dump call), left out by default."
  )
  var includeMeasurement = false

  /// Runs `body` with the heap-dump reader told whether to count the measurement.
  func reading<R>(_ body: () throws -> R) rethrows -> R {
    try HeapDumpReader.$includeMeasurement.withValue(includeMeasurement, operation: body)
  }

  @Flag(
    inversion: .prefixedNo,
    help:
      "Normalize paths with memory_profiler's normalize_paths rules (gem-1.2/lib/x.rb, ruby/lib/set.rb, app/...)."
  )
  var normalize = true

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Strip this app root from paths instead (for code outside app/lib/bin).", valueName: "dir"))
  var root: String?

  @Flag(
    name: .customLong("ignore-gem-versions"),
    help:
      "Drop gem versions (actionpack-7.0.4 → actionpack) so reports from before and after an upgrade line up."
  )
  var ignoreGemVersions = false

  mutating func validate() throws {
    do {
      _ = try FileFilter(allow: allowFiles, ignore: ignoreFiles)
    } catch let error as MemReportError {
      throw ValidationError(error.description)
    }
  }

  /// The library transform these options describe.
  func transform() throws -> ProfileTransform {
    ProfileTransform(
      normalizer: PathNormalizer(
        enabled: normalize, root: root, ignoreGemVersions: ignoreGemVersions),
      filter: try FileFilter(allow: allowFiles, ignore: ignoreFiles))
  }
}
