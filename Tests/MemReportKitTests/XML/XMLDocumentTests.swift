import Testing
import MemReportKit
import MemReportTemplates

@Suite("libxml2 and embedded templates")
struct XMLDocumentTests {
  @Test func wellFormedness() {
    #expect(XMLDocument.isWellFormed("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>a &amp; b</title></svg>"))
    #expect(!XMLDocument.isWellFormed("<svg><title>a & b</title></svg>"))
    #expect(!XMLDocument.isWellFormed("<svg><title>unclosed</svg>"))
    #expect(!XMLDocument.isWellFormed(""))
  }

  @Test func templatesAreEmbeddedInTheBinary() throws {
    let placeholder = try #require(EmbeddedTemplates.all["placeholder.html.mustache"])
    #expect(placeholder.contains("{{title}}"))
  }
}
