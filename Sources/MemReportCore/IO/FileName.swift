#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// File names as the system gives them: bytes, not always UTF-8.
///
/// Swift's `CommandLine.arguments` replaces invalid UTF-8 with U+FFFD, so a Latin-1 `café.txt`
/// could not be opened and `-o` with such a name wrote another file. memreport reads its arguments
/// as bytes and keeps each byte of an invalid sequence as one private-use scalar
/// (U+10FF00 + byte), which gives the same bytes back when the file is opened and is shown as
/// `\xE9` wherever the name is printed (`TerminalText`, and through it HTML, JSON and Markdown).
package enum FileName {
  static let byteBase: UInt32 = 0x10FF00

  /// The scalar that stands for `byte` of a name that is not valid UTF-8.
  package static func isByte(_ scalar: Unicode.Scalar) -> UInt8? {
    scalar.value >= byteBase ? UInt8(truncatingIfNeeded: scalar.value - byteBase) : nil
  }

  /// A C string from the system (`argv`, a directory entry) as a name that gives its bytes back.
  package static func string(cString: UnsafePointer<CChar>) -> String {
    let count = strlen(cString)
    return cString.withMemoryRebound(to: UInt8.self, capacity: count) {
      string(UnsafeBufferPointer(start: $0, count: count))
    }
  }

  /// `bytes` as a name: valid UTF-8 as it is, each byte of an invalid sequence as U+10FF00 + byte.
  package static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    return UTF8Text.decode(bytes) { out, byte in
      out.unicodeScalars.append(Unicode.Scalar(byteBase + UInt32(byte)) ?? "\u{FFFD}")
    }
  }

  /// The bytes of `name` for the system, NUL-terminated: the original bytes of an argument.
  package static func cString(_ name: String) -> [CChar] {
    guard name.unicodeScalars.contains(where: { isByte($0) != nil }) else {
      return Array(name.utf8CString)
    }
    var bytes: [CChar] = []
    for scalar in name.unicodeScalars {
      if let byte = isByte(scalar) {
        bytes.append(CChar(bitPattern: byte))
      } else {
        bytes += String(scalar).utf8.map { CChar(bitPattern: $0) }
      }
    }
    bytes.append(0)
    return bytes
  }

  /// Calls `body` with `name`'s bytes as a C string.
  package static func withCString<R>(_ name: String, _ body: (UnsafePointer<CChar>) throws -> R)
    rethrows -> R
  {
    try cString(name).withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return try "".withCString(body) }
      return try body(base)
    }
  }
}
