import ArgumentParser
import MemReportKit
import MemReportCore

#if canImport(Glibc)
  import Glibc
#endif

/// Prints library errors as `memreport: error: PATH:LINE: what is wrong` and turns them into the
/// documented exit codes (64 usage, 65 unusable input, 66 cannot open, 74 cannot write).
enum ExitCodes {
  static func fail(_ error: MemReportError) -> ExitCode {
    Diagnostics.error(error.description)
    return ExitCode(error.exitCode)
  }
}

/// Messages on standard error.
enum Diagnostics {
  static func error(_ message: String) {
    var err = FileHandleStream.standardError
    err.write("memreport: error: \(message)\n")
  }

  static func warning(_ message: String) {
    var err = FileHandleStream.standardError
    err.write("memreport: warning: \(message)\n")
  }

  /// Warnings printed per report or series; the rest are counted.
  static let warningsShown = 10

  /// Prints the first warnings about one report (or series) of `path` as `PATH:LINE: message`.
  static func warnings(_ warnings: [ParseWarning], in path: String, about subject: String) {
    let shown = warnings.prefix(warningsShown)
    for item in shown {
      let location = item.line > 0 ? "\(path):\(item.line)" : path
      warning(location + ": " + item.message)
    }
    let rest = warnings.count - shown.count
    if rest > 0 {
      warning("\(path): \(rest) more warnings about \(subject) (see '--format json')")
    }
  }
}

/// Unbuffered writes to standard error.
struct FileHandleStream: TextOutputStream {
  let descriptor: Int32
  static var standardError: FileHandleStream { FileHandleStream(descriptor: STDERR_FILENO) }

  mutating func write(_ string: String) {
    var text = string
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if n <= 0 { return }
        offset += n
      }
    }
  }

  static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }
}
