import Mustache
import Testing
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
}
