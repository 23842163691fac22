import MemReportCore
import MemReportKit

/// The flags that the library's words point to ("use --top or --format json"), named once: the
/// option definitions use these names, and `OptionNames.commandLine` hands them to the library for
/// the duration of a run.
enum Flags {
  static let top = "top"
  static let format = "format"
  static let gitDiff = "git-diff"
  static let skipBadLines = "skip-bad-lines"
  static let unit = "unit"
  static let interval = "interval"
  static let allowFiles = "allow-files"
  static let ignoreFiles = "ignore-files"
  static let failOnIncrease = "fail-on-increase"
  static let gate = "gate"
  static let rootBefore = "root-before"
  static let rootAfter = "root-after"
  static let gateScope = "gate-scope"
  static let report = "report"
  static let label = "label"
  static let baseline = "baseline"
  static let minCost = "min-cost"
  static let includeMeasurement = "include-measurement"
  static let failOnRetained = "fail-on-retained"
}

extension OptionNames {
  /// The command line's names for what the library's messages mention.
  static let commandLine: OptionNames = {
    var names = OptionNames(
      top: "--" + Flags.top, jsonFormat: "--\(Flags.format) json", gitDiff: "--" + Flags.gitDiff,
      skipBadLines: "--" + Flags.skipBadLines, unit: "--" + Flags.unit,
      interval: "--" + Flags.interval,
      allowFiles: "--" + Flags.allowFiles, ignoreFiles: "--" + Flags.ignoreFiles,
      failOnIncrease: "--" + Flags.failOnIncrease, gate: "--" + Flags.gate)
    names.rootBefore = "--" + Flags.rootBefore
    names.rootAfter = "--" + Flags.rootAfter
    names.gateScope = "--" + Flags.gateScope
    names.report = "--" + Flags.report
    names.minCost = "--" + Flags.minCost
    names.includeMeasurement = "--" + Flags.includeMeasurement
    return names
  }()
}
