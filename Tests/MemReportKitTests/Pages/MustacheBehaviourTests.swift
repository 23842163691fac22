import Mustache
import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// The template behaviours the pages rely on, pinned so a swift-mustache upgrade cannot change
/// them silently.
@Suite("swift-mustache behaviours the templates rely on")
struct MustacheBehaviourTests {
  struct Cell { var text: String; var title: String?; var flag: Bool }
  struct Row { var cells: [Cell] }
  struct Page { var title: String; var rows: [Row] }

  func render(_ template: String, _ object: Any) throws -> String {
    try MustacheTemplate(string: template).render(object)
  }

  @Test func nilAndFalseSkipSections() throws {
    // An optional that is nil skips its section (and does not climb to the page's `title`); inside
    // a section on a value, `{{.}}` is the value; `false` skips.
    let page = Page(
      title: "outer",
      rows: [
        Row(cells: [
          Cell(text: "a", title: nil, flag: false), Cell(text: "b", title: "t", flag: true),
        ])
      ])
    let out = try render(
      "{{#rows}}{{#cells}}[{{.text}}{{#.title}} title={{.}}{{/.title}}{{#.flag}}!{{/.flag}}]{{/cells}}{{/rows}}",
      page)
    #expect(out == "[a][b title=t!]")
  }

  @Test func escapingCoversQuotesAndMarkup() throws {
    let out = try render("<p title=\"{{x}}\">{{x}}</p>", ["x": "<script>\"'&"])
    #expect(out == "<p title=\"&lt;script&gt;&quot;&#39;&amp;\">&lt;script&gt;&quot;&#39;&amp;</p>")
  }

  struct Fact: CustomStringConvertible {
    var text: String
    var description: String { "fact: " + text }
  }
  struct Outer { var title: String; var note: String?; var facts: [Fact]; var rows: [Row] }

  @Test func templateModelRendersAsTheMirrorDoes() throws {
    // `TemplateModel` (what `HTMLTemplates.render` hands the library) must answer every lookup
    // as reflecting the model did: nil climbs to an outer name without a dot and not with one,
    // arrays iterate, `false` skips, `{{.}}` shows the value's description. An optional set in
    // one row and nil in the next is still nil there (its type's handling is decided once).
    let page = Outer(
      title: "outer", note: nil, facts: [Fact(text: "<a>")],
      rows: [
        Row(cells: [Cell(text: "b", title: "t", flag: true)]),
        Row(cells: [Cell(text: "a", title: nil, flag: false)]),
      ])
    let template =
      "{{title}}|{{#facts}}{{.}};{{/facts}}|{{#rows}}{{#cells}}[{{text}} {{title}}"
      + "{{#.title}}={{.}}{{/.title}}{{#flag}}!{{/flag}}{{^flag}}-{{/flag}}]{{/cells}}{{/rows}}"
      + "{{^note}}no note{{/note}}{{missing}}"
    let plain = try render(template, page)
    #expect(plain == "outer|fact: &lt;a&gt;;|[b t=t!][a outer-]no note")
    #expect(try render(template, TemplateModel.wrap(page) as Any) == plain)
  }
}
