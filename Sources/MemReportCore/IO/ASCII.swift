/// ASCII byte constants and classes, for readers that scan bytes. Public and inlinable so a reader
/// in another module tests every byte without a call (the compiler inlines `package` code across
/// modules only when it is public).
public enum ASCII {
  @inlinable public static var space: UInt8 { UInt8(ascii: " ") }
  @inlinable public static var tab: UInt8 { UInt8(ascii: "\t") }
  @inlinable public static var newline: UInt8 { UInt8(ascii: "\n") }
  @inlinable public static var carriageReturn: UInt8 { UInt8(ascii: "\r") }
  @inlinable public static var escape: UInt8 { 0x1B }
  @inlinable public static var zero: UInt8 { UInt8(ascii: "0") }
  @inlinable public static var dot: UInt8 { UInt8(ascii: ".") }
  @inlinable public static var colon: UInt8 { UInt8(ascii: ":") }
  package static let quote = UInt8(ascii: "\"")
  @inlinable public static var dash: UInt8 { UInt8(ascii: "-") }
  @inlinable public static var hash: UInt8 { UInt8(ascii: "#") }
  @inlinable public static var caret: UInt8 { UInt8(ascii: "^") }
  @inlinable public static var leftBracket: UInt8 { UInt8(ascii: "[") }

  @inlinable @inline(__always) public static func isDigit(_ b: UInt8) -> Bool { b &- zero < 10 }
  @inlinable @inline(__always) public static func isLetter(_ b: UInt8) -> Bool {
    (b | 0x20) &- UInt8(ascii: "a") < 26
  }
  @inlinable @inline(__always) public static func lowercased(_ b: UInt8) -> UInt8 {
    isLetter(b) ? b | 0x20 : b
  }
}
