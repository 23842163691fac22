/// Bars from a centre line, for before/after deltas: growth to the right in dark orange, shrink to
/// the left in light blue (they differ in lightness, so the chart reads in greyscale), each value
/// beyond its bar's end, or on the other side of the centre line where it would run into the
/// row's name. The diffs of reports and of require trees both draw their top movers with it.
package enum DivergingBars {
  /// One row: `delta` sets the bar (its sign the side), `value` is written beside it.
  package struct Bar {
    package var name: String
    package var delta: Double
    package var value: String
    package var tooltip: String
    /// Drawn faded (a change within noise).
    package var faded = false

    package init(name: String, delta: Double, value: String, tooltip: String, faded: Bool = false) {
      self.name = name
      self.delta = delta
      self.value = value
      self.tooltip = tooltip
      self.faded = faded
    }
  }

  /// A generous width of one character at 12 px (digits, capitals and signs are wide).
  package static let characterWidth = 7.6

  /// The chart's body and height for `bars`, names taking `labelShare` of `width`; `axis` words
  /// go under each half.
  package static func draw(
    _ bars: [Bar], width: Int, labelShare: Double, axis: (smaller: String, larger: String)
  ) -> (body: [MarkupNode], height: Int) {
    let rowHeight = 24.0
    let labelWidth = Double(width) * labelShare
    let plot = Double(width) - labelWidth - 20
    let centre = labelWidth + plot / 2
    // Leave room beyond the longest bar for the longest value, so values sit beyond their bars'
    // ends, clear of the names.
    let longestValue = bars.map { Double($0.value.count) * characterWidth }.max() ?? 0
    let half = max(plot / 2 - max(110, longestValue + 14), 60)
    let largest = bars.map { abs($0.delta) }.max() ?? 1
    let height = Int(rowHeight * Double(bars.count) + 30)
    var body: [MarkupNode] = [SVGChart.line(centre, 4, centre, Double(height) - 22, cls: "axis")]
    for (i, bar) in bars.enumerated() {
      let y = 8 + Double(i) * rowHeight
      let w = largest > 0 && largest.isFinite ? half * abs(bar.delta) / largest : 0
      let growing = bar.delta > 0
      let x = growing ? centre : centre - w
      body.append(
        SVGChart.text(
          labelWidth - 8, y + 15, SVGChart.fit(bar.name, width: labelWidth - 10), anchor: "end"))
      var rect = SVGChart.rect(
        x, y + 4, max(w, 1), rowHeight - 8, fill: growing ? Palette.grow : Palette.shrink,
        cls: growing ? "grow" : "shrink", tooltip: bar.tooltip)
      if bar.faded { rect.attributes.append(("fill-opacity", "0.45")) }
      body.append(rect)
      let textWidth = Double(bar.value.count) * characterWidth
      let outside =
        growing ? x + w + 6 + textWidth <= Double(width) - 2 : x - 6 - textWidth >= labelWidth + 2
      let valueX = outside ? (growing ? x + w + 6 : x - 6) : (growing ? centre - 6 : centre + 6)
      body.append(
        SVGChart.text(
          valueX, y + 15, bar.value, anchor: growing == outside ? "start" : "end", cls: "muted",
          fill: Palette.muted))
    }
    body.append(
      SVGChart.text(
        centre - 8, Double(height) - 6, axis.smaller, anchor: "end", cls: "muted",
        fill: Palette.muted))
    body.append(
      SVGChart.text(centre + 8, Double(height) - 6, axis.larger, cls: "muted", fill: Palette.muted))
    return (body, height)
  }
}
