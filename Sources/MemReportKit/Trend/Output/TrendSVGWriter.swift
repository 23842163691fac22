import MemReportCore
/// `trend --format svg`: an 800×400 line chart written through libxml2 (`XMLWriter`). Memory (MiB)
/// against samples or, when every series has its TEST_COUNT, requests; round-number ticks; the
/// warm-up shaded; each series' fitted tail trend dashed; the `--limit` as a red dashed line; one
/// colour per series (differing in lightness too) with a legend when there are several; `<title>`
/// and `<desc>` carry the verdict as text. No external resources, white background (readable in
/// dark mode), strokes and fonts sized to survive scaling down in a pull request.
package struct TrendSVGWriter: TrendWriter {
  package static let width = 800.0
  package static let height = 400.0

  static let fontFamily =
    "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

  // Plot area.
  static let left = 78.0
  static let right = 780.0
  static let top = 56.0
  static let bottom = 328.0

  package init() {}

  package func write(_ report: TrendReport, into out: inout some TextOutputStream) throws {
    out.write(try svg(report))
  }

  /// The chart as an SVG document.
  /// - Complexity: O(total samples): long series are decimated to a minimum and maximum per pixel.
  package func svg(_ report: TrendReport) throws -> String {
    try svg(report, document: TrendDocument(report), declaration: true)
  }

  /// The chart as an `<svg>` element to put in a page: no XML declaration.
  func svgElement(_ report: TrendReport, document: TrendDocument) throws -> String {
    try svg(report, document: document, declaration: false)
  }

  private func svg(_ report: TrendReport, document: TrendDocument, declaration: Bool) throws
    -> String
  {
    let xml = try XMLWriter()
    let entries = report.entries
    let byRequests = !entries.isEmpty && entries.allSatisfy { $0.series.requestsPerSample != nil }
    func xValue(_ e: TrendReport.Entry, _ sample: Double) -> Double {
      byRequests ? sample * (e.series.requestsPerSample ?? 1) : sample
    }
    // Axes.
    let xMax = entries.map { xValue($0, Double(max(1, $0.series.count - 1))) }.max() ?? 1
    let xScale = TrendChartScale(minimum: 0, maximum: xMax, targetTicks: 7)
    var yMin = Double.infinity
    var yMax = -Double.infinity
    for e in entries {
      yMin = min(yMin, e.analysis.minMiB)
      yMax = max(yMax, e.analysis.maxMiB)
      if let fit = e.analysis.fit {
        for s in [e.analysis.tailRange.lowerBound, e.analysis.tailRange.upperBound - 1] {
          let v = fit.value(atSample: Double(s))
          yMin = min(yMin, v)
          yMax = max(yMax, v)
        }
      }
    }
    if !yMin.isFinite { (yMin, yMax) = (0, 1) }
    var limitInside = false
    if let limit = report.limitMiB, limit <= max(yMax * 3, yMax + 1) {
      limitInside = true
      yMax = max(yMax, limit * 1.04)
      yMin = min(yMin, limit)
    }
    if yMin >= 0 && yMin < 0.5 * yMax { yMin = 0 }
    let yScale = TrendChartScale(minimum: yMin, maximum: yMax, targetTicks: 5)
    let left = Self.left, right = Self.right, top = Self.top, bottom = Self.bottom
    func px(_ x: Double) -> Double { left + xScale.fraction(x) * (right - left) }
    func py(_ y: Double) -> Double { bottom - yScale.fraction(y) * (bottom - top) }
    func f(_ v: Double) -> String { Units.fixed(v, digits: 1) }

    if declaration { xml.startDocument() }
    xml.startElement("svg")
    xml.attributes([
      "xmlns": "http://www.w3.org/2000/svg", "width": "800", "height": "400",
      "viewBox": "0 0 800 400",
      "role": "img", "aria-labelledby": "chart-title chart-desc", "font-family": Self.fontFamily,
    ])
    let title =
      entries.count == 1
      ? "Memory over time: \(entries[0].analysis.verdict.rawValue)"
      : "Memory over time: \(entries.map { $0.analysis.verdict.rawValue }.joined(separator: report.comparisons.isEmpty ? ", " : " vs "))"
    xml.element("title", ["id": "chart-title"], text: title)
    var desc: [String] = []
    for s in document.series {
      desc.append("\(s.source): \(s.headline.text). \(s.explanation)")
    }
    for c in document.comparisons {
      desc.append("\(c.after) compared with the baseline \(c.before): \(c.summary)")
    }
    xml.element("desc", ["id": "chart-desc"], text: desc.joined(separator: "\n"))
    xml.element(
      "rect", ["x": "0", "y": "0", "width": "800", "height": "400", "fill": Palette.paper])

    // Title and subtitle.
    xml.element(
      "text",
      ["x": "16", "y": "24", "font-size": "17", "font-weight": "bold", "fill": Palette.ink],
      text: title)
    let subtitle =
      document.comparisons.first?.summary
      ?? (document.series.count > 1
        ? document.headline : document.series.first?.shortHeadline.text ?? "")
    xml.element(
      "text", ["x": "16", "y": "44", "font-size": "13", "fill": Palette.caption],
      text: DisplayText.shortString(subtitle, limit: 112))

    // Warm-up shading (behind the grid).
    for e in entries where e.analysis.warmupSamples > 0 {
      let a = e.analysis
      let x0 = px(xValue(e, Double(a.analysedRange.lowerBound)))
      let x1 = px(xValue(e, Double(a.analysedRange.lowerBound + a.warmupSamples)))
      guard x1 - x0 >= 1 else { continue }
      xml.startElement("rect")
      xml.attributes([
        "x": f(x0), "y": f(top), "width": f(x1 - x0), "height": f(bottom - top),
        "fill": Palette.shade,
        "fill-opacity": entries.count == 1 ? "0.07" : "0.05",
      ])
      xml.element("title", text: "warm-up of \(e.series.source): \(a.warmupSamples) samples")
      xml.endElement()
      if x1 - x0 >= 56 && entries.count == 1 {
        xml.element(
          "text", ["x": f(x0 + 5), "y": f(bottom - 8), "font-size": "12", "fill": Palette.note],
          text: "warm-up")
      }
    }

    // Restarts and big GCs (not a sawtooth's teeth): a dotted line where memory dropped.
    for e in entries where !e.analysis.pattern.sawtooth {
      for drop in e.analysis.pattern.drops {
        let x = px(xValue(e, Double(drop.sample)))
        xml.startElement("line")
        xml.attributes([
          "x1": f(x), "y1": f(top), "x2": f(x), "y2": f(bottom), "stroke": Palette.marker,
          "stroke-width": "1.2", "stroke-dasharray": "2 4",
        ])
        xml.element(
          "title",
          text:
            "memory dropped by \(Units.mib(drop.sizeMiB)) after \(drop.sample) samples (a restart or a big GC)"
        )
        xml.endElement()
        xml.element(
          "text", ["x": f(x + 4), "y": f(top + 14), "font-size": "12", "fill": Palette.note],
          text: "drop")
      }
    }

    // Grid, ticks and tick labels.
    xml.startElement("g")
    xml.attributes(["font-size": "13", "fill": Palette.axis])
    for t in yScale.ticks {
      let y = py(t)
      xml.element(
        "line",
        [
          "x1": f(left), "y1": f(y), "x2": f(right), "y2": f(y), "stroke": Palette.rule,
          "stroke-width": "1",
        ])
      xml.element(
        "text", ["x": f(left - 8), "y": f(y + 4.5), "text-anchor": "end"], text: yScale.label(t))
    }
    for t in xScale.ticks {
      let x = px(t)
      xml.element(
        "line",
        [
          "x1": f(x), "y1": f(bottom), "x2": f(x), "y2": f(bottom + 5), "stroke": Palette.axis,
          "stroke-width": "1",
        ])
      xml.element(
        "text", ["x": f(x), "y": f(bottom + 20), "text-anchor": "middle"], text: xScale.label(t))
    }
    xml.endElement()
    // Axes and their titles.
    xml.element(
      "line",
      [
        "x1": f(left), "y1": f(top), "x2": f(left), "y2": f(bottom), "stroke": Palette.axis,
        "stroke-width": "1.2",
      ])
    xml.element(
      "line",
      [
        "x1": f(left), "y1": f(bottom), "x2": f(right), "y2": f(bottom), "stroke": Palette.axis,
        "stroke-width": "1.2",
      ])
    let intervals = Set(entries.map(\.series.intervalSeconds))
    let xTitle: String
    if byRequests {
      xTitle = "Requests"
    } else if intervals.count == 1, let interval = intervals.first,
      entries.allSatisfy(\.series.intervalKnown)
    {
      xTitle = "Sample (every \(Units.seconds(interval)))"
    } else {
      xTitle = "Sample"
    }
    xml.element(
      "text",
      [
        "x": f((left + right) / 2), "y": f(bottom + 42), "font-size": "14", "text-anchor": "middle",
        "fill": Palette.ink,
      ], text: xTitle)
    let yMid = (top + bottom) / 2
    xml.element(
      "text",
      [
        "x": "20", "y": f(yMid), "font-size": "14", "text-anchor": "middle", "fill": Palette.ink,
        "transform": "rotate(-90 20 \(f(yMid)))",
      ], text: "Memory (MiB)")

    // The limit.
    if let limit = report.limitMiB {
      if limitInside {
        let y = py(limit)
        xml.element(
          "line",
          [
            "x1": f(left), "y1": f(y), "x2": f(right), "y2": f(y), "stroke": Palette.limit,
            "stroke-width": "2", "stroke-dasharray": "8 5",
          ])
        xml.element(
          "text",
          [
            "x": f(right - 4), "y": f(y - 6), "font-size": "13", "font-weight": "bold",
            "text-anchor": "end", "fill": Palette.limit, "stroke": Palette.paper,
            "stroke-width": "4", "stroke-linejoin": "round", "paint-order": "stroke",
          ], text: "limit \(Units.mib(limit))")
      } else {
        xml.element(
          "text",
          [
            "x": f(right), "y": f(bottom + 42), "font-size": "13", "font-weight": "bold",
            "text-anchor": "end", "fill": Palette.limit,
          ], text: "limit \(Units.mib(limit)): above the chart")
      }
    }

    // Series and their fitted tail trends.
    for (i, e) in entries.enumerated() {
      let colour = Palette.series[i % Palette.series.count]
      let values = e.series.values
      var points = ""
      points.reserveCapacity(values.count * 12)
      for (sample, value) in Self.decimated(values, buckets: Int(right - left)) {
        if !points.isEmpty { points += " " }
        points += f(px(xValue(e, sample))) + "," + f(py(value))
      }
      if values.count == 1 {
        xml.element(
          "circle", ["cx": f(px(0)), "cy": f(py(values[0])), "r": "3", "fill": colour.line])
      } else {
        xml.startElement("polyline")
        xml.attributes([
          "points": points, "fill": "none", "stroke": colour.line, "stroke-width": "2.2",
          "stroke-linejoin": "round", "stroke-linecap": "round",
        ])
        xml.element("title", text: "\(e.series.source): \(e.analysis.verdict.rawValue)")
        xml.endElement()
      }
      if let fit = e.analysis.fit, e.analysis.tailRange.count >= 2 {
        let s0 = Double(e.analysis.tailRange.lowerBound)
        let s1 = Double(e.analysis.tailRange.upperBound - 1)
        let (x0, y0, x1, y1) = (
          px(xValue(e, s0)), py(fit.value(atSample: s0)), px(xValue(e, s1)),
          py(fit.value(atSample: s1))
        )
        xml.startElement("line")
        xml.attributes([
          "x1": f(x0), "y1": f(y0), "x2": f(x1), "y2": f(y1), "stroke": colour.dark,
          "stroke-width": "2",
          "stroke-dasharray": "7 7", "stroke-opacity": "0.9",
        ])
        xml.element("title", text: document.series[i].fitTitle ?? "fitted tail trend")
        xml.endElement()
        if entries.count == 1, let label = document.series[i].trendLabel {
          let above = y1 - 10 > top + 14
          xml.element(
            "text",
            [
              "x": f(x1 - 4), "y": f(above ? y1 - 10 : y1 + 20), "font-size": "13",
              "font-weight": "bold", "text-anchor": "end", "fill": colour.dark,
              "stroke": Palette.paper,
              "stroke-width": "4", "stroke-linejoin": "round", "paint-order": "stroke",
            ], text: label)
        }
      }
    }

    // Legend, only for several series.
    if entries.count > 1 {
      let rowHeight = 20.0
      var labels = document.series.map {
        "\(DisplayText.shortString($0.label, limit: 48)) — \($0.verdict.rawValue)"
      }
      let shaded = entries.contains { $0.analysis.warmupSamples > 0 }
      if shaded { labels.append("warm-up (shaded)") }
      let width = min(right - left - 20, Double((labels.map(\.count).max() ?? 10) * 7 + 52))
      let x = left + 10
      let y = top + 8
      xml.element(
        "rect",
        [
          "x": f(x), "y": f(y), "width": f(width),
          "height": f(Double(labels.count) * rowHeight + 10),
          "fill": Palette.paper, "fill-opacity": "0.92", "stroke": Palette.frame, "rx": "4",
        ])
      for (i, label) in labels.enumerated() {
        let ly = y + 15 + Double(i) * rowHeight
        if i < entries.count {
          let colour = Palette.series[i % Palette.series.count]
          xml.element(
            "line",
            [
              "x1": f(x + 8), "y1": f(ly), "x2": f(x + 32), "y2": f(ly), "stroke": colour.line,
              "stroke-width": "3",
            ])
        } else {
          xml.element(
            "rect",
            [
              "x": f(x + 8), "y": f(ly - 7), "width": "24", "height": "14", "fill": Palette.shade,
              "fill-opacity": "0.08",
            ])
        }
        xml.element(
          "text", ["x": f(x + 40), "y": f(ly + 4.5), "font-size": "13", "fill": Palette.ink],
          text: label)
      }
    }

    // Where the data came from.
    let sources: String
    if entries.count == 1 {
      sources = "Source: " + TrendSourceNames.shortName(entries[0].series.source, limit: 110)
    } else {
      // The labels tell the series apart (the folder of derailed's timestamped files); the paths
      // are in the HTML page and the JSON.
      sources = "Sources: " + document.series.map(\.label).joined(separator: ", ")
    }
    xml.element(
      "text", ["x": "16", "y": "392", "font-size": "11", "fill": Palette.footnote],
      text: DisplayText.shortString(sources, limit: 130))
    xml.endElement()
    return try xml.finish()
  }

  /// (sample, value) pairs to draw: all of them for short series, else each bucket's minimum and
  /// maximum in the order they occur, so spikes and drops survive.
  static func decimated(_ values: [Double], buckets: Int) -> [(Double, Double)] {
    let n = values.count
    guard n > 2 * buckets, buckets > 0 else {
      return values.enumerated().map { (Double($0.offset), $0.element) }
    }
    let size = (n + buckets - 1) / buckets
    var result: [(Double, Double)] = []
    var start = 0
    while start < n {
      let end = min(n, start + size)
      var lo = start
      var hi = start
      for i in start..<end {
        if values[i] < values[lo] { lo = i }
        if values[i] > values[hi] { hi = i }
      }
      for i in [min(lo, hi), max(lo, hi)] where result.last?.0 != Double(i) {
        result.append((Double(i), values[i]))
      }
      start = end
    }
    return result
  }
}
