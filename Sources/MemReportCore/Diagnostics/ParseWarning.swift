/// Something the parser skipped or read in a particular way, with the input line it is about.
public struct ParseWarning: Sendable, Equatable, CustomStringConvertible {
  /// 1-based line in the input; 0 when the warning is about the whole input.
  public var line: Int
  public var message: String

  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { "line \(line): \(message)" }
}
