#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import MemReportCore

/// Warnings with line numbers, quotations of lines, and the variant features seen.
extension MemoryProfilerParser {
  // MARK: - Warnings and features

  mutating func warn(_ line: Int, _ message: String, _ text: UnsafeBufferPointer<UInt8>? = nil) {
    var message = message
    if let text { message += ": " + Self.preview(text) }
    let warning = ParseWarning(line: line, message: message)
    if profile == nil {
      if pendingWarnings.count < Self.warningLimit { pendingWarnings.append(warning) }
      return
    }
    if (profile?.warnings.count ?? 0) < Self.warningLimit {
      profile?.warnings.append(warning)
    } else {
      droppedWarnings += 1
    }
  }

  /// A short, printable quotation of a line for messages: cut at most 80 bytes in, on a character
  /// boundary (never inside a UTF-8 sequence, which would show as U+FFFD), with C1 controls
  /// (U+0080–U+009F, which some terminals obey) shown as spaces like the C0 ones.
  static func preview(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let limit = utf8Boundary(bytes, atMost: previewBytes)
    // `quoted` adds `…` when it cuts.
    let quoted = DisplayText.quoted(bytes, limit: limit)
    return String(
      String.UnicodeScalarView(
        quoted.unicodeScalars.map { (0x80...0x9F).contains($0.value) ? " " : $0 }))
  }

  /// Bytes of a line quoted in a warning.
  static let previewBytes = 80

  /// The largest `n <= limit` such that `bytes[..<n]` ends on a UTF-8 character boundary.
  static func utf8Boundary(_ bytes: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Int {
    guard bytes.count > limit else { return bytes.count }
    var n = limit
    // Back off over continuation bytes (10xxxxxx) to the lead byte, at most 3 steps.
    while n > 0, limit - n < 4, bytes[n] & 0xC0 == 0x80 { n -= 1 }
    return limit - n < 4 ? n : limit
  }

  mutating func feature(_ feature: VariantFeature) {
    if profile != nil {
      profile?.metadata.features.insert(feature)
    } else {
      pendingMetadata.features.insert(feature)
    }
  }

  mutating func note(_ found: LineCleaner.Found) {
    if found.contains(.ansi) { feature(.ansiColour) }
    if found.contains(.carriageReturn) { feature(.crlf) }
    if found.contains(.byteOrderMark) { feature(.byteOrderMark) }
    if found.contains(.tab) { feature(.tabs) }
    if found.contains(.nonBreakingSpace) { feature(.nonBreakingSpaces) }
  }
}
