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
  /// Where the interval came from: `derailed's interval` (its fixed 5 s, also the default for
  /// other inputs), `time column`, or `--interval`.
  public var intervalOrigin = "derailed's interval"
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
  /// Lines skipped or read in a particular way.
  public var warnings: [ParseWarning] = []

  public init(source: String) { self.source = source }

  public var count: Int { values.count }

  /// Requests per sample, assuming derailed's steady request rate: TEST_COUNT / samples.
  public var requestsPerSample: Double? {
    guard let testCount, testCount > 0, !values.isEmpty else { return nil }
    return Double(testCount) / Double(values.count)
  }
}
