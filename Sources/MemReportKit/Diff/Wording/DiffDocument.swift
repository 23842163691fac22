import MemReportCore
/// Every sentence of a diff, built once per diff: the headline (the verdict a pull request can
/// quote), the gate line, the notes on how the comparison was made, the totals, each section's
/// summary and the candidate moves. The text, Markdown and HTML writers only lay it out; the JSON
/// writer takes its headline, notes and gate line next to the numbers. Cells (a side's value, a
/// delta, a status badge) are `DiffFormat`'s; numbers are spelled by `Units`.
package struct DiffDocument: Sendable {
  /// The gate's verdict as a line.
  package struct GateLine: Sendable, Equatable {
    package var passed: Bool
    /// `allocated bytes grew by 382 kB (+67.0%), over the limit of +5%`.
    package var message: String
    /// `Gate passed` / `Gate failed`.
    package var label: String { passed ? "Gate passed" : "Gate failed" }
  }

  /// One of the four totals, as cells; `nil` where the change is unknown.
  package struct TotalLine: Sendable, Equatable {
    /// `allocated bytes`.
    package var label: String
    package var before: String
    package var after: String
    package var delta: String?
    package var percent: String?
    /// The sign of the change: 1 grew, −1 shrank, 0 unchanged or unknown.
    package var direction: Int
  }

  /// One diffed section: its rows stay numbers (`DiffFormat` spells each cell).
  package struct SectionBlock: Sendable {
    package var section: DiffSection
    /// `1 new, 1 gone, 16 same`, or `no rows`.
    package var summary: String
  }

  /// A location that looks moved by an edit above it.
  package struct MoveLine: Sendable, Equatable {
    package var from: String
    package var to: String
    /// `24.1 kB`.
    package var size: String
  }

  package static let title = "memreport diff"
  /// A total a side does not give (old headers, headerless pastes).
  package static let unknown = "unknown"
  /// A change in percent that cannot be given (the before total is unknown or zero).
  package static let noPercent = "n/a"

  /// The numbers the words are about (JSON and charts read them directly).
  package var diff: ProfileDiff
  package var context: DiffContext
  package var headline: String
  package var gate: GateLine?
  package var notes: [String]
  /// Warnings about the comparison itself (keys that cannot meet), shown before the numbers.
  package var warnings: [String]
  package var totals: [TotalLine]
  package var sections: [SectionBlock]
  package var moves: [MoveLine]

  package init(_ diff: ProfileDiff, context: DiffContext) {
    self.diff = diff
    self.context = context
    headline = Self.verdict(diff)
    gate = context.gateResult.map {
      GateLine(passed: $0.passed, message: Self.gateMessage($0, filters: context.filters))
    }
    notes = Self.notes(diff, context: context)
    warnings = Self.warnings(diff, context: context)
    totals = diff.totals.map(Self.totalLine)
    sections = diff.sections.map { SectionBlock(section: $0, summary: Self.summary($0)) }
    moves = diff.candidateMoves.map {
      MoveLine(from: $0.from, to: $0.to, size: DiffFormat.magnitude($0.bytes, .memory))
    }
  }

  /// The section of the top movers and the chart.
  package var lead: DiffSection? { diff.lead }
  /// The sections of the top movers: the lead, and retained memory by location when retained
  /// changed.
  package var leads: [DiffSection] { diff.leads }

  // MARK: Sentences

  /// "Allocated memory −35.5 kB (−0.08%), objects −888; retained unchanged".
  package static func verdict(_ diff: ProfileDiff) -> String {
    var parts: [String] = []
    for state in AllocationState.allCases {
      let bytes = diff.total(state, .memory)
      let objects = diff.total(state, .objects)
      let name = state == .allocated ? "Allocated" : "retained"
      guard var b = bytes?.delta, let o = objects?.delta else {
        parts.append("\(name) totals unknown")
        continue
      }
      if let rounding = bytes?.rounding, rounding > 0, abs(b) <= rounding { b = 0 }
      if b == 0 && o == 0 {
        parts.append("\(name) unchanged")
        continue
      }
      var text = "\(name) memory "
      text +=
        b == 0
        ? "unchanged" : DiffFormat.signed(b, .memory) + percentInParentheses(bytes?.deltaPercent)
      text += ", objects "
      text +=
        o == 0
        ? "unchanged" : DiffFormat.signed(o, .objects) + percentInParentheses(objects?.deltaPercent)
      if let t = bytes, !t.isReal, t.before?.runCount ?? 1 > 1 || t.after?.runCount ?? 1 > 1 {
        text += " (within run-to-run noise)"
      }
      parts.append(text)
    }
    var line = parts.joined(separator: "; ")
    if let runs = diff.perIteration {
      line += " — per iteration (before ran \(runs.before) times, after \(runs.after))"
    }
    return line
  }

  /// The gate's one line: what was measured against what (`memreport: gate: …` on a failure).
  /// With file filters, it names the total it gated: the filtered rows' or the report's.
  package static func gateMessage(
    _ result: DiffGate.Result, filters: [FileFilter.Pattern] = []
  ) -> String {
    let metric = result.gate.metric
    let label = DiffFormat.totalLabel(metric.state, metric.metric)
    let kept = filters.map { "\(ProfileWording.option($0.kind)) \($0.text)" }.joined(
      separator: ", ")
    if result.gate.scope == .filtered {
      let name = "\(label) of the rows kept by \(kept.isEmpty ? "no filter" : kept)"
      guard let total = result.filtered else {
        return
          "\(name): no file or location section to sum (a report printed with detailed_report: false), so the gate cannot judge"
      }
      let summed = "\(name) (the sum of \(total.title.text))"
      let limit = "the limit of +\(result.gate.text)"
      if !total.isExact || (result.undecided && result.rounding > 0) {
        let (low, high) = total.deltaRange
        func end(_ value: Double) -> String {
          value.isFinite ? DiffFormat.signed(value, metric.metric) : "an unknown amount"
        }
        let range = "\(end(low)) to \(end(high))"
        let why =
          total.isExact
          ? "scaled sizes are exact only to their last digit"
          : "a list is not complete: the kept files may hold more than its rows show"
        if result.undecided {
          return
            "\(summed) changed by \(range) (\(why)), which straddles \(limit): the gate cannot decide"
        }
        return
          "\(summed) changed by \(range) (\(why)), \(result.passed ? "within" : "all of it over") \(limit)"
      }
      return change(summed, result)
    }
    let name = kept.isEmpty ? label : "\(label) (the report's total; \(kept) does not apply to it)"
    guard result.delta != nil else {
      return "no '\(label)' total (no 'Total allocated/retained' header), so the gate cannot judge"
    }
    return change(name, result)
  }

  /// `allocated bytes grew by 382 kB (+67.0%), over the limit of +5%`, or the undecided form.
  private static func change(_ name: String, _ result: DiffGate.Result) -> String {
    let metric = result.gate.metric
    let delta = result.delta ?? 0
    let change =
      DiffFormat.magnitude(abs(delta), metric.metric) + percentInParentheses(result.deltaPercent)
    let limit = "the limit of +\(result.gate.text)"
    if result.undecided {
      return
        "\(name) changed by \(DiffFormat.signed(delta, metric.metric)) ± \(DiffFormat.magnitude(result.rounding, metric.metric)) (scaled sizes are exact only to their last digit), which straddles \(limit): the gate cannot decide"
    }
    if !result.passed { return "\(name) grew by \(change), over \(limit)" }
    if delta == 0 { return "\(name) did not change, within \(limit)" }
    return "\(name) \(delta > 0 ? "grew by" : "fell by") \(change), within \(limit)"
  }

  /// Warnings about keys that cannot meet: two checkouts of one app, or reports that share almost
  /// no files. Every format shows them; the command line also prints them on standard error.
  package static func warnings(_ diff: ProfileDiff, context: DiffContext) -> [String] {
    guard let overlap = diff.overlap else { return [] }
    var warnings: [String] = []
    if let checkout = overlap.checkout {
      let flags = [
        checkout.rootBefore.map { "\(OptionNames.current.rootBefore) \($0)" },
        checkout.rootAfter.map { "\(OptionNames.current.rootAfter) \($0)" },
      ].compactMap { $0 }.joined(separator: " ")
      func place(_ root: String?) -> String { root.map { "under \($0)" } ?? "at the top" }
      warnings.append(
        "the reports look like two checkouts of one app: \(Units.counted(checkout.files, "file")) differ only in a leading folder, \(place(checkout.rootBefore)) before and \(place(checkout.rootAfter)) after (\(checkout.example.before) is \(checkout.example.after)), so they show as gone and new; pass \(flags) to compare them"
      )
    } else if overlap.isLow {
      warnings.append(
        "the reports share almost no files: only \(Units.fixed(overlap.share * 100, digits: 1))% of the \(DiffFormat.magnitude(overlap.listedBytes, .memory)) they list by file is in files both list (under \(Units.fixed(KeyOverlap.lowShare * 100, digits: 0))%); are they the same program? Rows keyed on paths cannot meet if the paths differ (\(OptionNames.current.rootBefore) DIR \(OptionNames.current.rootAfter) DIR strip a different folder per side)"
      )
    }
    return warnings
  }

  /// Notes on how the comparison was made, for every format.
  package static func notes(_ diff: ProfileDiff, context: DiffContext) -> [String] {
    var notes: [String] = []
    if diff.runs.before > 1 || diff.runs.after > 1 {
      notes.append(
        "\(Units.counted(diff.runs.before, "run")) before, \(Units.count(Int64(diff.runs.after))) after: values are medians; a change is real only when the min–max ranges do not overlap"
      )
    }
    if let runs = diff.perIteration {
      notes.append("compared per iteration: before ran \(runs.before) times, after \(runs.after)")
    }
    if let rounding = diff.totals.map(\.rounding).max(), rounding > 0 {
      notes.append(
        "≈ values come from scaled sizes (588.44 kB), exact only to their last digit (totals to ±\(Units.bytes(Int64(min(rounding.rounded(.up), 9e18))))): a change inside that is no change"
      )
    }
    if let patch = context.patch {
      notes.append(
        "line numbers mapped through \(patch): \(diff.linesMoved) moved, \(diff.linesEdited) edited"
      )
    }
    if let normalizer = context.normalizer {
      if let after = context.afterNormalizer, after != normalizer {
        notes.append(
          "paths: before \(ProfileWording.paths(normalizer)); after \(ProfileWording.paths(after))")
      } else {
        notes.append("paths: " + ProfileWording.paths(normalizer))
      }
    }
    if !context.filters.isEmpty {
      notes.append("filters: " + ProfileWording.filters(context.filters))
    }
    return notes
  }

  /// Counts per status: `1 new, 1 gone, 16 same`, or `no rows`.
  package static func summary(_ section: DiffSection) -> String {
    let counts = section.statusCounts
    let parts = DiffStatus.allCases.compactMap { s in counts[s].map { "\($0) \(s.rawValue)" } }
    return parts.isEmpty ? "no rows" : parts.joined(separator: ", ")
  }

  /// `12 more changed rows`: movers beyond the rows shown.
  package static func moreRows(_ count: Int) -> String {
    Units.count(Int64(count)) + " more changed " + (count == 1 ? "row" : "rows")
  }

  /// Where the rows not shown are: `12 more changed rows: use --top or --format json.`
  package static func moreRowsHint(_ count: Int) -> String {
    moreRows(count) + ": use \(OptionNames.current.top) or \(OptionNames.current.jsonFormat)."
  }

  /// The summary of a Markdown comment's folded tables.
  package static func allChanges(rows: Int, sections: Int) -> String {
    "All changes: \(rows) rows in \(sections) sections"
  }

  /// Rows cut from one Markdown table to fit a comment: `… 120 more rows cut to fit`.
  package static func rowsCutToFit(_ count: Int) -> String {
    "… \(Units.counted(count, "more row")) cut to fit"
  }

  /// Rows cut from a whole Markdown comment.
  package static func rowsCut(_ count: Int, limit: Int) -> String {
    "\(Units.count(Int64(count))) rows were cut to keep this comment under \(Units.count(Int64(limit))) characters; `\(OptionNames.current.jsonFormat)` has them all."
  }

  package static let movesHeading = "Candidate moves"
  /// What a candidate move is, as a sentence for Markdown (the page's template says it in its own words).
  package static var movesExplanation: String {
    "Same file, same bytes, nearby lines: probably code moved by an edit above it (pass `\(OptionNames.current.gitDiff)` to map lines)."
  }
  /// The same as a heading line of plain text.
  package static var movesLine: String {
    "candidate moves (same file, same bytes, nearby lines; pass \(OptionNames.current.gitDiff) to map them):"
  }

  /// The heading over the chart of the top movers of `section`.
  package static func chartHeading(_ section: DiffSection) -> String {
    "Top movers: \(section.title)"
  }

  /// The caption under the chart of the top movers of `section`.
  package static func chartCaption(_ section: DiffSection) -> String {
    "The largest changes of \(section.title): bars to the right grew (orange), to the left shrank (blue), each with its sign; a bar shows the change the data guarantees."
  }

  static func totalLine(_ total: DiffTotal) -> TotalLine {
    let delta = total.delta ?? 0
    if total.rounding > 0, abs(delta) <= total.rounding {
      // Inside the rounding of scaled values: no change the reports can show.
      return TotalLine(
        label: DiffFormat.totalLabel(total.state, total.metric),
        before: total.before.map { DiffFormat.total($0, total.metric) } ?? unknown,
        after: total.after.map { DiffFormat.total($0, total.metric) } ?? unknown,
        delta: "≈0", percent: "≈0%", direction: 0)
    }
    return TotalLine(
      label: DiffFormat.totalLabel(total.state, total.metric),
      before: total.before.map { DiffFormat.total($0, total.metric) } ?? unknown,
      after: total.after.map { DiffFormat.total($0, total.metric) } ?? unknown,
      delta: total.delta.map { DiffFormat.signed($0, total.metric) },
      percent: total.deltaPercent.map(Units.signedPercent),
      direction: delta > 0 ? 1 : (delta < 0 ? -1 : 0))
  }

  /// ` (+5.8%)`, or nothing without a percentage.
  static func percentInParentheses(_ percent: Double?) -> String {
    percent.map { " (\(Units.signedPercent($0)))" } ?? ""
  }
}
