import MemReportCore
/// One memory-over-time series as read from an input: values in MiB, one per sample, with what
/// the input said about the run (derailed's file name carries TEST_COUNT and `ruby -v`).
public struct MemorySeries: Sendable {
  /// The input path as given (`-` for standard input), used in messages and output.
  public var source: String
  /// Resident memory of each sample, in MiB (2^20 bytes), in input order.
  public var values: [Double] = []
  /// The 1-based input line of each sample.
  public var lines: [Int] = []
  public var form: SeriesForm = .derailedFile
  /// The unit the numbers were written in (they are converted to MiB on reading).
  public var inputUnit: SeriesUnit = .mebibytes
  /// Seconds between samples: derailed samples every 5 s; a table's time column can say otherwise.
  public var intervalSeconds: Double = 5
  /// Where the interval came from: `derailed's interval` (its fixed 5 s), `time column`,
  /// `--interval`, or `assumed` (a list of numbers from another tool says nothing about time).
  public var intervalOrigin = "derailed's interval"
  /// Whether `intervalSeconds` is known (derailed's input, a time column or `--interval`) rather
  /// than assumed: rates are per minute or hour only when it is.
  public var intervalKnown = true
  /// derailed's TEST_COUNT: the number of requests made during the run, when known.
  public var testCount: Int?
  /// `ruby -v` as it appears in derailed's file name.
  public var rubyVersion: String?
  /// The run's start time (ISO 8601) from derailed's file name.
  public var startTime: String?
  /// derailed's preamble (`Booting`, `Endpoint`, `PID`, ...) when read from its standard output.
  public var preamble: [String: String] = [:]
  /// For tables: the header names of the columns read.
  public var memoryColumn: String?
  public var timeColumn: String?
  /// The unit was not given but inferred (integers of tens of thousands read as KiB, `ps -o rss=`).
  public var unitInferred = false
  /// Several runs pasted into one input (derailed's preamble again after samples): the first
  /// sample of each later run. Empty for one run. `TrendRun` splits such a series into its runs.
  public var runStarts: [Int] = []
  /// derailed's preamble of each later run, in `runStarts` order.
  public var runPreambles: [[String: String]] = []
  /// For one of several runs split from one input: its number (1-based) and how many there were.
  public var run: (number: Int, of: Int)?
  /// The name given with `--label NAME=FILE`, if any.
  public var label: String?
  /// Lines skipped or read in a particular way.
  public var warnings: [ParseWarning] = []

  public init(source: String) { self.source = source }

  public var count: Int { values.count }

  /// The input split into its runs (see `runStarts`), each a series of its own that knows its run
  /// number; the series itself when it holds one run. Warnings stay with the run of their line.
  /// - Complexity: O(samples + warnings).
  public func splitRuns() -> [MemorySeries] {
    let starts = runStarts.filter { $0 > 0 && $0 < values.count }
    guard !starts.isEmpty else { return [self] }
    let bounds = [0] + starts + [values.count]
    let count = bounds.count - 1
    return (0..<count).map { i in
      var part = self
      let range = bounds[i]..<bounds[i + 1]
      part.values = Array(values[range])
      part.lines = Array(lines[range])
      part.runStarts = []
      part.runPreambles = []
      part.run = (i + 1, count)
      if i > 0, i - 1 < runPreambles.count { part.preamble = runPreambles[i - 1] }
      // A run owns the lines after the previous run's last sample, up to its own last sample.
      let after = i == 0 ? Int.min : lines[range.lowerBound - 1]
      let through = i == count - 1 ? Int.max : lines[range.upperBound - 1]
      part.warnings = warnings.filter { w in
        w.line == 0 ? i == 0 : (w.line > after && w.line <= through)
      }
      return part
    }
  }

  /// Requests per sample, assuming derailed's steady request rate: TEST_COUNT / samples.
  public var requestsPerSample: Double? {
    guard let testCount, testCount > 0, !values.isEmpty else { return nil }
    return Double(testCount) / Double(values.count)
  }
}
