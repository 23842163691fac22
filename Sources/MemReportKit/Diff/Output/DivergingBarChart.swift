import MemReportCore
/// The top movers of a diff as bars from a centre line: growth to the right in dark orange, shrink
/// to the left in light blue (they differ in lightness, so the chart reads in greyscale), with a
/// sign on every value and NEW/GONE marks, so colour is never the only cue.
package enum DivergingBarChart {
  /// Words under the two halves of every diverging chart.
  package static let axis = (smaller: "◀ smaller after", larger: "larger after ▶")

  package static func make(
    _ section: DiffSection, name: String = "top-movers", top: Int = 15, width: Int = 900
  ) -> SVGChart? {
    let rows = section.topMovers(top)
    guard !rows.isEmpty else { return nil }
    let bars = rows.map { row in
      let value = DiffFormat.chartMark(row.status) + DiffFormat.delta(row, section.metric)
      return DivergingBars.Bar(
        name: row.name, delta: row.certainDelta, value: value,
        tooltip:
          "\(row.name): \(DiffFormat.side(row.before, section.metric)) → \(DiffFormat.side(row.after, section.metric)) (\(value))"
      )
    }
    let (body, height) = DivergingBars.draw(bars, width: width, labelShare: 0.4, axis: axis)
    let description = rows.map {
      "\($0.name): \(DiffFormat.delta($0, section.metric)) (\($0.status.rawValue))"
    }.joined(separator: "; ")
    return SVGChart(
      name: name, title: "Top movers: \(section.title)", description: description,
      width: width, height: height, body: body)
  }
}
