import MemReportCore
/// The top movers of a diff as bars from a centre line: growth to the right in dark orange, shrink
/// to the left in light blue (they differ in lightness, so the chart reads in greyscale), with a
/// sign on every value and NEW/GONE marks, so colour is never the only cue.
package enum DivergingBarChart {
  /// A generous width of one character at 12 px (digits, capitals and signs are wide).
  static let characterWidth = 7.6

  package static func make(
    _ section: DiffSection, name: String = "top-movers", top: Int = 15, width: Int = 900
  ) -> SVGChart? {
    let rows = section.topMovers(top)
    guard !rows.isEmpty else { return nil }
    let rowHeight = 24.0
    let labelWidth = Double(width) * 0.4
    let plot = Double(width) - labelWidth - 20
    let centre = labelWidth + plot / 2
    // Leave room beyond the longest bar for the longest value (`≥ top N ≤ −26.3 kB`), so values
    // sit beyond their bars' ends, clear of the names.
    let values = rows.map { DiffFormat.chartMark($0.status) + DiffFormat.delta($0, section.metric) }
    let longestValue = values.map { Double($0.count) * Self.characterWidth }.max() ?? 0
    let half = max(plot / 2 - max(110, longestValue + 14), 60)
    let largest = rows.map { abs($0.certainDelta) }.max() ?? 1
    let height = Int(rowHeight * Double(rows.count) + 30)
    var body: [MarkupNode] = [SVGChart.line(centre, 4, centre, Double(height) - 22, cls: "axis")]
    for (i, row) in rows.enumerated() {
      let y = 8 + Double(i) * rowHeight
      let delta = row.certainDelta
      let w = largest > 0 ? half * abs(delta) / largest : 0
      let growing = delta > 0
      let x = growing ? centre : centre - w
      let valueText = values[i]
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
      // The value sits beyond the bar's end; where it would run into the row's name (or off the
      // chart), it sits on the other side of the centre line instead, which that row leaves empty.
      let textWidth = Double(valueText.count) * Self.characterWidth
      let outside =
        growing ? x + w + 6 + textWidth <= Double(width) - 2 : x - 6 - textWidth >= labelWidth + 2
      let valueX = outside ? (growing ? x + w + 6 : x - 6) : (growing ? centre - 6 : centre + 6)
      body.append(
        SVGChart.text(
          valueX, y + 15, valueText, anchor: growing == outside ? "start" : "end",
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
      name: name, title: "Top movers: \(section.title)", description: description,
      width: width, height: height, body: body)
  }
}
