#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input opened for reading: a path, or standard input when the path is `-`.
/// Owns the file descriptor; `close()` releases it.
public struct InputFile: Sendable {
  /// The path as the user gave it (`-` for standard input), used in messages.
  public let path: String
  package let descriptor: Int32
  /// The size for regular files, for progress lines; `nil` for pipes and terminals.
  public let size: Int?
  /// Bytes read ahead by `head(limit:)`, handed out again before the rest of the input.
  package let readAhead: ReadAhead

  init(path: String, descriptor: Int32, size: Int?, readAhead: ReadAhead = ReadAhead()) {
    self.path = path
    self.descriptor = descriptor
    self.size = size
    self.readAhead = readAhead
  }

  /// Standard input's read-ahead, shared by every `open("-")` of the process: a command that
  /// looks at the head to pick a reader, then opens `-` again to read it, sees the same bytes.
  private static let standardInputReadAhead = ReadAhead()

  /// The first `limit` bytes (fewer when the input is shorter), for detecting what the input is by
  /// its content. Works on pipes too: the bytes are kept and every later read starts with them.
  /// - Throws: `MemReportError.cannotOpen` when reading fails.
  public func head(limit: Int = 64 << 10) throws -> [UInt8] {
    while readAhead.bytes.count < limit && !readAhead.ended {
      var chunk = [UInt8](repeating: 0, count: limit - readAhead.bytes.count)
      let n = try chunk.withUnsafeMutableBytes { try readDescriptor(into: $0) }
      if n == 0 { readAhead.ended = true }
      readAhead.bytes += chunk[0..<n]
    }
    return Array(readAhead.bytes.prefix(limit))
  }

  /// Reads what is available into `buffer`: read-ahead bytes first, then the descriptor.
  /// - Returns: the number of bytes read; 0 at the end of the input.
  package func readSome(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    if readAhead.offset < readAhead.bytes.count {
      let n = min(buffer.count, readAhead.bytes.count - readAhead.offset)
      readAhead.bytes.withUnsafeBytes { source in
        UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n])
          .copyMemory(
            from: UnsafeRawBufferPointer(rebasing: source[readAhead.offset..<readAhead.offset + n]))
      }
      readAhead.offset += n
      return n
    }
    if readAhead.ended { return 0 }
    return try readDescriptor(into: buffer)
  }

  /// Reads from the descriptor, decoding UTF-16 input to UTF-8 (see `UTF16Decoder`).
  private func readDescriptor(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let state = readAhead
    while true {
      if state.decodedOffset < state.decoded.count {
        let n = min(buffer.count, state.decoded.count - state.decodedOffset)
        state.decoded.withUnsafeBytes { source in
          UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n])
            .copyMemory(
              from: UnsafeRawBufferPointer(
                rebasing: source[state.decodedOffset..<state.decodedOffset + n]))
        }
        state.decodedOffset += n
        return n
      }
      state.decoded.removeAll(keepingCapacity: true)
      state.decodedOffset = 0
      switch state.encoding {
      case .bytes:
        return try readRaw(into: buffer)
      case .utf16(var decoder):
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let n = try chunk.withUnsafeMutableBytes { try readRaw(into: $0) }
        decoder.decode(chunk[0..<n], final: n == 0, into: &state.decoded)
        state.encoding = .utf16(decoder)
        if n == 0 && state.decoded.isEmpty { return 0 }
      case .gzip(let inflater):
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        let n = try chunk.withUnsafeMutableBytes { try readRaw(into: $0) }
        guard inflater.inflate(chunk[0..<n], final: n == 0, into: &state.decoded) else {
          throw MemReportError.unusableInput(
            path: path, line: nil,
            reason: "the gzip data is corrupt or cut short (gzip -t says where)")
        }
        if n == 0 && state.decoded.isEmpty { return 0 }
      case .unknown:
        // The first bytes decide the encoding; they are kept and handed out as decoded.
        var head: [UInt8] = []
        var ended = false
        var sniffed = UTF16Decoder.sniff(head, ended: false)
        while sniffed == nil {
          var chunk = [UInt8](repeating: 0, count: 4 - head.count)
          let n = try chunk.withUnsafeMutableBytes { try readRaw(into: $0) }
          head += chunk[0..<n]
          ended = n == 0
          sniffed = UTF16Decoder.sniff(head, ended: ended)
        }
        if GzipInflater.sniff(head) {
          let inflater = GzipInflater()
          state.encoding = .gzip(inflater)
          state.wasGzip = true
          guard inflater.inflate(head[...], final: ended, into: &state.decoded) else {
            throw MemReportError.unusableInput(
              path: path, line: nil,
              reason: "the gzip data is corrupt or cut short (gzip -t says where)")
          }
        } else if let (order, skip) = sniffed ?? nil {
          var decoder = UTF16Decoder(order: order)
          decoder.decode(head.dropFirst(skip), final: ended, into: &state.decoded)
          state.encoding = .utf16(decoder)
          state.wasUTF16 = true
        } else {
          state.decoded = head
          state.encoding = .bytes
        }
        if ended && state.decoded.isEmpty { return 0 }
      }
    }
  }

  private func readRaw(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    while true {
      let n = read(descriptor, buffer.baseAddress, buffer.count)
      if n >= 0 { return n }
      if errno != EINTR {
        throw MemReportError.cannotOpen(path: path, reason: SystemError.message(errno))
      }
    }
  }

  /// Whether the input was UTF-16 (decoded as it is read); known once reading has started.
  public var wasUTF16: Bool { readAhead.wasUTF16 }

  /// Whether the input was gzip-compressed (inflated as it is read); known once reading started.
  public var wasGzip: Bool { readAhead.wasGzip }

  /// Opens `path` for reading.
  /// - Throws: `MemReportError.cannotOpen` for a missing, unreadable or non-regular input such as
  ///   a directory.
  public static func open(_ path: String) throws -> InputFile {
    if path == "-" {
      return InputFile(
        path: path, descriptor: STDIN_FILENO, size: nil, readAhead: standardInputReadAhead)
    }
    let fd = POSIX.openForReading(path)
    guard fd >= 0 else {
      throw MemReportError.cannotOpen(path: path, reason: SystemError.message(errno))
    }
    return try adopt(fd, path: path)
  }

  /// Takes ownership of an open descriptor: refuses a directory, notes a regular file's size.
  private static func adopt(_ fd: Int32, path: String) throws -> InputFile {
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let reason = SystemError.message(errno)
      POSIX.close(fd)
      throw MemReportError.cannotOpen(path: path, reason: reason)
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR {
      POSIX.close(fd)
      throw MemReportError.cannotOpen(path: path, reason: "is a directory")
    }
    return InputFile(
      path: path, descriptor: fd, size: type == S_IFREG ? Int(info.st_size) : nil)
  }

  /// Opens `path` when it exists; `nil` when there is no such file (an optional input, such as a
  /// template a folder may override).
  /// - Throws: `MemReportError.cannotOpen` for any other failure (permissions, a directory).
  public static func openIfPresent(_ path: String) throws -> InputFile? {
    let fd = POSIX.openForReading(path)
    if fd < 0 {
      if errno == ENOENT { return nil }
      throw MemReportError.cannotOpen(path: path, reason: SystemError.message(errno))
    }
    return try adopt(fd, path: path)
  }

  /// Reads the whole input (for small inputs such as patches).
  /// - Throws: `MemReportError.unusableInput` when it is larger than `limit` bytes.
  public func readAll(limit: Int = 64 << 20) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = try chunk.withUnsafeMutableBytes { try readSome(into: $0) }
      if n == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<n])
      if bytes.count > limit {
        throw MemReportError.unusableInput(
          path: path, line: nil, reason: "larger than \(limit >> 20) MiB")
      }
    }
  }

  /// Moves a regular file's read position to `offset` before anything was read (a parse in
  /// parts opens the file once per part).
  package func seek(to offset: Int) throws {
    guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
      throw MemReportError.cannotOpen(path: path, reason: SystemError.message(errno))
    }
  }

  /// Up to `count` bytes at `offset`, without moving the read position (regular files).
  package func bytes(at offset: Int, count: Int) throws -> [UInt8] {
    var out = [UInt8](repeating: 0, count: count)
    var got = 0
    while got < count {
      let n = out.withUnsafeMutableBytes { buffer in
        buffer.baseAddress.map { pread(descriptor, $0 + got, count - got, off_t(offset + got)) }
          ?? 0
      }
      if n < 0 && errno == EINTR { continue }
      if n < 0 { throw MemReportError.cannotOpen(path: path, reason: SystemError.message(errno)) }
      if n == 0 { break }
      got += n
    }
    out.removeLast(count - got)
    return out
  }

  public func close() {
    if descriptor != STDIN_FILENO { POSIX.close(descriptor) }
  }
}

/// The bytes `InputFile.head(limit:)` read ahead, shared by the copies of one `InputFile` (one
/// reader at a time, like the descriptor itself).
package final class ReadAhead: @unchecked Sendable {
  package var bytes: [UInt8] = []
  package var offset = 0
  package var ended = false
  /// How the descriptor's bytes become the input's UTF-8, decided by its first bytes.
  package enum Encoding { case unknown, bytes, utf16(UTF16Decoder), gzip(GzipInflater) }
  package var encoding = Encoding.unknown
  package var wasUTF16 = false
  package var wasGzip = false
  /// Decoded bytes not yet handed out.
  package var decoded: [UInt8] = []
  package var decodedOffset = 0
}

/// Text for `errno` values.
package enum SystemError {
  package static func message(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file or directory"
    case EACCES: return "permission denied"
    case EISDIR: return "is a directory"
    case ENOTDIR: return "a component of the path is not a directory"
    case ENOSPC: return "no space left on device"
    case EROFS: return "read-only file system"
    default:
      if let text = strerror(code) { return String(cString: text).lowercased() }
      return "error \(code)"
    }
  }
}
