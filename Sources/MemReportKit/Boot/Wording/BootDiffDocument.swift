import MemReportCore

/// The words of `diff` on require trees, built once; the writers lay them out.
struct BootDiffDocument {
  static let title = "Memory at boot: diff"

  struct Card {
    var label: String
    var before: String
    var after: String
    var delta: String
    var percent: String
    var verdict: String
    var direction: Int
  }

  struct RowLine {
    var row: BootDiff.Row
    var name: String
    var under: String
    var before: String
    var after: String
    var delta: String
    var percent: String
    var ownDelta: String
    var status: String
    var verdict: String
  }

  var diff: BootDiff
  var before: [String]
  var after: [String]
  var headline: String
  var notes: [String]
  var top: Card
  /// Every row but those inside a new/gone subtree (summed up by its root), largest change first.
  var movers: [BootDiff.Row]
  /// `movers` in words, worded when a writer reads them (text shows 15 of thousands).
  var rows: LazyMapCollection<[BootDiff.Row], RowLine> { movers.lazy.map(Self.line) }
  var gate: BootGate.Result?
  var gateMessage: String?
  var counts: String

  init(
    _ diff: BootDiff, before: [String], after: [String], beforeTrees: [RequireTree],
    afterTrees: [RequireTree], gate: BootGate.Result?
  ) {
    self.diff = diff
    self.before = before
    self.after = after
    headline = Self.headline(diff)
    var notes: [String] = []
    notes.append(Self.runsNote(diff, beforeTrees: beforeTrees, afterTrees: afterTrees))
    notes.append(Self.noiseRule(diff))
    if diff.cutOffBefore > 0 || diff.cutOffAfter > 0 {
      notes.append(
        "A require missing on one side may be hidden by CUT_OFF (before \(BootWording.plainMiB(diff.cutOffBefore)), after \(BootWording.plainMiB(diff.cutOffAfter))): its value there is a bound (< CUT_OFF), not a zero."
      )
    }
    if let deeper = Self.deeperNote(diff) { notes.append(deeper) }
    self.notes = notes
    top = Self.card(diff.top)
    movers = diff.movers.filter { $0.within == nil }
    self.gate = gate
    gateMessage = gate.map(Self.gateMessage)
    counts = BootDiff.Status.allCases.map { "\(diff.count($0)) \($0.rawValue)" }.joined(
      separator: ", ")
  }

  static func card(_ row: BootDiff.Row) -> Card {
    Card(
      label: "TOP (boot memory)", before: side(row.before), after: side(row.after),
      delta: BootWording.signed(kib: row.deltaKiB),
      percent: BootWording.percent(row.deltaKiB, of: row.before.medianKiB),
      verdict: BootWording.verdict(row.verdict),
      direction: row.deltaKiB > 0 ? 1 : (row.deltaKiB < 0 ? -1 : 0))
  }

  /// TOP on one side: `37.4 MiB` or `37.4 MiB (median of 5 runs, 37.3–37.4)`.
  static func side(_ value: BootDiff.SideValue) -> String {
    guard value.runs > 1 else { return BootWording.mib(kib: value.medianKiB) }
    return
      "\(BootWording.mib(kib: value.medianKiB)) (median of \(value.runs) runs, \(Units.interval(BootWording.number(kib: value.minKiB), BootWording.number(kib: value.maxKiB))))"
  }

  static func line(_ row: BootDiff.Row) -> RowLine {
    var status = BootWording.status(row)
    if row.status == .moved, let from = row.movedFrom {
      status += " from " + BootWording.path(from)
    }
    if (row.status == .new || row.status == .gone) && row.requiresBelow > 0 {
      status += " with " + Units.counted(row.requiresBelow, "require")
    }
    return RowLine(
      row: row, name: row.name, under: row.parentName, before: BootWording.side(row.before),
      after: BootWording.side(row.after), delta: BootWording.signed(kib: row.deltaKiB),
      percent: BootWording.percent(row.deltaKiB, of: row.before.medianKiB),
      ownDelta: BootWording.signed(kib: row.ownDeltaKiB), status: status,
      verdict: BootWording.verdict(row.verdict))
  }

  /// "Boot memory −2.4 MiB (−7.7%): mail and its 14 requires are gone (−2.6 MiB); within noise
  /// elsewhere." The sentence names gems (the children of TOP); deeper changes are in the notes and
  /// the table.
  static func headline(_ diff: BootDiff) -> String {
    let top = diff.top
    var text =
      "Boot memory \(BootWording.signed(kib: top.deltaKiB)) (\(BootWording.percent(top.deltaKiB, of: top.before.medianKiB)))"
    if top.verdict == .noise { text += ", within noise" }
    let gems = diff.rows.filter { $0.depth == 1 }
    var parts: [String] = []
    let appeared = diff.appearedOrRemoved.filter { $0.depth == 1 && $0.verdict == .real }
    for row in appeared.prefix(3) {
      let what = row.status == .gone ? "gone" : "new"
      let below = row.requiresBelow
      parts.append(
        below > 0
          ? "\(row.name) and its \(Units.counted(below, "require")) are \(what) (\(BootWording.signed(kib: row.deltaKiB)))"
          : "\(row.name) is \(what) (\(BootWording.signed(kib: row.deltaKiB)))")
    }
    let changes = diff.realChanges.filter { $0.depth == 1 }.prefix(3)
    if !changes.isEmpty {
      parts.append(
        changes.map { row in
          "\(row.name) \(BootWording.signed(kib: row.deltaKiB))\(row.status == .moved ? " (moved)" : "")"
        }.joined(separator: ", "))
    }
    let quiet = gems.contains { $0.verdict == .noise }
    if parts.isEmpty {
      if top.verdict == .noise { return text + ": no gem changed beyond noise." }
      return text + "; no single gem stands out of the noise."
    }
    return text + ": " + parts.joined(separator: "; ") + (quiet ? "; within noise elsewhere." : ".")
  }

  /// Real changes below the gems, which the answer leaves out.
  static func deeperNote(_ diff: BootDiff) -> String? {
    let deeper = diff.rows.filter { $0.depth > 1 && $0.verdict == .real && $0.within == nil }
    guard !deeper.isEmpty else { return nil }
    return
      "Below the gems, \(Units.counted(deeper.count, "require")) changed beyond noise: derailed counts a file under whichever require loaded it first, so adding or removing one gem moves shared requires (and their cost) under another."
  }

  static func runsNote(_ diff: BootDiff, beforeTrees: [RequireTree], afterTrees: [RequireTree])
    -> String
  {
    "Runs: \(diff.runsBefore) before, \(diff.runsAfter) after (\((beforeTrees.first ?? afterTrees.first).map(BootWording.command) ?? "derailed")); requires are matched by their path from TOP."
  }

  static func noiseRule(_ diff: BootDiff) -> String {
    if diff.singleRuns {
      let share = Units.mib(BootDiff.singleRunShare * diff.top.before.medianKiB / 1024)
      let floor = BootWording.plainMiB(BootDiff.floorMiB)
      return
        "One run on a side: a single RSS run carries several MiB of noise (runs of one commit differ by several MiB), so no change under \(floor) or 3% of TOP (\(share)) is called real. Pass several runs per side (--before a1 a2 … --after b1 b2 …) for medians and spreads."
    }
    let floor = BootWording.plainMiB(BootDiff.floorMiB)
    return
      "Medians of the runs; a change is real when it exceeds \(floor) and three times the larger run-to-run spread, or when the sides' ranges do not overlap."
  }

  static func gateMessage(_ result: BootGate.Result) -> String {
    let flag = OptionNames.current.failOnIncrease
    let change =
      "TOP changed by \(BootWording.signed(kib: result.deltaKiB))\(result.percent.map { " (\(Units.signedPercent($0)))" } ?? "")"
    if result.passed {
      if result.overLimit && result.verdict == .noise {
        return
          "\(change): over \(flag) \(result.limit), but within noise, so the gate passes."
      }
      return "\(change): within \(flag) \(result.limit)."
    }
    return "\(change): more than \(flag) \(result.limit), and a real change."
  }

  static let tableHeading = "Requires by size of change"
  static func moreRows(_ n: Int) -> String {
    "\(Units.counted(n, "more row")) (\(OptionNames.current.top) to show more; \(OptionNames.current.jsonFormat) lists all)."
  }
}
