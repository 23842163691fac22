import MemReportCore
/// `diff --format html`: the verdict first, the totals as cards, a diverging chart of the top
/// movers, and a sortable table per section with status badges.
public struct HTMLDiffWriter: DiffWriter {
  public static let defaultTop = 100
  public var templates: HTMLTemplates?

  public init(templates: HTMLTemplates?) { self.templates = templates }

  struct Card {
    var label: String
    var delta: String
    var deltaClass: String
    var before: String
    var after: String
    var percent: String
  }

  struct ChartView {
    var svg: String
    var caption: String
  }

  struct Move {
    var from: String
    var to: String
    var bytes: String
  }

  struct Moves {
    var items: [Move]
  }

  struct SectionView {
    var title: String
    var summary: String
    var table: TableModel?
  }

  struct Page {
    var chrome: PageChrome
    var verdict: String
    var gate: Bool
    var gateFailed: Bool
    var gatePassed: Bool
    var gateClass: String
    var gateLabel: String
    var gateMessage: String
    var before: [String]
    var after: [String]
    var notes: [String]
    var cards: [Card]
    var chart: ChartView?
    var moves: Moves?
    var sections: [SectionView]
  }

  /// The charts of a diff.
  public static func charts(_ diff: ProfileDiff) -> [SVGChart] {
    diff.lead.flatMap { DivergingBarChart.make($0) }.map { [$0] } ?? []
  }

  public func write(_ diff: ProfileDiff, context: DiffContext, into out: inout some TextOutputStream) throws {
    let templates = try templates ?? HTMLTemplates.embedded()
    let top = context.top ?? Self.defaultTop
    let chart = Self.charts(diff).first
    let result = context.gateResult
    let page = Page(
      chrome: PageChrome(title: "memreport diff", inputs: context.before + context.after, templates: templates),
      verdict: DiffFormat.verdict(diff),
      gate: result != nil, gateFailed: result.map { !$0.passed } ?? false, gatePassed: result?.passed ?? false,
      gateClass: result.map { $0.passed ? "note" : "note warn" } ?? "", gateLabel: result.map { $0.passed ? "Gate passed:" : "Gate failed:" } ?? "",
      gateMessage: result?.message ?? "", before: context.before.map(DisplayText.clean), after: context.after.map(DisplayText.clean),
      notes: context.notes(diff).map(DisplayText.clean), cards: diff.totals.map(Self.card),
      chart: chart.map { ChartView(svg: $0.inline, caption: "The largest changes of \($0.title.pieces(separatedBy: ": ").last.map(String.init) ?? "the report"): bars to the right grew (orange), to the left shrank (blue), each with its sign; a bar shows the change the data guarantees.") },
      moves: diff.candidateMoves.isEmpty ? nil : Moves(items: diff.candidateMoves.map {
        Move(from: DisplayText.clean($0.from), to: DisplayText.clean($0.to), bytes: DiffFormat.magnitude($0.bytes, .memory))
      }),
      sections: diff.sections.enumerated().map { Self.section($1, index: $0, top: top) })
    out.write(try templates.render("diff", page))
  }

  static func card(_ total: DiffTotal) -> Card {
    let delta = total.delta ?? 0
    return Card(
      label: total.label, delta: total.delta.map { DiffFormat.signed($0, total.metric) } ?? "unknown",
      deltaClass: delta > 0 ? "grow" : (delta < 0 ? "shrink" : ""),
      before: total.before.map { DiffFormat.side($0, total.metric) } ?? "unknown",
      after: total.after.map { DiffFormat.side($0, total.metric) } ?? "unknown",
      percent: total.deltaPercent.map(Units.signedPercent) ?? "n/a")
  }

  static func section(_ section: DiffSection, index: Int, top: Int) -> SectionView {
    let counts = section.statusCounts
    let summary = DiffStatus.allCases.compactMap { s in counts[s].map { "\($0) \(s.rawValue)" } }.joined(separator: ", ")
    let movers = section.topMovers(top)
    let rows = movers.map { row -> TableModel.Row in
      var status = TableModel.Cell(text: "")
      status.badge = badge(row)
      status.sortValue = TableModel.sortKey(Double(DiffStatus.allCases.firstIndex(of: row.status) ?? 0))
      return TableModel.Row(cells: [
        .name(row.name, shortened: DisplayText.shortPath(DisplayText.shortString(row.name, limit: 120), limit: 90)),
        .number(DiffFormat.side(row.before, section.metric), row.before.median),
        .number(DiffFormat.side(row.after, section.metric), row.after.median),
        .number(DiffFormat.delta(row, section.metric), row.certainDelta),
        .number(DiffFormat.percent(row), row.deltaPercent ?? 0),
        status,
      ])
    }
    let noun = DiffFormat.keyNoun(section.kind)
    let table = TableModel(
      id: "d\(index)", caption: section.title, note: nil,
      columns: [.init(label: noun), .init(label: "before", numeric: true), .init(label: "after", numeric: true),
                .init(label: "Δ", numeric: true), .init(label: "Δ%", numeric: true), .init(label: "status")],
      rows: rows, more: section.moverCount > top ? "\(section.moverCount - top) more changed rows: use --top or --format json." : nil)
    return SectionView(title: section.title, summary: summary.isEmpty ? "no rows" : summary, table: rows.isEmpty ? nil : table)
  }

  static func badge(_ row: DiffRow) -> TableModel.Badge {
    switch row.status {
    case .new: return .init(text: "NEW", cls: "new")
    case .gone: return .init(text: "GONE", cls: "gone")
    case .same: return .init(text: "same", cls: "same")
    case .outsideTopN: return .init(text: "≥ top N", cls: "bound")
    case .changed: return row.delta > 0 ? .init(text: "▲ grew", cls: "changed-up") : .init(text: "▼ shrank", cls: "changed-down")
    }
  }
}
