import MemReportCore

/// `leaks --format html`: the answer, bars of the leak set by class and site and by generation of
/// allocation, and each grouping in a sortable table with its growth.
enum LeakHTMLWriter {
  /// Rows per table at most (JSON and CSV list all).
  static let maxRows = 500
  static let chartBars = 15

  struct Figure {
    var svg: String
    var caption: String
  }

  struct Dump {
    var number: Int
    var path: String
    var facts: String
  }

  struct Section {
    var anchor: String
    var title: String
    var table: TableModel
  }

  struct Page {
    var chrome: PageChrome
    var dumps: [Dump]
    var gate: String?
    var gateClass: String
    var headline: String
    var largest: String?
    var identity: String
    var notes: [String]
    var sites: Figure?
    var generations: Figure?
    var tables: [Section]
  }

  /// The charts, for the page and `--svg`.
  static func charts(_ d: LeakDocument) -> [SVGChart] {
    var charts: [SVGChart] = []
    let total = Double(d.analysis.total.bytes)
    let sites = (d.analysis.groups[.site] ?? []).prefix(chartBars).map {
      BarChart.Bar(
        label: $0.name, value: Double($0.amount.bytes), valueText: Units.bytes($0.amount.bytes))
    }
    if !sites.isEmpty {
      charts.append(
        BarChart.make(
          name: "leak-sites", title: "Leaked bytes by class and site", bars: Array(sites),
          total: total, width: 760))
    }
    // Generations in order (the histogram of when the leaked objects were allocated).
    let generations = (d.analysis.groups[.generation] ?? []).sorted {
      (Int64($0.name) ?? .max, $0.name) < (Int64($1.name) ?? .max, $1.name)
    }.suffix(40).map {
      BarChart.Bar(
        label: Int64($0.name) != nil ? "generation \($0.name)" : $0.name,
        value: Double($0.amount.bytes), valueText: Units.bytes($0.amount.bytes))
    }
    if generations.count > 1 {
      charts.append(
        BarChart.make(
          name: "leak-generations", title: "Leaked bytes by generation of allocation",
          bars: Array(generations), total: total, width: 760))
    }
    return charts
  }

  static func write(
    _ d: LeakDocument, gate: LeakGate.Result?, templates: HTMLTemplates,
    into out: inout some TextOutputStream
  ) throws {
    let a = d.analysis
    let charts = charts(d)
    func figure(_ name: String, _ caption: String) throws -> Figure? {
      guard let chart = charts.first(where: { $0.name == name }) else { return nil }
      return Figure(svg: try chart.inline(), caption: caption)
    }
    let growth = a.set.dumps.count >= 3
    let tables = LeakDocument.groupingsShown.compactMap { grouping -> Section? in
      let rows = a.groups[grouping] ?? []
      guard !rows.isEmpty else { return nil }
      var columns: [TableModel.Column] = [
        .init(label: grouping.rawValue), .init(label: "bytes", numeric: true),
        .init(label: "share", numeric: true), .init(label: "objects", numeric: true),
      ]
      if growth && [.site, .class, .location].contains(grouping) {
        columns.append(.init(label: "growth"))
      }
      let model = TableModel(
        id: "leak-" + grouping.rawValue.replacingOccurrences(of: " ", with: "-"),
        caption: LeakDocument.heading(grouping), note: nil, columns: columns,
        rows: rows.prefix(maxRows).map { row in
          var cells: [TableModel.Cell] = [
            .name(row.name, shortened: DisplayText.shortPath(row.name, limit: 80)),
            .number(Units.bytes(row.amount.bytes), Double(row.amount.bytes)),
            .number(
              Units.percentage(row.amount.bytes, of: a.total.bytes), Double(row.amount.bytes)),
            .number(Units.count(row.amount.objects), Double(row.amount.objects)),
          ]
          if columns.count > 4 { cells.append(TableModel.Cell(text: LeakDocument.growth(row))) }
          return TableModel.Row(cells: cells)
        },
        more: rows.count > maxRows
          ? "The first \(Units.count(Int64(maxRows))) of \(Units.count(Int64(rows.count))); \(OptionNames.current.jsonFormat) lists all."
          : nil)
      return Section(
        anchor: "leak-by-" + grouping.rawValue.replacingOccurrences(of: " ", with: "-"),
        title: "Leaked by " + grouping.rawValue, table: model)
    }
    let page = Page(
      chrome: PageChrome(
        title: "What leaks", inputs: a.set.dumps.map(\.path), templates: templates),
      dumps: a.set.dumps.enumerated().map { i, dump in
        Dump(
          number: i + 1, path: DisplayText.clean(dump.path),
          facts: DisplayText.clean(
            "\(Units.counted(dump.stats.objects, "object")), \(Units.counted(dump.stats.lines, "line"))"
              + (dump.stats.skipped > 0 ? ", \(dump.stats.skipped) skipped" : "")))
      },
      gate: gate.map {
        DisplayText.clean(($0.passed ? "Gate passed: " : "Gate failed: ") + LeakGate.message($0))
      },
      gateClass: gate?.passed == false ? "gate failed" : "gate passed",
      headline: DisplayText.clean(d.headline), largest: d.largest.map(DisplayText.clean),
      identity: DisplayText.clean(String(d.identity.dropFirst("Identity: ".count))),
      notes: (d.notes + (growth ? [LeakDocument.growthNote] : [])).map(DisplayText.clean),
      sites: try figure(
        "leak-sites",
        "The \(Units.counted(min(chartBars, (a.groups[.site] ?? []).count), "largest group")) of the leak set; hover a bar for its share."
      ),
      generations: try figure(
        "leak-generations",
        "When the leaked objects were allocated (GC count at allocation): a leak that grows every request spreads over every generation since the first dump."
      ),
      tables: tables)
    out.write(try templates.render("leaks", page))
  }
}
