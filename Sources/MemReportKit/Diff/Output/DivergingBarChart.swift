import MemReportCore
/// The top movers of a diff as bars from a centre line: growth to the right in dark orange, shrink
/// to the left in light blue (they differ in lightness, so the chart reads in greyscale), with a
/// sign on every value and NEW/GONE marks, so colour is never the only cue.
package enum DivergingBarChart {
  package static func make(_ section: DiffSection, top: Int = 15, width: Int = 900) -> SVGChart? {
    let rows = section.topMovers(top)
    guard !rows.isEmpty else { return nil }
    let rowHeight = 24.0
    let labelWidth = Double(width) * 0.4
    let plot = Double(width) - labelWidth - 20
    let centre = labelWidth + plot / 2
    let half = plot / 2 - 110
    let largest = rows.map { abs($0.certainDelta) }.max() ?? 1
    let height = Int(rowHeight * Double(rows.count) + 30)
    var body: [MarkupNode] = [SVGChart.line(centre, 4, centre, Double(height) - 22, cls: "axis")]
    for (i, row) in rows.enumerated() {
      let y = 8 + Double(i) * rowHeight
      let delta = row.certainDelta
      let w = largest > 0 ? half * abs(delta) / largest : 0
      let growing = delta > 0
      let x = growing ? centre : centre - w
      let valueText = DiffFormat.chartMark(row.status) + DiffFormat.delta(row, section.metric)
      body.append(
        SVGChart.text(
          labelWidth - 8, y + 15, SVGChart.fit(row.name, width: labelWidth - 10), anchor: "end"))
      body.append(
        SVGChart.rect(
          x, y + 4, max(w, 1), rowHeight - 8,
          fill: growing ? Palette.grow : Palette.shrink, cls: growing ? "grow" : "shrink",
          tooltip:
            "\(row.name): \(DiffFormat.side(row.before, section.metric)) → \(DiffFormat.side(row.after, section.metric)) (\(valueText))"
        ))
      body.append(
        SVGChart.text(
          growing ? x + w + 6 : x - 6, y + 15, valueText, anchor: growing ? "start" : "end",
          cls: "muted", fill: Palette.muted))
    }
    body.append(
      SVGChart.text(
        centre - 8, Double(height) - 6, "◀ smaller after", anchor: "end", cls: "muted",
        fill: Palette.muted))
    body.append(
      SVGChart.text(
        centre + 8, Double(height) - 6, "larger after ▶", cls: "muted", fill: Palette.muted))
    let description = rows.map {
      "\($0.name): \(DiffFormat.delta($0, section.metric)) (\($0.status.rawValue))"
    }.joined(separator: "; ")
    return SVGChart(
      name: "top-movers", title: "Top movers: \(section.title)", description: description,
      width: width, height: height, body: body)
  }
}
