import Testing
import MemReportKit
import MemReportTemplates
import MemReportCore
import MemReportTestSupport

@Suite("libxml2 and embedded templates")
struct XMLDocumentTests {
  @Test func wellFormedness() {
    #expect(
      MarkupDocument.isWellFormed(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>a &amp; b</title></svg>"))
    #expect(!MarkupDocument.isWellFormed("<svg><title>a & b</title></svg>"))
    #expect(!MarkupDocument.isWellFormed("<svg><title>unclosed</svg>"))
    #expect(!MarkupDocument.isWellFormed(""))
  }

  @Test func templatesAreEmbeddedInTheBinary() throws {
    #expect(
      EmbeddedTemplates.all.keys.sorted() == [
        "boot-diff.mustache", "boot-report.mustache", "diff.mustache", "foot.mustache",
        "head.mustache", "leaks.mustache", "report.mustache", "script.js",
        "style.css",
        "table.mustache", "trend.mustache",
      ])
    #expect(EmbeddedTemplates.all["head.mustache"]?.contains("Content-Security-Policy") == true)
  }
}

@Suite("XML written through libxml2")
struct XMLSerializationTests {
  @Test func hostileTextIsEscapedByConstruction() throws {
    let hostile = "<script>alert(1)</script> \"q\" 'a' & ]]> --> </style> \u{1}"
    let node = MarkupNode(
      "svg", [("xmlns", "http://www.w3.org/2000/svg"), ("data-x", hostile)],
      children: [
        MarkupNode("title", text: hostile), MarkupNode("rect", [("width", "10")]),
      ])
    let xml = try MarkupDocument.serialize(node)
    #expect(MarkupDocument.isWellFormed(xml))
    #expect(!xml.contains("<script>"))
    #expect(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(xml.contains("<rect width=\"10\"/>"))
    #expect(xml.contains("\u{FFFD}"))
    let standalone = try MarkupDocument.serialize(node, declaration: true)
    #expect(standalone.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
    #expect(MarkupDocument.isWellFormed(standalone))
  }
}
