/// ASCII byte constants and classes.
package enum ASCII {
  package static let space = UInt8(ascii: " ")
  package static let tab = UInt8(ascii: "\t")
  package static let newline = UInt8(ascii: "\n")
  package static let carriageReturn = UInt8(ascii: "\r")
  package static let escape: UInt8 = 0x1B
  package static let zero = UInt8(ascii: "0")
  package static let dot = UInt8(ascii: ".")
  package static let colon = UInt8(ascii: ":")
  package static let quote = UInt8(ascii: "\"")
  package static let dash = UInt8(ascii: "-")
  package static let hash = UInt8(ascii: "#")
  package static let caret = UInt8(ascii: "^")
  package static let leftBracket = UInt8(ascii: "[")

  @inline(__always) package static func isDigit(_ b: UInt8) -> Bool { b &- zero < 10 }
  @inline(__always) package static func isLetter(_ b: UInt8) -> Bool {
    (b | 0x20) &- UInt8(ascii: "a") < 26
  }
  @inline(__always) package static func lowercased(_ b: UInt8) -> UInt8 {
    isLetter(b) ? b | 0x20 : b
  }
}
