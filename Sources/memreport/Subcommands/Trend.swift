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
        --unit), or a CSV/TSV whose header names a memory column. Use '-' for standard input. Give \
        several files (before.txt after.txt) to compare them: each later series is compared with \
        the first, and the chart overlays them.

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
      if files.filter({ $0 == "-" }).count > 1 {
        throw ValidationError("standard input ('-') can be read only once")
      }
    }

    func run() throws {
      let format = outputOptions.resolvedFormat
      var job = TrendRun(
        inputs: files, format: format, output: outputOptions.output,
        parseOptions: trendOptions.parseOptions,
        limitMiB: trendOptions.limitMiB, colour: outputOptions.useColour(colourOptions))
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
