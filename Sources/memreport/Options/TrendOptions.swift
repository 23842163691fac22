import ArgumentParser
import MemReportKit
import MemReportCore

extension SeriesUnit: ExpressibleByArgument {
  public init?(argument: String) { self.init(name: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// What `trend` needs to know that an input may not say: the unit of plain numbers, the sampling
/// interval, TEST_COUNT, the memory limit, and whether to skip bad lines.
struct TrendOptions: ParsableArguments {
  @Option(
    name: .customLong(Flags.unit),
    help: ArgumentHelp(
      "Unit of the numbers: KiB (ps -o rss=), MiB (derailed), GiB, kB or MB (default: from a CSV header such as rss_kib, else MiB).",
      valueName: "unit"))
  var unit: SeriesUnit?

  @Option(
    name: .customLong(Flags.interval),
    help: ArgumentHelp(
      "Seconds between samples (default: a CSV time column, else derailed's 5).",
      valueName: "seconds"))
  var interval: Double?

  @Option(
    name: .customLong("test-count"),
    help: ArgumentHelp(
      "Requests made during the run, derailed's TEST_COUNT (default: from derailed's file name), to report growth per 1,000 requests.",
      valueName: "n"))
  var testCount: Int?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A memory limit to project against, e.g. 512MiB (a dyno's quota), 1GiB, 500MB; a plain number is MiB.",
      valueName: "size"))
  var limit: String?

  @Option(
    name: .customLong(Flags.label),
    help: ArgumentHelp(
      "Name a series in the output, e.g. --label before=run1.txt (default: what tells the paths apart; the folder for derailed's timestamped file names). Repeatable.",
      valueName: "name=file"))
  var labels: [String] = []

  @Option(
    name: .customLong(Flags.baseline),
    help: ArgumentHelp(
      "Compare every other series with this one (it need not be repeated among the files). Without it, several series are independent, unless exactly two are labelled before and after.",
      valueName: "file"))
  var baseline: String?

  @Flag(
    name: .customLong(Flags.skipBadLines),
    help:
      "Skip lines whose value cannot be read, with a warning each, instead of stopping at the first."
  )
  var skipBadLines = false

  mutating func validate() throws {
    if let interval, !(interval > 0 && interval.isFinite) {
      throw ValidationError("'--interval' must be a positive number of seconds, got \(interval)")
    }
    if let testCount, testCount < 1 {
      throw ValidationError("'--test-count' must be at least 1, got \(testCount)")
    }
    _ = try labelsByFile()
    if let limit, SeriesUnit.size(limit) == nil {
      throw ValidationError("'--limit' takes a size such as 512MiB, 1GiB or 500MB, got '\(limit)'")
    }
  }

  var limitMiB: Double? { limit.flatMap(SeriesUnit.size) }

  /// `--label NAME=FILE` as FILE → NAME (split at the first `=`, so a file name may hold `=`).
  /// - Throws: `ValidationError` for a label without `=`, with an empty name or file, or a file
  ///   given two labels.
  func labelsByFile() throws -> [String: String] {
    var result: [String: String] = [:]
    for option in labels {
      guard let eq = option.firstIndex(of: "="), eq != option.startIndex,
        option.index(after: eq) != option.endIndex
      else {
        throw ValidationError(
          "'--\(Flags.label)' takes NAME=FILE, e.g. before=run1.txt, got '\(option)'")
      }
      let name = String(option[..<eq])
      let file = String(option[option.index(after: eq)...])
      if let other = result[file], other != name {
        throw ValidationError("'\(file)' has two labels: '\(other)' and '\(name)'")
      }
      result[file] = name
    }
    return result
  }

  var parseOptions: MemOverTimeParser.Options {
    MemOverTimeParser.Options(
      unit: unit, skipBadLines: skipBadLines, intervalSeconds: interval, testCount: testCount)
  }
}
