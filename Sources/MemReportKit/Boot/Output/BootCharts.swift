import MemReportCore

/// The charts of boot pages: an icicle of one require tree (each level a band, widths are
/// inclusive cost, one hue per gem) and a diverging bar chart of a diff's top movers.
enum BootCharts {
  /// Levels drawn at most (deeper requires are in the table).
  static let maxLevels = 14

  static func icicle(_ analysis: BootTreeAnalysis, width: Int = 1100) -> SVGChart? {
    let nodes = analysis.tree.nodes
    let top = Double(max(analysis.topKiB, 0))
    guard nodes.count > 1, top > 0 else { return nil }
    let band = 26.0
    let plot = Double(width)
    let children = analysis.tree.children
    var xs = [Double](repeating: 0, count: nodes.count)
    var ws = [Double](repeating: 0, count: nodes.count)
    var cursor = [Double](repeating: 0, count: nodes.count)
    var childScale = [Double](repeating: 1, count: nodes.count)
    var gemOf = [Int](repeating: 0, count: nodes.count)
    let scale = plot / top
    ws[0] = plot
    var deepest = 0
    var body: [MarkupNode] = []
    let palette = Palette.bands
    var gemIndex: [Int: Int] = [:]
    for (i, node) in nodes.enumerated() {
      if i > 0, let p = node.parent {
        let w = max(0, Double(node.kib)) * scale * childScale[p]
        xs[i] = cursor[p]
        ws[i] = min(w, max(0, xs[p] + ws[p] - cursor[p]))
        cursor[p] += ws[i]
        gemOf[i] = p == 0 ? i : gemOf[p]
      }
      cursor[i] = xs[i]
      // Children share this node's width at its own scale, squeezed when they add up to more.
      let natural = max(0, Double(node.kib)) * scale
      let inherited = i == 0 ? 1 : (natural > 0 ? ws[i] / natural : 1)
      var sum = 0.0
      for c in children[i] { sum += max(0, Double(nodes[c].kib)) * scale }
      childScale[i] = sum * inherited > ws[i] && sum > 0 ? ws[i] / sum : inherited
      guard node.depth < maxLevels, ws[i] >= 0.5 else { continue }
      deepest = max(deepest, node.depth)
      let fill: String
      if i == 0 {
        fill = Palette.muted
      } else {
        let g = gemIndex[gemOf[i]] ?? gemIndex.count
        gemIndex[gemOf[i]] = g
        fill = palette[g % palette.count]
      }
      let row = analysis.rows[i]
      var tooltip =
        "\(node.name): \(BootWording.mib(node.kib)) inclusive, own \(BootWording.own(row.ownKiB, bound: row.ownIsBound)), \(BootWording.share(row.share)) of TOP"
      if let also = BootWording.alsoRequired(
        node.alsoRequiredBy, count: node.alsoRequiredByCount,
        mayBeMore: node.alsoRequiredByMayBeMore)
      {
        tooltip += "; also required by \(also)"
      }
      let y = Double(node.depth) * band
      var rect = SVGChart.rect(
        xs[i], y + 1, ws[i], band - 2, fill: fill, cls: ws[i] >= 3 ? "cell" : nil, tooltip: tooltip)
      if ws[i] >= 3 { rect.attributes.append(("stroke", Palette.onBar)) }
      rect.attributes.append(
        ("fill-opacity", node.depth <= 1 ? "1" : (node.depth == 2 ? "0.85" : "0.7")))
      body.append(rect)
      if ws[i] > 40 {
        let label = i == 0 ? "TOP \(BootWording.mib(node.kib))" : node.name
        body.append(
          SVGChart.text(
            xs[i] + 4, y + band / 2 + 4, SVGChart.fit(label, width: ws[i] - 8), cls: "on-bar",
            fill: Palette.onBar))
      }
    }
    let description =
      "TOP \(BootWording.mib(analysis.topKiB)); "
      + analysis.gems.prefix(8).map { "\($0.name) \(BootWording.mib($0.kib))" }
      .joined(separator: ", ")
    return SVGChart(
      name: "boot-icicle-\(analysis.tree.index)",
      title: "Memory at boot: each require's inclusive cost (width), nested under what required it",
      description: description, width: width, height: Int(band * Double(deepest + 1) + 2),
      body: body)
  }

  /// The top movers of a boot diff, as bars from a centre line (growth right, shrink left; a sign
  /// and the status on every value, so colour is never the only cue).
  static func movers(_ document: BootDiffDocument, top: Int = 15, width: Int = 900) -> SVGChart? {
    let rows = Array(document.rows.filter { $0.row.deltaKiB != 0 }.prefix(top))
    guard !rows.isEmpty else { return nil }
    let bars = rows.map { line in
      DivergingBars.Bar(
        name: line.name, delta: line.row.deltaKiB,
        value:
          "\(line.delta) \(line.row.status.rawValue)\(line.row.verdict == .noise ? " (noise)" : "")",
        tooltip:
          "\(line.name): \(line.before) → \(line.after) (\(line.delta), \(line.status), \(line.verdict))",
        faded: line.row.verdict == .noise)
    }
    let (body, height) = DivergingBars.draw(
      bars, width: width, labelShare: 0.36, axis: DivergingBarChart.axis)
    let description = rows.map {
      "\($0.name): \($0.delta) (\($0.row.status.rawValue), \($0.verdict))"
    }
    .joined(separator: "; ")
    return SVGChart(
      name: "boot-movers",
      title: "Top movers at boot (MiB, after minus before; faded bars are within noise)",
      description: description, width: width, height: height, body: body)
  }
}
