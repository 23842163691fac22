import ArgumentParser
import MemReportKit
import MemReportCore

extension MemReportCommand {
  struct Report: ParsableCommand, ReadsInputs, FormatList {
    static var formats: [OutputFormat] { OutputFormat.reportFormats }
    static let model = InputModel.profiles
    static let alsoReads = [InputModel.requireTrees]

    static let configuration = CommandConfiguration(
      abstract:
        "Read memory_profiler reports (or derailed perf:objects output) and summarise them.",
      discussion: """
        FILE may hold several reports; each is read and written in turn, or pick one with FILE#N \
        or --report N. Use '-' to read standard input, e.g. 'pbpaste | memreport report -'. Warnings (lines skipped or read in a particular \
        way) go to standard error with their line numbers. A derailed bundle:mem / perf:mem require \
        tree is recognised by its content: the report gives TOP, the costliest gems, what removing \
        each would free, and the tree (--min-cost trims it).

        Exit codes: 0 success, 64 usage error, 65 unusable input (not a memory_profiler report), \
        66 cannot open the input, 74 cannot write the output.
        """
    )

    @Argument(
      help:
        "A saved memory_profiler report, or '-' for standard input; FILE#N reads only its Nth report."
    )
    var file: String

    @Option(
      name: .customLong(Flags.report),
      help: ArgumentHelp(
        "Read only the Nth report of a file that holds several (1-based; the same as FILE#N).",
        valueName: "n"))
    var report: Int?

    @OptionGroup(title: "Files and paths")
    var filterOptions: FilterOptions

    @Option(
      name: .customLong("by"),
      help: ArgumentHelp(
        "Regroup the location rows by location, file, directory, gem or origin (app, gems, Ruby stdlib, other).",
        valueName: "key"))
    var aggregateBy: AggregateKey?

    @Option(
      name: .customLong(Flags.minCost),
      help: ArgumentHelp(
        "Require trees (derailed bundle:mem/perf:mem): show requires of at least this many MiB (text and Markdown default 0.5).",
        valueName: "MiB"))
    var minCost: Double?

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions<Report>

    @OptionGroup(title: "Output")
    var colourOptions: ColourOptions

    @OptionGroup(title: "Output")
    var rowOptions: RowOptions

    func validate() throws {
      if let report, report < 1 { throw ValidationError("--report counts from 1, got \(report)") }
      if let minCost, !(minCost.isFinite && minCost >= 0) {
        throw ValidationError("'--\(Flags.minCost)' is a size in MiB, 0 or more")
      }
    }

    func run() throws { try filterOptions.reading { try runReading() } }

    private func runReading() throws {
      let format = outputOptions.resolvedFormat
      if try BootCommands.isRequireTree(file) {
        try BootCommands.report(
          file, format: format, minCost: minCost, report: report, outputOptions: outputOptions)
        return
      }
      let progress = ProgressLine(
        input: ReportSelection.path(of: file, report: report))
      do {
        let options = ReportOptions(
          top: rowOptions.top, colour: outputOptions.useColour(colourOptions),
          aggregateBy: aggregateBy, quiet: outputOptions.quiet,
          templates: try outputOptions.loadTemplates(for: format))
        var job = ReportRun(
          input: file, format: format, options: options, output: outputOptions.output,
          transform: try filterOptions.transform())
        job.svgDirectory = outputOptions.svgDirectory
        job.report = report
        let warnings = WarningPrinter(path: file)
        try job.run(
          onReport: { profile in
            if !outputOptions.quiet { warnings.print(profile.warnings) }
          },
          progress: progress.map { p in { p.update($0) } })
        progress?.finish()
        if !outputOptions.quiet { warnings.finish() }
      } catch let error as MemReportError {
        progress?.finish()
        throw ExitCodes.fail(error)
      }
    }

  }
}

/// A `read 120 MB of 512 MB (95 MB/s)` line on standard error for large inputs read on a terminal.
final class ProgressLine {
  private let size: Int
  private let start = POSIX.monotonicSeconds()
  private var last = 0.0

  init?(input: String) {
    guard input != "-", FileHandleStream.isTerminal(POSIX.standardError),
      let size = POSIX.regularFileSize(input), size > 50_000_000
    else { return nil }
    self.size = size
  }

  func update(_ bytes: Int) {
    let now = POSIX.monotonicSeconds()
    guard now - last > 0.2 else { return }
    last = now
    let rate = Double(bytes) / max(now - start, 0.001)
    var err = FileHandleStream.standardError
    err.write(
      "\rread \(Units.bytes(Int64(bytes))) of \(Units.bytes(Int64(size))) (\(Units.bytes(Int64(rate)))/s)   "
    )
  }

  func finish() {
    var err = FileHandleStream.standardError
    err.write(ANSI.clearLine)
  }

}
