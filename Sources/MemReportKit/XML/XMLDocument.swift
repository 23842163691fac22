import CLibXML2

/// The one place that talks to libxml2. Later issues write SVG through its writer; for now it
/// checks that a text is well-formed XML, which tests use on every XML output.
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
}
