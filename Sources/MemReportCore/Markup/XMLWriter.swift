import CLibXML2

/// Writes an XML document (SVG, XHTML) through libxml2's `xmlTextWriter` into a memory buffer:
/// elements, attributes, text and comments, with all escaping done by libxml2 (`&`, `<`, `>` in
/// text; `&`, `<`, `"` and line breaks in attribute values). Characters that XML 1.0 cannot carry
/// at all (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) are replaced
/// by U+FFFD first, so any input string yields a well-formed document.
///
/// ```swift
/// let xml = try XMLWriter()
/// xml.startDocument()
/// xml.startElement("svg")
/// xml.attribute("xmlns", "http://www.w3.org/2000/svg")
/// xml.element("title", text: "a < b & c")
/// xml.endElement()
/// let text = try xml.finish()
/// ```
///
/// Calls record the first libxml2 failure; `finish()` throws it. Not thread-safe; one document per
/// writer.
package final class XMLWriter {
  private let buffer: xmlBufferPtr
  private let writer: xmlTextWriterPtr
  private var failure: String?
  private var finished = false
  private var depth = 0

  /// Creates a writer; `indent` puts each element on its own line, indented by two spaces
  /// (libxml2 never indents inside elements that hold text, so text is unchanged).
  /// - Throws: `MemReportError.cannotWrite` when libxml2 cannot allocate its buffer.
  package init(indent: Bool = true) throws {
    guard let buffer = xmlBufferCreate() else {
      throw MemReportError.cannotWrite(path: "XML", reason: "libxml2 could not allocate a buffer")
    }
    guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
      xmlBufferFree(buffer)
      throw MemReportError.cannotWrite(path: "XML", reason: "libxml2 could not create a writer")
    }
    self.buffer = buffer
    self.writer = writer
    if indent {
      xmlTextWriterSetIndent(writer, 1)
      check(
        Self.withXMLChars("  ") { xmlTextWriterSetIndentString(writer, $0) }, "set the indentation")
    }
  }

  deinit {
    xmlFreeTextWriter(writer)
    xmlBufferFree(buffer)
  }

  /// `<?xml version="1.0" encoding="UTF-8"?>`.
  package func startDocument() {
    check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
  }

  /// Opens `<name`; attributes follow until content or `endElement()`.
  package func startElement(_ name: String) {
    depth += 1
    check(Self.withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }, "start <\(name)>")
  }

  /// Adds an attribute to the element just opened; libxml2 escapes the value.
  package func attribute(_ name: String, _ value: String) {
    let clean = Self.sanitized(value)
    check(
      Self.withXMLChars(name) { n in
        Self.withXMLChars(clean) { v in xmlTextWriterWriteAttribute(writer, n, v) }
      },
      "write the attribute \(name)")
  }

  /// Adds attributes in order.
  package func attributes(_ pairs: KeyValuePairs<String, String>) {
    for (name, value) in pairs { attribute(name, value) }
  }

  /// Text content; libxml2 escapes it.
  package func text(_ text: String) {
    let clean = Self.sanitized(text)
    check(Self.withXMLChars(clean) { xmlTextWriterWriteString(writer, $0) }, "write text")
  }

  /// `<!--text-->` (a `--` inside is broken up, as XML requires).
  package func comment(_ text: String) {
    var clean = Self.sanitized(text)
    while clean.contains("--") { clean = clean.replacingOccurrences(of: "--", with: "- -") }
    if clean.hasSuffix("-") { clean += " " }
    check(Self.withXMLChars(clean) { xmlTextWriterWriteComment(writer, $0) }, "write a comment")
  }

  /// Closes the innermost open element (`<a/>` when it is empty).
  package func endElement() {
    guard depth > 0 else {
      record("endElement() without an open element")
      return
    }
    depth -= 1
    check(xmlTextWriterEndElement(writer), "end an element")
  }

  /// A whole element: `<name a="1">text</name>`, or `<name a="1"/>` without text.
  package func element(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil
  ) {
    startElement(name)
    self.attributes(attributes)
    if let text { self.text(text) }
    endElement()
  }

  /// Closes every open element, ends the document and returns it.
  /// - Throws: `MemReportError.cannotWrite` naming the first libxml2 call that failed.
  package func finish() throws -> String {
    guard !finished else {
      throw MemReportError.cannotWrite(path: "XML", reason: "finish() called twice")
    }
    finished = true
    check(xmlTextWriterEndDocument(writer), "end the document")
    check(xmlTextWriterFlush(writer), "flush")
    if let failure {
      throw MemReportError.cannotWrite(path: "XML", reason: "libxml2 could not " + failure)
    }
    guard let content = xmlBufferContent(buffer) else { return "" }
    return String(cString: content)
  }

  private func check(_ status: Int32, _ what: String) {
    if status < 0 { record(what) }
  }

  private func record(_ what: String) {
    if failure == nil { failure = what }
  }

  /// Calls `body` with `text` as a NUL-terminated `xmlChar` string.
  private static func withXMLChars(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Int32)
    -> Int32
  {
    var bytes = Array(text.utf8)
    bytes.append(0)
    return bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return -1 }
      return body(base)
    }
  }

  /// `text` with characters XML 1.0 forbids replaced by U+FFFD (NUL would also end the C string).
  package static func sanitized(_ text: String) -> String {
    let forbidden = text.unicodeScalars.contains { Self.isForbidden($0) || Self.isShown($0) }
    guard forbidden else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if Self.isForbidden(scalar) {
        out.unicodeScalars.append("\u{FFFD}")
      } else if Self.isShown(scalar) {
        out += TerminalText.shown(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// C1 controls and bidirectional overrides, which XML allows but which would spoof a name
  /// (`<U+202E>` is shown instead).
  private static func isShown(_ s: Unicode.Scalar) -> Bool {
    s.value >= 0x7F && TerminalText.isUnsafe(s)
  }

  private static func isForbidden(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
    return v == 0xFFFE || v == 0xFFFF
  }
}
