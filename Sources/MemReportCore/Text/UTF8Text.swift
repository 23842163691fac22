/// Bytes from an input as text, without losing what makes two names different.
///
/// Invalid UTF-8 (a Latin-1 `café.rb` is `caf` 0xE9 `.rb`) is usually decoded as U+FFFD, which
/// makes `café.rb` and `cafè.rb` one name, and their rows one row. Here each byte that is not part
/// of a valid sequence is shown as `\xE9` instead: names stay as distinct as their bytes, and a
/// reader sees what was there.
package enum UTF8Text {
  /// `bytes` decoded as UTF-8, each byte of an invalid sequence written `\xNN` (uppercase hex);
  /// `valid` says whether there was none.
  package static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, valid: Bool) {
    if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
    return (decode(bytes) { $0 += shown($1) }, false)
  }

  /// `bytes` decoded as UTF-8, with `invalid` writing each byte of an invalid sequence.
  package static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, invalid: (inout String, UInt8) -> Void
  ) -> String {
    var out = ""
    out.reserveCapacity(bytes.count + 8)
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        out.unicodeScalars.append(Unicode.UTF8.decode(encoded))
        offset += encoded.count
      case .error(let length):
        for i in offset..<min(offset + length, bytes.count) { invalid(&out, bytes[i]) }
        offset += length
      case .emptyInput:
        return out
      }
    }
  }

  /// `\xNN` for one byte.
  package static func shown(_ byte: UInt8) -> String {
    let digits: [Character] = Array("0123456789ABCDEF")
    return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
  }
}
