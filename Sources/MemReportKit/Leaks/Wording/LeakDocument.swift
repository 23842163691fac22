import MemReportCore

/// The words of a leak set, in one place: every writer shows these.
struct LeakDocument {
  var analysis: LeakAnalysis
  /// `memreport leaks: d0.json → d1.json → d2.json`.
  var title: String
  /// The answer: how much, of what, where.
  var headline: String
  /// The largest group and whether it grew at every step.
  var largest: String?
  /// How objects were matched across dumps.
  var identity: String
  /// What was left out, and cautions (compaction, untraced, skipped lines).
  var notes: [String]

  static let groupingsShown: [LeakAnalysis.Grouping] = [.site, .class, .location, .gem, .type]
  static let growthNote =
    "growth: bytes of objects new since the first dump, at each later dump; ↑ = grew at every step"

  init(_ analysis: LeakAnalysis) {
    self.analysis = analysis
    let set = analysis.set
    let names = set.dumps.map(\.path)
    title = "memreport leaks: " + names.joined(separator: " → ")
    let first = names.first ?? "the first dump"
    let total = analysis.total
    let lastWord = set.dumps.count == 2 ? "alive in the second" : "alive in every later dump"
    headline =
      "Leak set: \(Units.counted(Int(clamping: total.objects), "object")), \(Units.bytes(total.bytes)) "
      + "(\(Units.percentage(total.bytes, of: analysis.heap.bytes)) of the last heap, \(Units.bytes(analysis.heap.bytes))): "
      + "allocated after \(first) and \(lastWord)."
    if let top = analysis.groups[.site]?.first {
      largest =
        "Largest: \(top.name): \(Units.bytes(top.amount.bytes)), \(Units.counted(Int(clamping: top.amount.objects), "object")) "
        + "(\(Units.percentage(top.amount.bytes, of: total.bytes)) of the leak set)"
        + (top.grewEveryStep ? "; it grew at every step." : ".")
    }
    let key = set.traced ? "address + type + allocation generation" : "address + type (not traced)"
    identity =
      "Identity: \(key). By address alone, as heapy counts: \(Units.counted(Int(clamping: set.byAddress.objects), "object")), "
      + "\(Units.bytes(set.byAddress.bytes)); \(Units.count(set.rejectedAsReuse)) address matches rejected as a reused slot, "
      + "\(Units.count(set.foundInReusedSlots)) objects found in slots the first dump used for another object."
    var notes: [String] = []
    if let leftOut = HeapExclusion.sentence(analysis.excluded) { notes.append(leftOut) }
    if !set.traced {
      notes.append(
        "the dumps carry no allocation info (ObjectSpace.trace_object_allocations_start was not on): no sites, and a reused slot of the same type is not told apart"
      )
    }
    if set.moved > 0 {
      notes.append(
        "warning: \(Units.count(set.moved)) objects older than the first dump are at addresses it does not have: the heap looks compacted (GC.compact), so address matching misses moved objects"
      )
    }
    for dump in set.dumps where dump.stats.skipped > 0 {
      notes.append(
        "\(dump.path): \(Units.counted(dump.stats.skipped, "unreadable line")) skipped (first at line \(dump.stats.skippedLines.first ?? 0))"
      )
    }
    self.notes = notes
  }

  /// `48.1 kB → 96.2 kB ↑`: a row's growth across the dumps after the first.
  static func growth(_ row: LeakRow) -> String {
    guard row.steps.count >= 2 else { return "" }
    return row.steps.map { Units.bytes($0.bytes) }.joined(separator: " → ")
      + (row.grewEveryStep ? " ↑" : "")
  }

  static func heading(_ grouping: LeakAnalysis.Grouping) -> String {
    "leaked by \(grouping.rawValue)"
  }
}
