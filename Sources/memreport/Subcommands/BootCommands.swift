import ArgumentParser
import MemReportKit
import MemReportCore

/// `report` and `diff` on derailed require trees: the subcommands hand over when the input's
/// content is a `bundle:mem` / `perf:mem` tree.
enum BootCommands {
  /// Whether `argument` (a path, `-`, or `FILE#N`) holds require trees.
  static func isRequireTree(_ argument: String) throws -> Bool {
    do {
      let path = ReportSelection.path(of: argument)
      guard path == "-" || POSIX.regularFileSize(path) != nil else { return false }
      let file = try InputFile.open(path)
      defer { file.close() }
      return try RequireTreeReader.claims(file)
    } catch let error as MemReportError {
      throw ExitCodes.fail(error)
    }
  }

  static func report<L: FormatList>(
    _ argument: String, format: OutputFormat, minCost: Double?, report: Int?,
    outputOptions: OutputOptions<L>
  ) throws {
    do {
      let selection = try ReportSelection(argument: argument, report: report)
      var job = BootReportRun(
        input: selection.path, format: format, output: outputOptions.output,
        options: BootReportOptions(
          minCostMiB: minCost, templates: try outputOptions.loadTemplates(for: format)))
      job.tree = selection.report
      let warnings = try job.run()
      if !outputOptions.quiet {
        let printer = WarningPrinter(path: selection.path)
        printer.print(warnings)
        printer.finish()
      }
    } catch let error as MemReportError {
      throw ExitCodes.fail(error)
    }
  }

  static func diff<L: FormatList>(
    before: [String], after: [String], format: OutputFormat, failOnIncrease: String?, top: Int?,
    outputOptions: OutputOptions<L>
  ) throws {
    do {
      let job = BootDiffRun(
        before: before, after: after, format: format, output: outputOptions.output,
        gate: try failOnIncrease.map { try BootGate(limit: $0) }, top: top,
        templates: try outputOptions.loadTemplates(for: format))
      var printers: [WarningPrinter] = []
      let (_, result) = try job.run { path, warnings in
        guard !outputOptions.quiet else { return }
        let printer = WarningPrinter(path: path)
        printer.print(warnings)
        printers.append(printer)
      }
      for printer in printers { printer.finish() }
      if let result, !result.passed {
        var err = FileHandleStream.standardError
        err.write("memreport: gate: \(BootDiffRun.gateMessage(result))\n")
        throw ExitCode(ExitCodes.gateCrossed)
      }
    } catch let error as MemReportError {
      throw ExitCodes.fail(error)
    }
  }
}
