/// A horizontal bar chart of the largest rows: a label column, bars on a shared scale, values.
package enum BarChart {
  package struct Bar: Sendable {
    package var label: String
    package var value: Double
    package var valueText: String

    package init(label: String, value: Double, valueText: String) {
      self.label = label
      self.value = value
      self.valueText = valueText
    }
  }

  /// - Parameters:
  ///   - bars: largest first; drawn as given.
  ///   - total: the report's total, for the share in each tooltip.
  package static func make(
    name: String, title: String, bars: [Bar], total: Double?, width: Int = 520
  ) -> SVGChart {
    let rowHeight = 22.0
    let top = 8.0
    let labelWidth = Double(width) * 0.42
    let valueWidth = 64.0
    let barWidth = Double(width) - labelWidth - valueWidth - 16
    let height = Int(top * 2 + rowHeight * Double(max(bars.count, 1)))
    let largest = bars.map(\.value).max() ?? 1
    var body: [MarkupNode] = []
    for (i, bar) in bars.enumerated() {
      let y = top + Double(i) * rowHeight
      let w = largest > 0 ? barWidth * bar.value / largest : 0
      let share =
        total.map {
          $0 > 0 ? " (" + Units.fixed(bar.value / $0 * 100, digits: 1) + "% of the total)" : ""
        } ?? ""
      body.append(
        SVGChart.text(
          labelWidth - 6, y + 15, SVGChart.fit(bar.label, width: labelWidth - 8), anchor: "end"))
      body.append(
        SVGChart.rect(
          labelWidth, y + 3, max(w, 1), rowHeight - 6, fill: Palette.bar, cls: "bar",
          tooltip: "\(bar.label): \(bar.valueText)\(share)"))
      body.append(
        SVGChart.text(labelWidth + w + 6, y + 15, bar.valueText, cls: "muted", fill: Palette.muted))
    }
    if bars.isEmpty {
      body.append(SVGChart.text(8, 20, "no rows", cls: "muted", fill: Palette.muted))
    }
    let description = bars.map { "\($0.label): \($0.valueText)" }.joined(separator: "; ")
    return SVGChart(
      name: name, title: title, description: title + ". " + description, width: width,
      height: height, body: body)
  }
}
