import MemReportCore
/// An icicle of gem → file → line: each level a band of rectangles whose widths are bytes.
package enum IcicleChart {
  /// One node of the hierarchy.
  struct Node {
    var name: String
    var bytes: Double
    var children: [Node] = []
  }

  /// Location rows drawn; the rest are one band.
  static let drawnLocations = 1_000

  /// Builds the hierarchy from a report's location rows (`state` memory by location).
  package static func make(
    _ profile: Profile, state: AllocationState = .allocated, width: Int = 1100
  ) -> SVGChart? {
    guard let section = profile.section(SectionTitle(state, .memory, .location)),
      !section.rows.isEmpty
    else { return nil }
    // The largest `drawnLocations` rows are drawn; the rest are one band of their own, so the
    // chart's size does not grow with the input (1 M rows drew 200,013 rectangles per 100 k).
    var drawn = Array(section.rows.indices)
    var rest: (count: Int, bytes: Double) = (0, 0)
    if drawn.count > Self.drawnLocations {
      drawn.sort {
        section.rows[$0].value > section.rows[$1].value
          || (section.rows[$0].value == section.rows[$1].value && $0 < $1)
      }
      for i in drawn[Self.drawnLocations...] {
        rest = (rest.count + 1, rest.bytes + Double(section.rows[i].value))
      }
      drawn.removeSubrange(Self.drawnLocations...)
    }
    var gems: [String: [String: [(String, Double)]]] = [:]
    for row in drawn.lazy.map({ section.rows[$0] }) {
      let file = profile.names[row.nameID]
      let gem = PathClassifier.gem(of: file)
      gems[gem, default: [:]][file, default: []].append((profile.name(of: row), Double(row.value)))
    }
    var tree = gems.map { gem, files in
      Node(
        name: gem, bytes: files.values.joined().reduce(0) { $0 + $1.1 },
        children: files.map { file, lines in
          Node(
            name: file, bytes: lines.reduce(0) { $0 + $1.1 },
            children: lines.map { Node(name: $0.0, bytes: $0.1) }.sorted(by: order))
        }.sorted(by: order))
    }.sorted(by: order)
    let shown = tree
    if rest.count > 0 {
      tree.append(
        Node(name: ReportDocument.icicleRest(locations: rest.count), bytes: rest.bytes))
    }
    let listed = tree.reduce(0) { $0 + $1.bytes }
    let band = 40.0
    let levels = ["gem", "file", "line"]
    let labelWidth = 44.0
    let plot = Double(width) - labelWidth - 4
    var body: [MarkupNode] = []
    for (level, name) in levels.enumerated() {
      body.append(
        SVGChart.text(0, Double(level) * band + 24, name, cls: "muted", fill: Palette.muted))
    }
    var x = labelWidth
    var colourIndex = 0
    let palette = Palette.bands
    for gem in tree {
      let fill = colourIndex < shown.count ? palette[colourIndex % palette.count] : Palette.muted
      colourIndex += 1
      draw(gem, level: 0, x: x, scale: plot / max(listed, 1), band: band, fill: fill, into: &body)
      x += gem.bytes * plot / max(listed, 1)
    }
    let description = ReportDocument.icicleDescription(
      locations: section.rows.count, listed: bytes(listed), total: profile.totals[state].bytes,
      state: state,
      gems: shown.prefix(8).map { ($0.name, bytes($0.bytes)) })
    return SVGChart(
      name: "icicle-\(state.rawValue)", title: ReportDocument.icicleTitle(state),
      description: description, width: width, height: Int(band * 3 + 4), body: body)
  }

  /// A sum of rows as an Int64, clamped: hostile rows near Int64.max add up beyond it (a gem of
  /// two such rows trapped).
  private static func bytes(_ sum: Double) -> Int64 {
    guard sum < 9.223_372_036_854_775e18 else { return .max }
    return sum > -9.223_372_036_854_775e18 ? Int64(sum) : .min
  }

  private static func order(_ a: Node, _ b: Node) -> Bool {
    a.bytes != b.bytes ? a.bytes > b.bytes : a.name < b.name
  }

  private static func draw(
    _ node: Node, level: Int, x: Double, scale: Double, band: Double, fill: String,
    into body: inout [MarkupNode]
  ) {
    let w = node.bytes * scale
    // Narrower than a tenth of a pixel: nothing to see, and nothing under it is wider.
    guard w >= 0.1 else { return }
    let y = Double(level) * band
    var rect = SVGChart.rect(
      x, y + 2, w, band - 4, fill: fill, cls: w >= 3 ? "cell" : nil,
      tooltip: ReportDocument.icicleTooltip(node.name, bytes: bytes(node.bytes)))
    if w >= 3 { rect.attributes.append(("stroke", Palette.onBar)) }
    rect.attributes.append(("fill-opacity", level == 0 ? "1" : (level == 1 ? "0.8" : "0.6")))
    body.append(rect)
    let label = level == 0 ? node.name : String(node.name.split(separator: "/").last ?? "")
    if w > 40 {
      body.append(
        SVGChart.text(
          x + 4, y + band / 2 + 4, SVGChart.fit(label, width: w - 8), cls: "on-bar",
          fill: Palette.onBar))
    }
    guard level < 2 else { return }
    var childX = x
    for child in node.children {
      draw(child, level: level + 1, x: childX, scale: scale, band: band, fill: fill, into: &body)
      childX += child.bytes * scale
    }
  }
}
