import MemReportCore
/// The view model of one report on the HTML page: every field pre-formatted, so the template only
/// lays it out.
struct ReportView {
  typealias Meta = Fact

  struct Card {
    var label: String
    var value: String
    var sub: String
  }

  struct OriginPart {
    var key: String
    var name: String
    var value: String
    var share: String
    var percent: String
    var title: String
  }

  struct Origin {
    var note: String
    var label: String
    var parts: [OriginPart]
  }

  struct Chart {
    var chart: SVGChart
    /// The chart's markup, written through libxml2 (templates insert it raw).
    var svg: String
    var caption: String

    init(chart: SVGChart, caption: String) {
      self.chart = chart
      svg = chart.inline
      self.caption = caption
    }
  }

  struct SectionView {
    var anchor: String
    var title: String
    var coverage: String
    var table: TableModel?
  }

  struct AggregateView {
    var title: String
    var table: TableModel
  }

  var index: Int
  var several = false
  var lines: String
  var answer: String
  var details: [Meta]
  var warnings: [String]
  var cards: [Card]
  var origin: Origin?
  var charts: [Chart] { didSet { hasCharts = !charts.isEmpty } }
  var hasCharts = false
  var icicleChart: SVGChart? {
    didSet {
      icicle = icicleChart.map {
        Chart(chart: $0, caption: "Widths are bytes of the listed locations of 'allocated memory by location'; hover for values.")
      }
    }
  }
  var icicle: Chart?
  var aggregates: [AggregateView]
  var sections: [SectionView]
  var noData: [String]
  var strings: [TableModel]

  static func make(_ profile: Profile, top: Int, aggregateBy: AggregateKey?) -> ReportView {
    let m = profile.metadata
    let totals = profile.totals
    let origins = Aggregator.aggregate(profile, by: .origin, state: .allocated)
    var view = ReportView(
      index: m.index, lines: "\(m.firstLine)–\(m.lastLine)", answer: answer(profile, origin: origins),
      details: details(profile), warnings: [], cards: cards(totals), origin: origin(origins), charts: [], icicleChart: nil,
      aggregates: [], sections: [], noData: [], strings: [])
    view.icicleChart = IcicleChart.make(profile)
    if !profile.warnings.isEmpty {
      let n = profile.warnings.count
      view.warnings = ["\(n) warning\(n == 1 ? "" : "s") while reading (lines skipped or read in a particular way): "
        + profile.warnings.prefix(3).map { "line \($0.line): \(DisplayText.clean($0.message))" }.joined(separator: "; ")
        + (n > 3 ? "; … (all in --format json)" : "")]
    }
    for (grouping, name) in [(Grouping.location, "top-locations"), (.file, "top-files"), (.gem, "top-gems")] {
      let title = SectionTitle(.allocated, .memory, grouping)
      guard let section = profile.section(title), !section.rows.isEmpty else { continue }
      let approx = section.approximate ? "≈" : ""
      let bars = section.rows.prefix(HTMLReportWriter.chartBars).map {
        BarChart.Bar(label: profile.name(of: $0), value: Double($0.value), valueText: approx + Units.bytes($0.value))
      }
      let chart = BarChart.make(name: name, title: "Allocated memory by \(grouping.rawValue)", bars: Array(bars), total: totals.allocated.bytes.map(Double.init))
      let coverage = ProfileWording.coverage(SectionCoverage(section: section, in: profile), of: section)
      view.charts.append(Chart(chart: chart, caption: "Top \(bars.count) by \(grouping.rawValue). \(coverage)."))
    }
    if let key = aggregateBy {
      for state in AllocationState.allCases {
        guard let aggregate = Aggregator.aggregate(profile, by: key, state: state), !aggregate.rows.isEmpty else { continue }
        view.aggregates.append(aggregateView(aggregate, top: top, index: m.index))
      }
    }
    for section in profile.sections {
      if section.rows.isEmpty && !section.filtered {
        view.noData.append(section.title.text)
        continue
      }
      view.sections.append(sectionView(section, profile: profile, top: top))
    }
    for state in AllocationState.allCases {
      if let report = profile.strings(state) { view.strings.append(stringsTable(report, profile: profile, top: top)) }
    }
    return view
  }

  /// The sentence a reader should see first.
  static func answer(_ profile: Profile, origin: Aggregate?) -> String {
    let t = profile.totals
    guard let allocated = t.allocated.bytes else {
      return "This report has no byte totals (an old or headerless report): see the sections below."
    }
    let approx = t.allocated.bytesApproximate ? "≈" : ""
    var text = "\(approx)\(Units.bytes(allocated)) allocated"
    if let objects = t.allocated.objects { text += " in \(Units.count(objects)) objects" }
    if let retained = t.retained.bytes {
      text += "; \(approx)\(Units.bytes(retained)) retained (\(Units.percentage(retained, of: allocated)) of it)"
    }
    text += "."
    if let section = profile.section(SectionTitle(.allocated, .memory, .location)), let top = section.rows.first {
      text += " Largest allocation site: \(DisplayText.clean(profile.name(of: top))) (\(Units.bytes(top.value)), \(Units.percentage(top.value, of: allocated)))."
    }
    if let origin, let app = origin.rows.first(where: { $0.name == PathClassifier.Origin.app.rawValue })
    {
      text += " App code: \(origin.exact ? "" : "at least ")\(Units.bytes(app.bytes)) (\(Units.percentage(app.bytes, of: allocated)))."
    }
    return text
  }

  static func details(_ profile: Profile) -> [Meta] {
    let m = profile.metadata
    var out: [Meta] = [Meta(label: "Produced by", value: m.producer.rawValue)]
    var run: [String] = []
    if let n = m.iterations { run.append("Running \(n) times") }
    for key in ["Booting", "Method", "Endpoint", "Gem groups"] {
      if let value = m.preamble[key] { run.append("\(key): \(DisplayText.clean(value))") }
    }
    if !run.isEmpty { out.append(Meta(label: "Run", value: run.joined(separator: ", "))) }
    let features = m.features.subtracting([.derailedPreamble]).sorted().map(\.rawValue)
    if !features.isEmpty { out.append(Meta(label: "Variant", value: features.joined(separator: ", "))) }
    if let n = profile.normalizer { out.append(Meta(label: "Paths", value: DisplayText.clean(ProfileWording.paths(n)))) }
    if !profile.filters.isEmpty { out.append(Meta(label: "Filters", value: DisplayText.clean(ProfileWording.filters(profile.filters)))) }
    if let section = profile.section(SectionTitle(.allocated, .memory, .location)) {
      let coverage = SectionCoverage(section: section, in: profile)
      out.append(Meta(label: "Coverage", value: ProfileWording.coverage(coverage, of: section)))
    }
    return out
  }

  static func cards(_ t: Totals) -> [Card] {
    func bytes(_ a: TotalAmount) -> String {
      a.bytes.map { (a.bytesApproximate ? "≈" : "") + Units.bytes($0) } ?? "unknown"
    }
    let exact = t.allocated.bytes.map { t.allocated.bytesApproximate ? "printed scaled: approximate" : Units.count($0) + " bytes" } ?? ""
    let retainedShare = t.retained.bytes.flatMap { r in t.allocated.bytes.map { Units.percentage(r, of: $0) + " of allocated" } } ?? ""
    let retainedObjects = t.retained.objects.flatMap { r in t.allocated.objects.map { Units.percentage(r, of: $0) + " of allocated" } } ?? ""
    return [
      Card(label: "Allocated memory", value: bytes(t.allocated), sub: exact),
      Card(label: "Allocated objects", value: t.allocated.objects.map(Units.count) ?? "unknown", sub: "every allocation while profiling"),
      Card(label: "Retained memory", value: bytes(t.retained), sub: retainedShare),
      Card(label: "Retained objects", value: t.retained.objects.map(Units.count) ?? "unknown", sub: retainedObjects),
    ]
  }

  static func origin(_ aggregate: Aggregate?) -> Origin? {
    guard let aggregate, aggregate.coveredBytes > 0 else { return nil }
    let keys: [String: String] = ["app": "app", "gems": "gems", "Ruby stdlib": "stdlib", "other": "other"]
    let parts = aggregate.rows.map { row -> OriginPart in
      let percent = Double(row.bytes) / Double(aggregate.coveredBytes) * 100
      let bound = aggregate.exact ? "" : "≥ "
      return OriginPart(
        key: keys[row.name] ?? "other", name: row.name, value: bound + Units.bytes(row.bytes),
        share: Units.percentage(row.bytes, of: aggregate.totalBytes) + " of total",
        percent: Units.fixed(percent, digits: 2), title: "\(row.name): \(bound)\(Units.bytes(row.bytes))")
    }
    let n = aggregate.sourceRows.memory
    let note = aggregate.exact
      ? "From all \(Units.count(Int64(n))) locations (a complete list): exact."
      : "From the \(Units.count(Int64(n))) listed locations (\(Units.percentage(aggregate.coveredBytes, of: aggregate.totalBytes)) of the total): each value is a lower bound."
    return Origin(note: note, label: parts.map { "\($0.name) \($0.value)" }.joined(separator: ", "), parts: parts)
  }

  static func sectionView(_ section: Section, profile: Profile, top: Int) -> SectionView {
    let title = section.title
    let coverage = SectionCoverage(section: section, in: profile)
    var sentence = ProfileWording.coverage(coverage, of: section)
    if !profile.filters.isEmpty && !title.grouping.hasPaths { sentence += " — " + ProfileWording.notFiltered(title.grouping) }
    let approx = section.approximate ? "≈" : ""
    let total = coverage.total
    let rows = section.rows.prefix(top).enumerated().map { i, row -> TableModel.Row in
      let name = profile.name(of: row)
      return TableModel.Row(cells: [
        .number(String(i + 1), Double(i + 1)),
        .name(name, shortened: title.grouping.hasPaths ? DisplayText.shortPath(name, limit: 90) : name),
        .number(approx + Units.value(row.value, title.metric), Double(row.value)),
        .number(Units.percentage(row.value, of: total), Double(row.value)),
      ])
    }
    let id = "r\(profile.metadata.index)-" + title.text.replacingOccurrences(of: " ", with: "-")
    let table = TableModel(
      id: id, caption: title.text, note: nil,
      columns: [.init(label: "#", numeric: true), .init(label: title.grouping.rawValue), .init(label: title.metric == .memory ? "bytes" : "objects", numeric: true), .init(label: "share", numeric: true)],
      rows: rows,
      more: section.rows.count > top ? "\(Units.count(Int64(section.rows.count - top))) more rows: use --top or --format json." : nil)
    return SectionView(anchor: id, title: title.text, coverage: sentence, table: rows.isEmpty ? nil : table)
  }

  static func aggregateView(_ aggregate: Aggregate, top: Int, index: Int) -> AggregateView {
    let bound = aggregate.exact ? "" : "≥ "
    let rows = aggregate.rows.prefix(top).map { row in
      TableModel.Row(cells: [
        .name(row.name, shortened: DisplayText.shortPath(row.name, limit: 90)),
        .number(bound + Units.bytes(row.bytes), Double(row.bytes)),
        .number(Units.percentage(row.bytes, of: aggregate.totalBytes), Double(row.bytes)),
        .number(bound + Units.count(row.objects), Double(row.objects)),
      ])
    }
    let n = aggregate.sourceRows.memory
    let note = aggregate.exact
      ? "From all \(Units.count(Int64(n))) locations: exact."
      : "From the \(Units.count(Int64(n))) listed locations: each value is a lower bound."
    let table = TableModel(
      id: "r\(index)-\(aggregate.state.rawValue)-by-\(aggregate.key.rawValue)", caption: "\(aggregate.state.rawValue) by \(aggregate.key.rawValue)", note: note,
      columns: [.init(label: aggregate.key.rawValue), .init(label: "bytes", numeric: true), .init(label: "share", numeric: true), .init(label: "objects", numeric: true)],
      rows: Array(rows), more: aggregate.rows.count > top ? "\(aggregate.rows.count - top) more groups." : nil)
    return AggregateView(title: "\(aggregate.state.rawValue.capitalized) by \(aggregate.key.rawValue)", table: table)
  }

  static func stringsTable(_ report: StringReport, profile: Profile, top: Int) -> TableModel {
    let rows = report.groups.prefix(top).map { group -> TableModel.Row in
      let locations = group.locations.prefix(3).map { "\(profile.name(of: $0)) ×\(Units.count($0.count))" }
      let rest = group.locations.count > 3 ? " + \(group.locations.count - 3) more" : ""
      var cell = TableModel.Cell.name(group.string, shortened: DisplayText.shortString(group.string))
      cell.title = DisplayText.clean(group.string)
      return TableModel.Row(cells: [
        .number(Units.count(group.count), Double(group.count)),
        cell,
        .name(locations.joined(separator: ", ") + rest, shortened: locations.joined(separator: ", ") + rest),
      ])
    }
    let n = report.groups.count
    return TableModel(
      id: "r\(profile.metadata.index)-\(report.state.rawValue)-strings", caption: report.title,
      note: "\(Units.count(Int64(n))) strings listed; counts are objects. Strings are shown as Ruby printed them; hover a shortened one for all of it.",
      columns: [.init(label: "objects", numeric: true), .init(label: "string"), .init(label: "where")],
      rows: Array(rows), more: n > top ? "\(n - top) more strings." : nil)
  }
}
