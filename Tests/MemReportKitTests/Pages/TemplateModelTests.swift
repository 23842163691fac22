import Mustache
import Testing

@testable import MemReportKit

/// The table types answer template lookups by name (`TemplateModel.swift`) instead of through a
/// `Mirror`; each must answer every stored property exactly as reflecting it would.
@Suite("Template models answer as their Mirror")
struct TemplateModelTests {
  /// Every stored property of `value` looked up by its label gives what the Mirror gives (an
  /// optional's value or nil), and an unknown name gives nil.
  func expectSameAsMirror(_ value: some MustacheParent) {
    for case (let label?, let field) in Mirror(reflecting: value).children {
      let mirror = Mirror(reflecting: field)
      let mirrored: Any? = mirror.displayStyle == .optional ? mirror.children.first?.value : field
      let answered = value.child(named: label)
      #expect(
        answered.map { String(describing: $0) } == mirrored.map { String(describing: $0) },
        "\(type(of: value)).\(label)")
    }
    #expect(value.child(named: "no such property") == nil)
  }

  @Test func tableTypesAnswerEveryProperty() {
    let badge = TableModel.Badge(text: "new", cls: "b-new")
    var cell = TableModel.Cell.number("1,024", 1024)
    cell.title = "full"
    cell.badge = badge
    expectSameAsMirror(cell)
    expectSameAsMirror(TableModel.Cell.name("/a/very/long/path.rb", shortened: "…/path.rb"))
    expectSameAsMirror(TableModel.Cell(text: "plain"))
    expectSameAsMirror(TableModel.Row(cells: [cell]))
    expectSameAsMirror(TableModel.Column(label: "bytes", numeric: true))
    expectSameAsMirror(badge)
  }
}
