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

  /// A short, printable quotation of a line for messages.
  static func preview(_ bytes: UnsafeBufferPointer<UInt8>) -> String { DisplayText.quoted(bytes) }

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
