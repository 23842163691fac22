import ArgumentParser
import MemReportKit
import MemReportCore

extension MemReportCommand {
  struct Trend: ParsableCommand, ReadsInputs, FormatList {
    static var formats: [OutputFormat] { OutputFormat.trendFormats }
    static let model = InputModel.series

    static let configuration = CommandConfiguration(
      abstract:
        "Leak or bloat? A verdict, with the evidence and a chart, from memory-over-time series (derailed perf:mem_over_time).",
      discussion: """
        FILE is derailed's tmp/<time>-<ruby -v>-memory-<N>-times.txt (TEST_COUNT is read from the \
        name), its standard output captured or pasted, one number per line from another tool (see \
        --unit; integers of tens of thousands are read as ps's KiB with a warning), or a CSV/TSV \
        whose header names a memory column. Use '-' for standard input. Several files are \
        independent (each its own verdict, one chart); to compare, name a baseline with \
        --baseline FILE (or label exactly two series before and after). Runs pasted one after \
        another into one input are split and analysed one by one.

        Verdicts: leak (memory keeps growing, significantly and by more than 2% of its level over \
        the tail), bloat (it rose during a warm-up, then levelled off), stable, or inconclusive \
        (with the number of samples a run needs).

        Exit codes: 0 success, 64 usage error, 65 unusable input (a bad value, no samples), \
        66 cannot open an input, 74 cannot write the output.
        """
    )

    @Argument(
      help:
        "Memory-over-time series: derailed files or output, number lists, CSV/TSV; '-' for standard input."
    )
    var files: [String]

    @OptionGroup(title: "Input")
    var trendOptions: TrendOptions

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions<Trend>

    @OptionGroup(title: "Output")
    var colourOptions: ColourOptions

    func validate() throws {
      if files.isEmpty { throw ValidationError("give at least one series") }
      // The baseline is read once, whether or not it is among the files too.
      let all =
        files.filter { $0 != trendOptions.baseline } + [trendOptions.baseline].compactMap { $0 }
      if all.filter({ $0 == "-" }).count > 1 {
        throw ValidationError("standard input ('-') can be read only once")
      }
      if let baseline = trendOptions.baseline, files.allSatisfy({ $0 == baseline }) {
        throw ValidationError(
          "'--\(Flags.baseline)' needs at least one other series to compare with it")
      }
      for file in try trendOptions.labelsByFile().keys where !all.contains(file) {
        throw ValidationError(
          "'--\(Flags.label)' names '\(file)', which is not among the series given")
      }
    }

    func run() throws {
      let format = outputOptions.resolvedFormat
      var job = TrendRun(
        inputs: files, format: format, output: outputOptions.output,
        parseOptions: trendOptions.parseOptions,
        limitMiB: trendOptions.limitMiB, colour: outputOptions.useColour(colourOptions))
      job.labels = try trendOptions.labelsByFile()
      job.baseline = trendOptions.baseline
      let quiet = outputOptions.quiet
      do {
        job.templates = try outputOptions.loadTemplates(for: format)
        job.svgDirectory = outputOptions.svgDirectory
        try job.run(onSeries: { series in
          if !quiet {
            let printer = WarningPrinter(path: series.source)
            printer.print(series.warnings)
            printer.finish()
          }
        })
      } catch let error as MemReportError {
        throw ExitCodes.fail(error)
      }
    }
  }
}
