import MemReportCore

/// The words report and diff of require trees share: values, bounds, cut-offs, sources.
enum BootWording {
  static func mib(_ kib: Int64) -> String { Units.mib(Double(kib) / 1024) }
  static func mib(kib: Double) -> String { Units.mib(kib / 1024) }
  static func number(kib: Double) -> String { Units.mibNumber(kib / 1024) }
  static func signed(kib: Double) -> String { Units.signedMiB(kib / 1024) }

  /// A setting as the user wrote it: `0.3 MiB`, `0.5 MiB`, `1 MiB`.
  static func plainMiB(_ value: Double) -> String {
    JSONText.number(value, decimals: 4).replacingOccurrences(of: "-", with: Units.minus) + " MiB"
  }

  /// `≤ 1.25 MiB` when the cut-off may have hidden children, else the value.
  static func own(_ kib: Int64, bound: Bool) -> String {
    bound && kib > 0 ? "≤ " + mib(kib) : mib(kib)
  }

  static func share(_ share: Double?) -> String { share.map(Units.share) ?? "n/a" }

  static func percent(_ delta: Double, of before: Double) -> String {
    before > 0 ? Units.signedPercent(delta / before * 100) : "new"
  }

  /// `derailed bundle:mem` or `derailed exec perf:mem`.
  static func command(_ tree: RequireTree) -> String {
    tree.fromPerfMem ? "derailed exec perf:mem" : "derailed bundle:mem"
  }

  /// What the cut-off means for this tree.
  static func cutOff(_ cut: RequireCutOff) -> String {
    let value = plainMiB(cut.mib)
    switch cut.source {
    case .banner:
      return cut.hides
        ? "CUT_OFF \(value) (from derailed's banner): requires under it are hidden with their subtrees, so own costs are upper bounds"
        : "CUT_OFF 0 (from derailed's banner): every require is shown"
    case .assumedDefault:
      return
        "CUT_OFF \(value) assumed (derailed's default; no banner, and nothing smaller is shown): requires under it are hidden with their subtrees, so own costs are upper bounds"
    case .smallestShown:
      return cut.hides
        ? "CUT_OFF at most \(value) (the smallest require shown; no banner): own costs are upper bounds"
        : "CUT_OFF 0 (requires of 0 MiB are shown): every require is shown"
    }
  }

  /// `(also required by: a, b, and 2 others)`, `(also required by: a, b, maybe one more)`.
  static func alsoRequired(_ names: [String], count: Int, mayBeMore: Bool) -> String? {
    guard !names.isEmpty || count > 0 else { return nil }
    var text = names.joined(separator: ", ")
    if count > names.count {
      text += (text.isEmpty ? "" : ", and ") + Units.counted(count - names.count, "other")
    } else if mayBeMore {
      text += ", maybe 1 more"
    }
    return text
  }

  /// A value on one side of a diff: `12.5 MiB`, `< 0.3 MiB` (hidden by the cut-off), `—`.
  static func side(_ value: BootDiff.SideValue) -> String {
    if value.shown {
      return mib(kib: value.medianKiB)
        + (value.present < value.runs ? " (\(value.present) of \(value.runs) runs)" : "")
    }
    return value.isBound ? "< " + plainMiB(value.hiddenBelowMiB) : "—"
  }

  static func status(_ row: BootDiff.Row) -> String {
    switch row.status {
    case .new:
      return row.before.isBound ? "new (or was < \(plainMiB(row.before.hiddenBelowMiB)))" : "new"
    case .gone:
      return row.after.isBound ? "gone (or now < \(plainMiB(row.after.hiddenBelowMiB)))" : "gone"
    case .moved: return "moved"
    case .changed: return "changed"
    case .same: return "same"
    }
  }

  static func verdict(_ verdict: BootDiff.Verdict) -> String {
    verdict == .real ? "real" : "within noise"
  }

  /// The name as a path below TOP: `sinatra › sinatra/main`.
  static func path(_ components: [String]) -> String { components.joined(separator: " › ") }
}
