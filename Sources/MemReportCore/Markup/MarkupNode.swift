/// A small XML tree (SVG charts are built as one), serialized by `MarkupDocument.serialize` through
/// libxml2's writer, so every name, attribute and text is escaped by libxml2.
package struct MarkupNode: Sendable {
  package var name: String
  /// Attributes in the order given.
  package var attributes: [(String, String)]
  package var children: [MarkupNode]
  /// Text content (written before the children).
  package var text: String?

  package init(
    _ name: String, _ attributes: [(String, String)] = [], text: String? = nil,
    children: [MarkupNode] = []
  ) {
    self.name = name
    self.attributes = attributes
    self.text = text
    self.children = children
  }

  /// Appends a child and returns self, for building trees inline.
  package mutating func append(_ child: MarkupNode) { children.append(child) }
}
