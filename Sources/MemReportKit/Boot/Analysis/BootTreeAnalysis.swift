import MemReportCore

/// The numbers of one require tree: every node's inclusive and own cost and share of TOP, and what
/// each top-level gem costs and would free.
public struct BootTreeAnalysis: Sendable {
  public struct Row: Sendable {
    public var node: Int
    public var name: String
    public var depth: Int
    public var parent: Int?
    /// As printed (KiB).
    public var inclusiveKiB: Int64
    /// Inclusive minus the visible children (KiB).
    public var ownKiB: Int64
    /// The cut-off may have hidden children, so `own` is an upper bound.
    public var ownIsBound: Bool
    /// Inclusive over TOP (nil when TOP is not positive).
    public var share: Double?
    public var alsoRequiredBy: [String]
    public var alsoRequiredByCount: Int
    public var alsoRequiredByMayBeMore: Bool
    public var line: Int
    public var children: Int
  }

  /// A require another gem also makes, inside a top-level gem's subtree.
  public struct Shared: Sendable {
    public var name: String
    public var kib: Int64
    /// The requirers outside the gem that derailed named (may be fewer than there are).
    public var with: [String]
    public var unnamedOthers: Bool
  }

  /// A child of TOP: something `Bundler.require` (or the app) loaded.
  public struct Gem: Sendable {
    public var node: Int
    public var name: String
    public var kib: Int64
    /// Visible requires below it.
    public var requires: Int
    /// Requires in its subtree that others also make: loaded anyway if it goes.
    public var shared: [Shared]
    public var sharedKiB: Int64
    /// What removing it would free at most: its cost minus the shared requires.
    public var freedAtMostKiB: Int64
  }

  public var tree: RequireTree
  /// In printed order.
  public var rows: [Row]
  /// By cost, largest first.
  public var gems: [Gem]
  public var topKiB: Int64 { tree.topKiB }

  /// - Complexity: O(*n* + *s*·*k*) for *n* nodes and *s* shared notes of *k* names each.
  public init(_ tree: RequireTree) {
    self.tree = tree
    let nodes = tree.nodes
    let children = tree.children
    let ends = tree.subtreeEnds
    let top = tree.topKiB
    var rows: [Row] = []
    rows.reserveCapacity(nodes.count)
    for (i, node) in nodes.enumerated() {
      var visible: Int64 = 0
      for c in children[i] { visible +|= nodes[c].kib }
      let own = node.kib.subtractingReportingOverflow(visible)
      rows.append(
        Row(
          node: i, name: node.name, depth: node.depth, parent: node.parent,
          inclusiveKiB: node.kib,
          ownKiB: own.overflow ? (visible > 0 ? .min : .max) : own.partialValue,
          ownIsBound: tree.cutOff.hides,
          share: top > 0 ? Double(node.kib) / Double(top) : nil,
          alsoRequiredBy: node.alsoRequiredBy, alsoRequiredByCount: node.alsoRequiredByCount,
          alsoRequiredByMayBeMore: node.alsoRequiredByMayBeMore, line: node.line,
          children: children[i].count))
    }
    self.rows = rows
    var gems: [Gem] = []
    for g in children.first ?? [] {
      let end = ends[g]
      var inside: Set<String> = []
      for i in g..<end { inside.insert(nodes[i].name) }
      var shared: [Shared] = []
      var sharedKiB: Int64 = 0
      var i = g
      while i < end {
        let node = nodes[i]
        let outside = node.alsoRequiredBy.filter { !inside.contains($0) }
        let unnamed = node.alsoRequiredByCount > node.alsoRequiredBy.count
        if !outside.isEmpty || unnamed {
          shared.append(
            Shared(name: node.name, kib: node.kib, with: outside, unnamedOthers: unnamed))
          sharedKiB +|= max(0, node.kib)
          i = ends[i]
        } else {
          i += 1
        }
      }
      let freed = max(0, nodes[g].kib) - min(sharedKiB, max(0, nodes[g].kib))
      gems.append(
        Gem(
          node: g, name: nodes[g].name, kib: nodes[g].kib, requires: end - g - 1, shared: shared,
          sharedKiB: sharedKiB, freedAtMostKiB: freed))
    }
    self.gems = gems.sorted { $0.kib != $1.kib ? $0.kib > $1.kib : $0.node < $1.node }
  }
}
