import MemReportCore
/// One printed row of a section: a count and what it counts.
///
/// Rows refer to their name through the profile's `NameTable`. For location rows the name is the
/// file part only and `line` holds the number after the last colon, so rows of one file share a
/// name and a key can be rebuilt exactly as printed.
public struct Row: Hashable, Sendable {
  /// The interned name (gem, file, class) or, for location rows, the interned file.
  public var nameID: Int32
  /// The line of a location row; `Row.noLine` when the data had no `:line` suffix and
  /// `Row.emptyLine` when it ended in a bare colon (`(no name):`).
  public var line: Int32
  /// Bytes in memory sections (converted from scaled units when the input was scaled), objects
  /// in object sections.
  public var value: Int64

  public static let noLine: Int32 = -1
  public static let emptyLine: Int32 = -2

  public init(nameID: Int32, line: Int32 = Row.noLine, value: Int64) {
    self.nameID = nameID
    self.line = line
    self.value = value
  }

  /// The line number when the row has one.
  public var lineNumber: Int? { line >= 0 ? Int(line) : nil }
}
