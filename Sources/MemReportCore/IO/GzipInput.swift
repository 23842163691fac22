import CZlib

/// gzip input (`heap.json.gz`), inflated as it is read: never to disk, never whole in memory.
/// Concatenated members (`cat a.gz b.gz`) read as one stream, as `gzip -d` does. A corrupt or
/// truncated stream is an error naming the file; bytes after the last member that are not gzip
/// are ignored with the rest of the stream, like `gzip -d` (a warning there, not here).
package final class GzipInflater {
  private let stream: UnsafeMutablePointer<z_stream>
  private var finished = false
  private var memberEnded = false
  private var corrupt = false
  private var pending: [UInt8] = []
  private var pendingOffset = 0

  /// Whether `head` starts like a gzip member (magic bytes and the deflate method).
  package static func sniff(_ head: [UInt8]) -> Bool {
    head.count >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 8
  }

  package init() {
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    // 15 + 32: a zlib or gzip header, detected; the largest window.
    _ = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
  }

  deinit {
    inflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// Inflates `input` (compressed bytes; empty at the end of the file), appending to `out`.
  /// - Returns: false when the stream is corrupt, or ended in the middle of a member.
  package func inflate(_ input: ArraySlice<UInt8>, final: Bool, into out: inout [UInt8]) -> Bool {
    if pendingOffset > 0 {
      pending.removeFirst(pendingOffset)
      pendingOffset = 0
    }
    pending += input
    if corrupt { return false }
    if !finished {
      var chunk = [UInt8](repeating: 0, count: 1 << 18)
      pending.withUnsafeMutableBufferPointer { source in
        chunk.withUnsafeMutableBufferPointer { target in
          stream.pointee.next_in = source.baseAddress
          stream.pointee.avail_in = UInt32(source.count)
          var outputFull = false
          while stream.pointee.avail_in > 0 || outputFull {
            let next = source.count - Int(stream.pointee.avail_in)
            if memberEnded {
              // Another member may follow; anything else after the last one is not read.
              if stream.pointee.avail_in < 2 && !final { break }
              if stream.pointee.avail_in >= 2 && source[next] == 0x1F && source[next + 1] == 0x8B {
                inflateReset(stream)
                memberEnded = false
                continue
              }
              finished = true
              stream.pointee.avail_in = 0
              break
            }
            stream.pointee.next_in = source.baseAddress.map { $0 + next }
            stream.pointee.next_out = target.baseAddress
            stream.pointee.avail_out = UInt32(target.count)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            let produced = target.count - Int(stream.pointee.avail_out)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: target[0..<produced]))
            outputFull = stream.pointee.avail_out == 0
            if status == Z_STREAM_END {
              memberEnded = true
              outputFull = false
            } else if status == Z_BUF_ERROR {
              break  // no progress: needs more input
            } else if status != Z_OK {
              corrupt = true
              break
            }
          }
          pendingOffset = source.count - Int(stream.pointee.avail_in)
        }
      }
    }
    if corrupt { return false }
    return !final || finished || memberEnded
  }
}
