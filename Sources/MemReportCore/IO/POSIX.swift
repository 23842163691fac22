#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one place memreport calls the C library by a name that Swift code would otherwise shadow or
/// that differs between Glibc and Darwin. Everything else uses unqualified C calls that both have.
package enum POSIX {
  package static let standardInput: Int32 = STDIN_FILENO
  package static let standardOutput: Int32 = STDOUT_FILENO
  package static let standardError: Int32 = STDERR_FILENO

  /// `open(path, O_RDONLY | O_CLOEXEC)`: a descriptor, or -1 with `errno` set.
  package static func openForReading(_ path: String) -> Int32 {
    #if canImport(Glibc)
      return FileName.withCString(path) { Glibc.open($0, O_RDONLY | O_CLOEXEC) }
    #else
      return FileName.withCString(path) { Darwin.open($0, O_RDONLY | O_CLOEXEC) }
    #endif
  }

  package static func close(_ descriptor: Int32) {
    #if canImport(Glibc)
      _ = Glibc.close(descriptor)
    #else
      _ = Darwin.close(descriptor)
    #endif
  }

  /// Writes all of `bytes`, retrying short writes and `EINTR`.
  /// - Returns: `nil`, or the `errno` of the write that failed.
  package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard let base = bytes.baseAddress else { return nil }
    var offset = 0
    while offset < bytes.count {
      #if canImport(Glibc)
        let n = Glibc.write(descriptor, base + offset, bytes.count - offset)
      #else
        let n = Darwin.write(descriptor, base + offset, bytes.count - offset)
      #endif
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if n == 0 { return EIO }
      offset += n
    }
    return nil
  }

  /// The natural logarithm, without Foundation.
  package static func log(_ x: Double) -> Double {
    #if canImport(Glibc)
      return Glibc.log(x)
    #else
      return Darwin.log(x)
    #endif
  }

  package static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

  /// An environment variable, if set.
  package static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// The size of a regular file, `nil` for anything else or a path that cannot be read.
  package static func regularFileSize(_ path: String) -> Int? {
    var info = stat()
    guard FileName.withCString(path, { stat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFREG
    else { return nil }
    return Int(info.st_size)
  }

  /// Why `path` is not a readable folder (`no such file or directory`, `not a folder`), or nil.
  package static func folderProblem(_ path: String) -> String? {
    var info = stat()
    guard FileName.withCString(path, { stat($0, &info) }) == 0 else {
      return SystemError.message(errno)
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { return "not a folder" }
    guard FileName.withCString(path, { access($0, R_OK | X_OK) }) == 0 else {
      return SystemError.message(errno)
    }
    return nil
  }

  /// Seconds on a monotonic clock.
  package static func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
