import MemReportCore

/// Two sides of require trees (one or more runs each) matched by path from the root, with medians,
/// run-to-run spread and a noise verdict for TOP and every require.
public struct BootDiff: Sendable {
  public enum Status: String, Sendable, CaseIterable {
    case new, gone, moved, changed, same
  }

  /// Whether a change stands out of the RSS noise.
  public enum Verdict: String, Sendable {
    case real
    case noise = "within-noise"
  }

  /// A side's value for one path over its runs (a run that did not show the path counts 0, a bound
  /// below its cut-off).
  public struct SideValue: Sendable, Equatable {
    /// Runs on this side, and runs that showed the path.
    public var runs: Int
    public var present: Int
    /// Median over the runs (KiB), missing runs as 0.
    public var medianKiB: Double
    public var minKiB: Double
    public var maxKiB: Double
    /// Median own cost over the runs that showed it.
    public var ownMedianKiB: Double
    /// The largest cut-off of the runs that did not show it (MiB): the bound on its value there.
    public var hiddenBelowMiB: Double

    public var shown: Bool { present > 0 }
    /// Missing in every run while the cut-off could hide it: a bound, not a zero.
    public var isBound: Bool { present == 0 && hiddenBelowMiB > 0 }
    public var spreadKiB: Double { maxKiB - minKiB }

    static let absent = SideValue(
      runs: 0, present: 0, medianKiB: 0, minKiB: 0, maxKiB: 0, ownMedianKiB: 0, hiddenBelowMiB: 0)
  }

  public struct Row: Sendable {
    public var path: Int
    public var name: String
    public var depth: Int
    /// The parent's name (`TOP` for a gem).
    public var parentName: String
    public var before: SideValue
    public var after: SideValue
    public var status: Status
    public var verdict: Verdict
    /// After median minus before median (KiB).
    public var deltaKiB: Double
    public var ownDeltaKiB: Double
    /// For a move: the parent path before (names from the root).
    public var movedFrom: [String]?
    /// The topmost new/gone ancestor's path when this row is inside a new or gone subtree.
    public var within: Int?
    /// For the topmost new/gone row: the requires below it that are new/gone with it.
    public var requiresBelow: Int
  }

  /// The absolute floor below which no change is real (MiB).
  public static let floorMiB = 0.5
  /// With one run per side, a change under this share of TOP is never real.
  public static let singleRunShare = 0.03
  /// How many spreads a change must exceed (unless the ranges are disjoint).
  public static let spreadFactor = 3.0

  public var top: Row
  /// Every path but TOP, in tree order (parents before children).
  public var rows: [Row]
  public var runsBefore: Int
  public var runsAfter: Int
  public var paths: RequirePaths
  /// The sides' cut-offs (largest per side, MiB).
  public var cutOffBefore: Double
  public var cutOffAfter: Double

  public var singleRuns: Bool { runsBefore < 2 || runsAfter < 2 }

  /// Matches `before` and `after` (each a list of runs).
  /// - Complexity: O(*n* log *n*) in the number of nodes of all runs.
  public init(before: [RequireTree], after: [RequireTree]) {
    var paths = RequirePaths()
    let beforeIDs = before.map { paths.ids(of: $0) }
    let afterIDs = after.map { paths.ids(of: $0) }
    let count = paths.parentOf.count
    let beforeValues = Self.collect(before, ids: beforeIDs, paths: count)
    let afterValues = Self.collect(after, ids: afterIDs, paths: count)
    let cutBefore = before.map(\.cutOff.mib).max() ?? 0
    let cutAfter = after.map(\.cutOff.mib).max() ?? 0
    runsBefore = before.count
    runsAfter = after.count
    cutOffBefore = cutBefore
    cutOffAfter = cutAfter
    self.paths = paths
    let topBefore = Self.side(before.map { Double($0.topKiB) }, own: [], runs: before.count, cut: 0)
    let topAfter = Self.side(after.map { Double($0.topKiB) }, own: [], runs: after.count, cut: 0)
    let single = before.count < 2 || after.count < 2
    let topDelta = topAfter.medianKiB - topBefore.medianKiB
    top = Row(
      path: -1, name: "TOP", depth: 0, parentName: "", before: topBefore, after: topAfter,
      status: .same,
      verdict: Self.verdict(
        topBefore, topAfter, delta: topDelta, single: single, topKiB: topBefore.medianKiB),
      deltaKiB: topDelta, ownDeltaKiB: 0, movedFrom: nil, within: nil, requiresBelow: 0)
    if top.verdict == .real { top.status = .changed }
    var rows: [Row] = []
    rows.reserveCapacity(count)
    var rowOf = [Int](repeating: -1, count: count)
    for id in 0..<count {
      let b =
        beforeValues[id].map {
          Self.side($0.values, own: $0.own, runs: before.count, cut: cutBefore)
        }
        ?? Self.missing(runs: before.count, cut: cutBefore)
      let a =
        afterValues[id].map { Self.side($0.values, own: $0.own, runs: after.count, cut: cutAfter) }
        ?? Self.missing(runs: after.count, cut: cutAfter)
      let delta = a.medianKiB - b.medianKiB
      let verdict = Self.verdict(b, a, delta: delta, single: single, topKiB: topBefore.medianKiB)
      let status: Status
      if !b.shown {
        status = .new
      } else if !a.shown {
        status = .gone
      } else {
        status = verdict == .real ? .changed : .same
      }
      let parent = paths.parentOf[id]
      rowOf[id] = rows.count
      rows.append(
        Row(
          path: id, name: paths.name(of: id), depth: paths.depth(of: id),
          parentName: parent >= 0 ? paths.name(of: parent) : "TOP", before: b, after: a,
          status: status, verdict: verdict, deltaKiB: delta,
          ownDeltaKiB: (a.shown ? a.ownMedianKiB : 0) - (b.shown ? b.ownMedianKiB : 0),
          movedFrom: nil, within: nil, requiresBelow: 0))
    }
    // New/gone subtrees: the topmost row of each, and how many requires hang below it. Parents
    // always have smaller ids than their children (ids are made walking trees top-down).
    for r in rows.indices {
      let status = rows[r].status
      guard status == .new || status == .gone else { continue }
      let parent = paths.parentOf[rows[r].path]
      if parent >= 0, rowOf[parent] >= 0, rows[rowOf[parent]].status == status {
        let root = rows[rowOf[parent]].within ?? parent
        rows[r].within = root
        rows[rowOf[root]].requiresBelow += 1
      }
    }
    Self.findMoves(&rows, paths: paths, single: single, topKiB: topBefore.medianKiB)
    self.rows = rows
  }

  private struct Values {
    var values: [Double] = []
    var own: [Double] = []
    var lastRun = -1
  }

  private static func collect(_ trees: [RequireTree], ids: [[Int]], paths: Int) -> [Values?] {
    var result = [Values?](repeating: nil, count: paths)
    for (t, tree) in trees.enumerated() {
      let children = tree.children
      for (i, node) in tree.nodes.enumerated() {
        let id = ids[t][i]
        guard id >= 0 else { continue }
        var visible: Int64 = 0
        for c in children[i] { visible +|= tree.nodes[c].kib }
        var v = result[id] ?? Values()
        // A path printed twice in one run (hostile input) counts once per run: the first.
        guard v.lastRun < t else { continue }
        v.lastRun = t
        v.values.append(Double(node.kib))
        v.own.append(Double(node.kib) - Double(visible))
        result[id] = v
      }
    }
    return result
  }

  private static func side(_ present: [Double], own: [Double], runs: Int, cut: Double) -> SideValue
  {
    var all = present
    if all.count < runs { all += [Double](repeating: 0, count: runs - all.count) }
    let shown = present.count
    return SideValue(
      runs: runs, present: shown,
      medianKiB: all.isEmpty ? 0 : RobustStatistics.median(all),
      minKiB: all.min() ?? 0,
      maxKiB: shown < runs ? max(all.max() ?? 0, cut * 1024) : (all.max() ?? 0),
      ownMedianKiB: own.isEmpty ? 0 : RobustStatistics.median(own),
      hiddenBelowMiB: shown < runs ? cut : 0)
  }

  private static func missing(runs: Int, cut: Double) -> SideValue {
    SideValue(
      runs: runs, present: 0, medianKiB: 0, minKiB: 0, maxKiB: cut * 1024, ownMedianKiB: 0,
      hiddenBelowMiB: cut)
  }

  /// Real only when the change passes the absolute floor and stands out of the spread (three
  /// times the larger side's range, or disjoint ranges); with one run per side, never under 3%
  /// of TOP.
  static func verdict(
    _ before: SideValue, _ after: SideValue, delta: Double, single: Bool, topKiB: Double
  ) -> Verdict {
    let size = abs(delta)
    guard size.isFinite, size > floorMiB * 1024 else { return .noise }
    if single {
      return size >= singleRunShare * max(topKiB, 0) ? .real : .noise
    }
    let spread = max(before.spreadKiB, after.spreadKiB)
    let disjoint = before.maxKiB < after.minKiB || after.maxKiB < before.minKiB
    return size > spreadFactor * spread || disjoint ? .real : .noise
  }

  /// A name gone at one path and new at another (once each) moved: one row, with the old parent.
  private static func findMoves(
    _ rows: inout [Row], paths: RequirePaths, single: Bool, topKiB: Double
  ) {
    var gone: [String: [Int]] = [:]
    var new: [String: [Int]] = [:]
    for (r, row) in rows.enumerated() {
      if row.status == .gone { gone[row.name, default: []].append(r) }
      if row.status == .new { new[row.name, default: []].append(r) }
    }
    var drop: Set<Int> = []
    for (name, goneRows) in gone {
      guard goneRows.count == 1, let newRows = new[name], newRows.count == 1 else { continue }
      let g = goneRows[0]
      let n = newRows[0]
      var moved = rows[n]
      moved.before = rows[g].before
      moved.status = .moved
      moved.deltaKiB = moved.after.medianKiB - moved.before.medianKiB
      moved.ownDeltaKiB = moved.after.ownMedianKiB - moved.before.ownMedianKiB
      moved.verdict = verdict(
        moved.before, moved.after, delta: moved.deltaKiB, single: single, topKiB: topKiB)
      let parent = paths.parentOf[rows[g].path]
      moved.movedFrom = parent >= 0 ? paths.components(of: parent) : ["TOP"]
      moved.within = nil
      moved.requiresBelow = 0
      rows[n] = moved
      drop.insert(g)
    }
    guard !drop.isEmpty else { return }
    rows = rows.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
  }

  /// The topmost new or gone rows (each with its subtree), largest first.
  public var appearedOrRemoved: [Row] {
    rows.filter { ($0.status == .new || $0.status == .gone) && $0.within == nil }
      .sorted {
        abs($0.deltaKiB) != abs($1.deltaKiB)
          ? abs($0.deltaKiB) > abs($1.deltaKiB) : $0.path < $1.path
      }
  }

  /// Rows whose change is real and not explained by a new/gone ancestor, largest first.
  public var realChanges: [Row] {
    rows.filter {
      $0.verdict == .real && $0.within == nil && $0.status != .new && $0.status != .gone
    }
    .sorted {
      abs($0.deltaKiB) != abs($1.deltaKiB) ? abs($0.deltaKiB) > abs($1.deltaKiB) : $0.path < $1.path
    }
  }

  /// Every row by size of change, largest first (name order on ties).
  public var movers: [Row] {
    rows.sorted {
      abs($0.deltaKiB) != abs($1.deltaKiB) ? abs($0.deltaKiB) > abs($1.deltaKiB) : $0.path < $1.path
    }
  }

  public func count(_ status: Status) -> Int { rows.filter { $0.status == status }.count }
}
