/// Why memreport could not do what was asked: the one error type of the library, with the file and
/// line it is about. `description` is the one line printed after `memreport: error: `; the command
/// line maps each case to its documented exit code (the codes noted below).
public enum MemReportError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The command line is wrong (exit 64, `EX_USAGE`).
  case usage(String)
  /// The input was read but is not something memreport can use (exit 65, `EX_DATAERR`).
  case unusableInput(path: String, line: Int?, reason: String)
  /// The input is a kind that another command reads (exit 65): `found` is the kind's identifier
  /// (`InputKind.rawValue`), so a caller can point to the command that reads it.
  case otherInputKind(path: String, line: Int?, found: String, reason: String)
  /// The input could not be opened or read (exit 66, `EX_NOINPUT`).
  case cannotOpen(path: String, reason: String)
  /// The output could not be written (exit 74, `EX_IOERR`).
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .usage(let message): return message
    case .unusableInput(let path, let line, let reason),
      .otherInputKind(let path, let line, _, let reason):
      if let line { return "\(path):\(line): \(reason)" }
      return "\(path): \(reason)"
    case .cannotOpen(let path, let reason): return "\(path): cannot open: \(reason)"
    case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
    }
  }
}
