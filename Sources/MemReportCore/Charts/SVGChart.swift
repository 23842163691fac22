/// A chart ready to inline in a page or write as a standalone `.svg` file.
package struct SVGChart: Sendable {
  /// A file-name stem for the standalone file (`top-locations`).
  package var name: String
  /// The `<title>`: what the chart shows.
  package var title: String
  /// The text fallback (`<desc>`): the data in words, for screen readers and text-only viewers.
  package var description: String
  package var width: Int
  package var height: Int
  /// The drawing, without the root element.
  package var body: [MarkupNode]

  package init(
    name: String, title: String, description: String, width: Int, height: Int, body: [MarkupNode]
  ) {
    self.name = name
    self.title = title
    self.description = description
    self.width = width
    self.height = height
    self.body = body
  }

  /// The root `<svg>` element.
  package var root: MarkupNode {
    var svg = MarkupNode(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("width", String(width)),
        ("height", String(height)),
        ("viewBox", "0 0 \(width) \(height)"), ("role", "img"),
        ("font-family", "system-ui, DejaVu Sans, Helvetica, Arial, sans-serif"),
        ("font-size", "12"),
      ])
    svg.append(MarkupNode("title", text: title))
    svg.append(MarkupNode("desc", text: description))
    svg.children += body
    return svg
  }

  /// The chart for inlining in HTML.
  package func inline() throws -> String { try MarkupDocument.serialize(root) }
  /// The chart as a standalone SVG file.
  package func document() throws -> String {
    try MarkupDocument.serialize(root, declaration: true) + "\n"
  }

  /// Text with an optional class and fill.
  package static func text(
    _ x: Double, _ y: Double, _ content: String, anchor: String = "start", cls: String? = nil,
    fill: String = Palette.text, weight: String? = nil
  ) -> MarkupNode {
    var attributes = [("x", fmt(x)), ("y", fmt(y)), ("text-anchor", anchor), ("fill", fill)]
    if let cls { attributes.append(("class", cls)) }
    if let weight { attributes.append(("font-weight", weight)) }
    return MarkupNode("text", attributes, text: content)
  }

  package static func rect(
    _ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, cls: String?,
    tooltip: String? = nil
  ) -> MarkupNode {
    var attributes = [
      ("x", fmt(x)), ("y", fmt(y)), ("width", fmt(max(w, 0))), ("height", fmt(h)), ("fill", fill),
    ]
    if let cls { attributes.append(("class", cls)) }
    return MarkupNode(
      "rect", attributes, children: tooltip.map { [MarkupNode("title", text: $0)] } ?? [])
  }

  package static func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cls: String,
    stroke: String = Palette.muted
  ) -> MarkupNode {
    MarkupNode(
      "line",
      [
        ("x1", fmt(x1)), ("y1", fmt(y1)), ("x2", fmt(x2)), ("y2", fmt(y2)), ("stroke", stroke),
        ("class", cls),
      ])
  }

  /// Coordinates with one decimal.
  package static func fmt(_ value: Double) -> String {
    let r = (value * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : Units.fixed(r, digits: 1)
  }

  /// A label cut to fit `width` pixels at 12 px (about 7 px a character, with a margin), keeping
  /// what names the row: the first folder (a gem or app) and the file name.
  /// `retained/lib/session_store.rb:26` in 29 characters is `retained…/session_store.rb:26`, not
  /// `…/session_store.rb:26`. A label without folders (an icicle cell's `erb.rb:519`, under its
  /// file) keeps its end: `…b:519`.
  package static func fit(_ label: String, width: Double) -> String {
    let chars = Int(width / 7.2)
    guard label.count > chars, chars > 3 else { return label.count > chars ? "" : label }
    let short = DisplayText.shortPath(label, limit: chars)
    if !short.hasPrefix("…") { return short }  // it kept the first folder and the file name
    // An absolute path's first folder (`/home`, `/work`) names nothing: keep its end.
    let parts = label.split(separator: "/", omittingEmptySubsequences: false)
    if parts.first?.isEmpty == true { return short }
    // The file name whole, and as much of the first folder as fits before it (at least 4).
    if parts.count > 1, let first = parts.first, let last = parts.last {
      let room = chars - last.count - 2
      if room >= min(4, first.count) && room > 0 {
        return String(first.prefix(room)) + "…/" + last
      }
      return DisplayText.middle(label, limit: chars)  // a long file name: both ends of the path
    }
    return short
  }
}
