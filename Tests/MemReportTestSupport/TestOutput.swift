import MemReportKit

/// Collects what a writer writes, for tests.
public struct StringSink: TextOutputStream {
  public var text = ""

  public init() {}

  public mutating func write(_ string: String) { text += string }
}

/// Page templates with only the shared head and foot: rendering any page fails after the input
/// was read, to test that the failure is thrown and no output is left.
public func templatesWithoutPages() throws -> HTMLTemplates {
  try HTMLTemplates(files: ["head.mustache": "<html>", "foot.mustache": "</html>"], origin: "test")
}
