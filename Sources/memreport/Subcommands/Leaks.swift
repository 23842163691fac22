import ArgumentParser
import MemReportCore
import MemReportKit

extension MemReportCommand {
  struct Leaks: ParsableCommand, FormatList {
    static var formats: [OutputFormat] { LeaksRun.formats }

    static let configuration = CommandConfiguration(
      abstract:
        "What leaks between heap dumps: objects allocated after the first dump and alive in every later one.",
      discussion: """
        DUMPS are ObjectSpace.dump_all outputs taken in order (derailed perf:heap_diff's three \
        dumps, or more), plain or gzip. Objects match across dumps by address, type and allocation \
        generation, so a reused slot is not counted as retained. The leak set is grouped by class \
        and site, class, location, gem and type, with growth at each dump after the first. \
        --heapy prints heapy's own diff lines instead.

        Exit codes: 0 success, 1 the leak set is over --fail-on-retained, 64 usage error, \
        65 unusable input (not a heap dump), 66 cannot open an input, 74 cannot write the output.
        """
    )

    @Argument(
      help: "Heap dumps in the order they were taken (at least two; three for the leak set).")
    var dumps: [String]

    @Flag(
      name: .customLong(Flags.includeMeasurement),
      help:
        "Count what the measurement holds (the allocation tracer's table, objects of the dump calls, the dumps' Files)."
    )
    var includeMeasurement = false

    @Flag(
      name: .customLong("heapy"),
      help:
        "Print heapy's 'diff' lines for these two or three dumps (heapy's buckets, counts and order)."
    )
    var heapy = false

    @Option(
      name: .customLong(Flags.failOnRetained),
      help: ArgumentHelp(
        "Exit 1 when the leak set holds more than this: bytes (1MB, 500kB) or a share of the last heap (5%).",
        valueName: "limit"))
    var failOnRetained: String?

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions<Leaks>

    @OptionGroup(title: "Output")
    var rowOptions: RowOptions

    func validate() throws {
      if dumps.count < 2 { throw ValidationError("leaks needs at least two heap dumps") }
      if let failOnRetained {
        do { _ = try LeakGate(limit: failOnRetained) } catch let error as MemReportError {
          throw ValidationError(error.description)
        }
      }
    }

    func run() throws {
      do {
        var job = LeaksRun(
          dumps: dumps, format: outputOptions.resolvedFormat, output: outputOptions.output)
        job.top = rowOptions.top
        job.heapy = heapy
        job.includeMeasurement = includeMeasurement
        job.gate = try failOnRetained.map { try LeakGate(limit: $0) }
        job.svgDirectory = outputOptions.svgDirectory
        job.templates = try outputOptions.loadTemplates(for: outputOptions.resolvedFormat)
        if let result = try job.run(), !result.passed {
          var err = FileHandleStream.standardError
          err.write("memreport: gate: \(LeakGate.message(result))\n")
          throw ExitCode(ExitCodes.gateCrossed)
        }
      } catch let error as MemReportError {
        throw ExitCodes.fail(error)
      }
    }
  }
}
