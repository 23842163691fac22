import ArgumentParser
import MemReportKit
import MemReportCore

/// Prints library errors as `memreport: error: PATH:LINE: what is wrong` and turns them into the
/// documented exit codes. Exit codes live here only.
enum ExitCodes {
  /// A `--fail-on-increase` gate was crossed (the output is still written).
  static let gateCrossed: Int32 = 1
  /// The command line is wrong (`EX_USAGE`).
  static let usage: Int32 = 64
  /// The input was read but cannot be used (`EX_DATAERR`).
  static let unusableInput: Int32 = 65
  /// An input cannot be opened or read (`EX_NOINPUT`).
  static let cannotOpen: Int32 = 66
  /// The output cannot be written (`EX_IOERR`).
  static let cannotWrite: Int32 = 74

  static func code(_ error: MemReportError) -> Int32 {
    switch error {
    case .usage: return usage
    case .unusableInput, .otherInputKind: return unusableInput
    case .cannotOpen: return cannotOpen
    case .cannotWrite: return cannotWrite
    }
  }

  static func fail(_ error: MemReportError) -> ExitCode {
    var message = error.description
    if case .otherInputKind(_, _, let found, _) = error,
      let reader = InputRegistry.reader(named: found),
      let model = InputRegistry.model(of: reader),
      let command = MemReportCommand.command(reading: model)
    {
      message += ": use 'memreport \(command)'"
    }
    Diagnostics.error(message)
    return ExitCode(code(error))
  }
}

/// Messages on standard error.
enum Diagnostics {
  static func error(_ message: String) {
    var err = FileHandleStream.standardError
    err.write("memreport: error: \(TerminalText.visible(message))\n")
  }

  static func warning(_ message: String) {
    var err = FileHandleStream.standardError
    err.write("memreport: warning: \(TerminalText.visible(message))\n")
  }

  /// Warnings printed per input file (`WarningPrinter`); the rest are counted.
  static let warningsShown = 10
}

/// Unbuffered writes to standard error.
struct FileHandleStream: TextOutputStream {
  let descriptor: Int32
  static var standardError: FileHandleStream { FileHandleStream(descriptor: POSIX.standardError) }

  mutating func write(_ string: String) {
    var text = string
    text.withUTF8 { bytes in _ = POSIX.writeAll(descriptor, UnsafeRawBufferPointer(bytes)) }
  }

  static func isTerminal(_ descriptor: Int32) -> Bool { POSIX.isTerminal(descriptor) }
}
