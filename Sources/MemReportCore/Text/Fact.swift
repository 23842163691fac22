/// One `label: value` fact of a command's document (a line of text output, a row of a Markdown
/// list, a `<dt>`/`<dd>` pair of a page). Words are built once per feature; each human format only
/// lays facts out, so no writer has to recover structure from another writer's strings.
package struct Fact: Sendable, Equatable {
  package var label: String
  package var value: String

  package init(label: String, value: String) {
    self.label = label
    self.value = value
  }
}
