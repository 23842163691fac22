/// Why memreport could not do what was asked. Each case maps to one documented exit code, and
/// `description` is the one line printed after `memreport: error: `.
public enum MemReportError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The command line is wrong (exit 64, `EX_USAGE`).
  case usage(String)
  /// The input was read but is not something memreport can use (exit 65, `EX_DATAERR`).
  case unusableInput(path: String, line: Int?, reason: String)
  /// The input could not be opened or read (exit 66, `EX_NOINPUT`).
  case cannotOpen(path: String, reason: String)
  /// The output could not be written (exit 74, `EX_IOERR`).
  case cannotWrite(path: String, reason: String)

  public var exitCode: Int32 {
    switch self {
    case .usage: return 64
    case .unusableInput: return 65
    case .cannotOpen: return 66
    case .cannotWrite: return 74
    }
  }

  public var description: String {
    switch self {
    case .usage(let message): return message
    case .unusableInput(let path, let line, let reason):
      if let line { return "\(path):\(line): \(reason)" }
      return "\(path): \(reason)"
    case .cannotOpen(let path, let reason): return "\(path): cannot open: \(reason)"
    case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
    }
  }
}
