#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command's output goes: standard output, or a file that appears whole or not at all.
///
/// A regular file (or a new path) is written through a temporary file in the same folder, renamed
/// over the target by `commit()`; `discard()` removes it, so an error never leaves a half-written
/// file. A target that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO) is
/// written directly and never renamed over. Writes are buffered; the first write error is kept and
/// thrown by `commit()`.
package final class OutputFile: TextOutputStream {
  /// The path as given, or `-` for standard output.
  package let path: String
  private let descriptor: Int32
  private let temporaryPath: String?
  private let temporarySlot: Int?
  private var buffer: [UInt8] = []
  private var failure: Int32?
  private var finished = false
  /// Terminal text: control characters from inputs are shown (`TerminalText.forTerminal`), never
  /// written. Set for text output, which may reach a terminal through a pipe or a later `cat`.
  package var showsControlCharacters = false
  private static let flushSize = 1 << 16

  private init(path: String, descriptor: Int32, temporaryPath: String?) {
    self.path = path
    self.descriptor = descriptor
    self.temporaryPath = temporaryPath
    self.temporarySlot = temporaryPath.flatMap(TemporaryFiles.register)
    buffer.reserveCapacity(Self.flushSize * 2)
  }

  /// Standard output.
  package static func standardOutput() -> OutputFile {
    OutputFile(path: "-", descriptor: STDOUT_FILENO, temporaryPath: nil)
  }

  /// Prepares to write `path` (`-` is standard output).
  /// - Throws: `MemReportError.cannotWrite` when the folder is not writable or the path is a
  ///   directory.
  package static func create(_ path: String) throws -> OutputFile {
    if path == "-" { return standardOutput() }
    var info = stat()
    var keptMode: mode_t? = nil
    if FileName.withCString(path, { stat($0, &info) }) == 0 {
      let type = info.st_mode & S_IFMT
      if type == S_IFDIR { throw MemReportError.cannotWrite(path: path, reason: "is a directory") }
      if type != S_IFREG {
        let fd = FileName.withCString(path) { open($0, O_WRONLY | O_CLOEXEC) }
        guard fd >= 0 else {
          throw MemReportError.cannotWrite(path: path, reason: SystemError.message(errno))
        }
        return OutputFile(path: path, descriptor: fd, temporaryPath: nil)
      }
      // Replacing a file keeps its permissions: a 0600 report stays private.
      keptMode = info.st_mode & 0o7777
    }
    let folder: String
    let name: String
    if let slash = path.lastIndex(of: "/") {
      folder = slash == path.startIndex ? "/" : String(path[..<slash])
      name = String(path[path.index(after: slash)...])
    } else {
      folder = "."
      name = path
    }
    var template = FileName.cString("\(folder)/.\(name).memreport-XXXXXX")
    let fd = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard fd >= 0 else {
      throw MemReportError.cannotWrite(path: path, reason: SystemError.message(errno))
    }
    if let keptMode {
      fchmod(fd, keptMode)
    } else {
      let mask = umask(0)
      umask(mask)
      fchmod(fd, 0o666 & ~mask)
    }
    let created = template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    let temporary = created.withUnsafeBufferPointer { FileName.string($0) }
    return OutputFile(path: path, descriptor: fd, temporaryPath: temporary)
  }

  package func write(_ string: String) {
    guard failure == nil else { return }
    if showsControlCharacters {
      buffer.append(contentsOf: TerminalText.forTerminal(string).utf8)
    } else {
      buffer.append(contentsOf: string.utf8)
    }
    if buffer.count >= Self.flushSize { flush() }
  }

  private func flush() {
    guard failure == nil else {
      buffer.removeAll(keepingCapacity: true)
      return
    }
    buffer.withUnsafeBytes { raw in
      failure = POSIX.writeAll(descriptor, raw)
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and, for a file written through a temporary, renames it over the target.
  package func commit() throws {
    guard !finished else { return }
    finished = true
    flush()
    if let failure {
      discardTemporary()
      throw MemReportError.cannotWrite(path: path, reason: SystemError.message(failure))
    }
    guard let temporaryPath else {
      if descriptor != STDOUT_FILENO { close(descriptor) }
      return
    }
    if close(descriptor) != 0 {
      let reason = SystemError.message(errno)
      FileName.withCString(temporaryPath) { _ = unlink($0) }
      TemporaryFiles.unregister(temporarySlot)
      throw MemReportError.cannotWrite(path: path, reason: reason)
    }
    if FileName.withCString(
      temporaryPath, { from in FileName.withCString(path) { rename(from, $0) } }) != 0
    {
      let reason = SystemError.message(errno)
      FileName.withCString(temporaryPath) { _ = unlink($0) }
      TemporaryFiles.unregister(temporarySlot)
      throw MemReportError.cannotWrite(path: path, reason: reason)
    }
    TemporaryFiles.unregister(temporarySlot)
  }

  /// Abandons the output: a temporary file is removed and the target left as it was.
  package func discard() {
    guard !finished else { return }
    finished = true
    buffer.removeAll()
    discardTemporary()
  }

  private func discardTemporary() {
    if descriptor != STDOUT_FILENO { close(descriptor) }
    if let temporaryPath { FileName.withCString(temporaryPath) { _ = unlink($0) } }
    TemporaryFiles.unregister(temporarySlot)
  }

  deinit { discard() }
}
