import CLibXML2

/// Reads and writes whole documents with libxml2: checks that a text is well-formed XML (tests use
/// it on every HTML and SVG output), and serializes `MarkupNode` trees (the charts) through
/// `XMLWriter`, so escaping is correct by construction.
package enum MarkupDocument {
  /// Whether `text` parses as well-formed XML. Network access and entity expansion are off.
  package static func isWellFormed(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes -> Bool in
      guard let base = bytes.baseAddress, let count = Int32(exactly: bytes.count) else {
        return false
      }
      let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
      let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
        xmlReadMemory($0, count, "memreport.xml", "UTF-8", options)
      }
      guard let document else { return false }
      xmlFreeDoc(document)
      return true
    }
  }

  /// `root` as XML text through `XMLWriter` (so libxml2 escapes everything), without the XML
  /// declaration (to inline it in HTML); with `declaration: true`, as a standalone document.
  /// - Throws: `MemReportError.cannotWrite` when libxml2 fails.
  package static func serialize(_ root: MarkupNode, declaration: Bool = false) throws -> String {
    let writer = try XMLWriter(indent: false)
    writer.startDocument()
    write(root, to: writer)
    var text = try writer.finish()
    if !declaration, text.hasPrefix("<?xml"), let end = text.firstIndex(of: "\n") {
      text = String(text[text.index(after: end)...])
    }
    return text
  }

  private static func write(_ node: MarkupNode, to writer: XMLWriter) {
    writer.startElement(node.name)
    for (name, value) in node.attributes { writer.attribute(name, value) }
    if let text = node.text { writer.text(text) }
    for child in node.children { write(child, to: writer) }
    writer.endElement()
  }
}
