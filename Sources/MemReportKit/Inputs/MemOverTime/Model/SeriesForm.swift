import MemReportCore
/// What kind of text a memory-over-time series was read from.
public enum SeriesForm: String, Sendable {
  /// derailed's `tmp/<time>-<ruby -v>-memory-<N>-times.txt`: one Float (MiB) per line.
  case derailedFile = "derailed file"
  /// derailed's standard output, captured or pasted: preamble, `PID: n`, then the same values,
  /// possibly with prompts, warnings and elisions mixed in.
  case derailedStdout = "derailed stdout"
  /// One number per line from another tool (`ps -o rss=` gives KiB; see `--unit`).
  case numbers
  /// A CSV/TSV table whose header names a memory column (and maybe a sample or time column).
  case table
}
