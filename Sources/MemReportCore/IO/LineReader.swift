#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One line handed out by `LineReader`. `bytes` is only valid during the callback.
package struct RawLine {
  /// The line without its `\n`.
  package var bytes: UnsafeBufferPointer<UInt8>
  /// 1-based line number.
  package var number: Int
  /// The line ended with `\n` (false only for the last line of an input that lacks one).
  package var terminated: Bool
  /// The line was longer than the reader's limit; `bytes` holds only its first part.
  package var overlong: Bool
  /// Where the line starts, in bytes from where the reader started.
  package var offset = 0

  package init(bytes: UnsafeBufferPointer<UInt8>, number: Int, terminated: Bool, overlong: Bool) {
    self.bytes = bytes
    self.number = number
    self.terminated = terminated
    self.overlong = overlong
  }
}

/// Streams an input in fixed-size chunks and hands out lines without copying them.
///
/// Memory stays at one chunk plus the longest line kept (`maxLineLength`), whatever the input size:
/// an overlong line is reported once with its first bytes and the rest is skipped.
package struct LineReader {
  package static let chunkSize = 1 << 20
  package static let defaultMaxLineLength = 1 << 20
  /// How far an overlong line is skipped before the input is refused: no text report has a line
  /// this long, and an endless one (`/dev/zero`, a runaway pipe) must end the read, not hang it.
  package static let maxSkippedLineLength = 64 << 20
  package let input: InputFile
  package let maxLineLength: Int
  /// Called after each chunk with the bytes read so far.
  package var progress: ((Int) -> Void)?
  /// Read at most this many bytes (a slice of a file, for a parse in parts); `nil`: to the end.
  package var byteLimit: Int?

  package init(
    input: InputFile, maxLineLength: Int = LineReader.defaultMaxLineLength,
    progress: ((Int) -> Void)? = nil
  ) {
    self.input = input
    self.maxLineLength = maxLineLength
    self.progress = progress
  }

  /// Calls `body` for every line, in order.
  /// - Returns: the number of bytes read.
  @discardableResult
  package func forEachLine(_ body: (RawLine) throws -> Void) throws -> Int {
    let capacity = Self.chunkSize + maxLineLength
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    var filled = 0  // bytes in buffer
    var lineNumber = 1
    var skippingOverlong = false
    var skipped = 0
    var total = 0
    var bufferOffset = 0  // the input offset of buffer[0]
    while true {
      let wanted = Swift.min(capacity - filled, Self.chunkSize, (byteLimit ?? Int.max) - total)
      let n =
        wanted <= 0
        ? 0
        : try input.readSome(
          into: UnsafeMutableRawBufferPointer(start: buffer + filled, count: wanted))
      total += n
      progress?(total)
      let end = filled + n
      var start = 0
      // Hand out every complete line in the buffer.
      while start < end {
        guard let nl = memchr(buffer + start, Int32(ASCII.newline), end - start) else { break }
        let nlIndex = buffer.distance(to: nl.assumingMemoryBound(to: UInt8.self))
        if skippingOverlong {
          skippingOverlong = false
        } else {
          var line = RawLine(
            bytes: UnsafeBufferPointer(start: buffer + start, count: nlIndex - start),
            number: lineNumber, terminated: true, overlong: false)
          line.offset = bufferOffset + start
          try body(line)
        }
        lineNumber += 1
        start = nlIndex + 1
      }
      let remainder = end - start
      if n == 0 {
        if remainder > 0 && !skippingOverlong {
          var line = RawLine(
            bytes: UnsafeBufferPointer(start: buffer + start, count: remainder),
            number: lineNumber, terminated: false, overlong: false)
          line.offset = bufferOffset + start
          try body(line)
        }
        return total
      }
      if remainder >= maxLineLength {
        // Report the start of the overlong line once, then drop bytes until its newline.
        if !skippingOverlong {
          try body(
            RawLine(
              bytes: UnsafeBufferPointer(start: buffer + start, count: min(remainder, 256)),
              number: lineNumber, terminated: false, overlong: true))
          skippingOverlong = true
          skipped = 0
        }
        skipped += remainder
        bufferOffset += end
        if skipped > Self.maxSkippedLineLength {
          throw MemReportError.unusableInput(
            path: input.path, line: lineNumber,
            reason:
              "a line longer than \(Self.maxSkippedLineLength >> 20) MiB with no end: not text")
        }
        filled = 0
      } else {
        if start > 0 && remainder > 0 { memmove(buffer, buffer + start, remainder) }
        bufferOffset += start
        filled = remainder
      }
    }
  }

  /// Calls `body` for every line of `bytes` (tests and fuzzing: the same lines as reading them
  /// from a file, without the overlong-line limit).
  package static func forEachLine(in bytes: [UInt8], _ body: (RawLine) throws -> Void) rethrows {
    try bytes.withUnsafeBufferPointer { all in
      var start = 0
      var number = 1
      while start < all.count {
        let newline = all[start...].firstIndex(of: ASCII.newline)
        let end = newline ?? all.count
        var line = RawLine(
          bytes: UnsafeBufferPointer(rebasing: all[start..<end]), number: number,
          terminated: newline != nil, overlong: false)
        line.offset = start
        try body(line)
        start = end + 1
        number += 1
      }
    }
  }
}
