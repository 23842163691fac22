import CLibXML2

/// The one place that talks to libxml2: it writes XML (SVG charts) through `xmlTextWriter`, so
/// escaping is correct by construction, and checks that a text is well-formed XML, which tests use
/// on every HTML and SVG output.
public enum XMLDocument {
  /// Whether `text` parses as well-formed XML. Network access and entity expansion are off.
  public static func isWellFormed(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes -> Bool in
      guard let base = bytes.baseAddress else { return false }
      let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
      let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
        xmlReadMemory($0, Int32(bytes.count), "memreport.xml", "UTF-8", options)
      }
      guard let document else { return false }
      xmlFreeDoc(document)
      return true
    }
  }

  /// `root` as XML text, without an XML declaration (so it can be inlined in HTML); with
  /// `declaration: true`, as a standalone document.
  public static func serialize(_ root: XMLNode, declaration: Bool = false) -> String {
    guard let buffer = xmlBufferCreate() else { return "" }
    defer { xmlBufferFree(buffer) }
    guard let writer = xmlNewTextWriterMemory(buffer, 0) else { return "" }
    if declaration { xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil) }
    write(root, to: writer)
    if declaration { xmlTextWriterEndDocument(writer) }
    xmlTextWriterFlush(writer)
    xmlFreeTextWriter(writer)
    guard let content = xmlBufferContent(buffer) else { return "" }
    return String(cString: content)
  }

  private static func write(_ node: XMLNode, to writer: xmlTextWriterPtr) {
    xmlTextWriterStartElement(writer, node.name)
    for (name, value) in node.attributes {
      xmlTextWriterWriteAttribute(writer, name, clean(value))
    }
    if let text = node.text { xmlTextWriterWriteString(writer, clean(text)) }
    for child in node.children { write(child, to: writer) }
    xmlTextWriterEndElement(writer)
  }

  /// XML forbids most control characters even as references; they become U+FFFD.
  private static func clean(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" }) else {
      return text
    }
    return String(String.UnicodeScalarView(text.unicodeScalars.map {
      $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" ? "\u{FFFD}" : $0
    }))
  }
}
