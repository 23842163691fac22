import MemReportCore

/// One `require` in a derailed `bundle:mem` / `perf:mem` tree: what was passed to `require`, how
/// deep it sits, and the change in resident memory around it (inclusive of its children).
public struct RequireNode: Sendable, Equatable {
  /// What was passed to `require` (`mail/field`, `openssl.so`, an absolute path).
  public var name: String
  /// 0 for `TOP`, 1 for what `Bundler.require` loaded, and so on.
  public var depth: Int
  /// The change in RSS around the require, in KiB (derailed prints MiB rounded to 4 decimals of a
  /// KiB count, so KiB are exact). Negative when a GC shrank RSS during the require.
  public var kib: Int64
  /// The index of the parent node in `RequireTree.nodes`; `nil` for the root.
  public var parent: Int?
  /// "Also required by: a, b": the other files that required this name.
  public var alsoRequiredBy: [String]
  /// How many other requirers derailed counted: the names listed plus "and N others". With exactly
  /// two names and no "and N others" derailed may have had three (it lists two of three).
  public var alsoRequiredByCount: Int
  /// The count is a lower bound (two names listed, no "and N others": two or three).
  public var alsoRequiredByMayBeMore: Bool
  /// The 1-based input line.
  public var line: Int

  public init(
    name: String, depth: Int, kib: Int64, parent: Int?, alsoRequiredBy: [String] = [],
    alsoRequiredByCount: Int = 0, alsoRequiredByMayBeMore: Bool = false, line: Int
  ) {
    self.name = name
    self.depth = depth
    self.kib = kib
    self.parent = parent
    self.alsoRequiredBy = alsoRequiredBy
    self.alsoRequiredByCount = alsoRequiredByCount
    self.alsoRequiredByMayBeMore = alsoRequiredByMayBeMore
    self.line = line
  }

  /// The value in MiB, as derailed printed it (to kB resolution).
  public var mib: Double { Double(kib) / 1024 }
}

/// derailed's `CUT_OFF` for one tree: nodes costing less are hidden with their whole subtree.
public struct RequireCutOff: Sendable, Equatable {
  public enum Source: String, Sendable {
    /// Read from the `perf:mem` banner ("… that consume 0.3 MiB or more of RSS").
    case banner
    /// No banner (`bundle:mem`), and no visible require costs less than derailed's default 0.3.
    case assumedDefault = "assumed-default"
    /// No banner, and requires below 0.3 MiB are shown: at most the smallest value shown.
    case smallestShown = "smallest-shown"
  }
  /// The cut-off in MiB (0 means every require with a non-negative cost is shown).
  public var mib: Double
  public var source: Source

  public init(mib: Double, source: Source) {
    self.mib = mib
    self.source = source
  }

  /// derailed's default `CUT_OFF`, 0.3 MiB.
  public static let defaultMiB = 0.3
  /// Whether requires can have been hidden (a cut-off above zero).
  public var hides: Bool { mib > 0 }
}

/// One printed require tree (one run of `derailed bundle:mem` or `exec perf:mem`).
public struct RequireTree: Sendable {
  /// The input it came from, as given (`-` for standard input).
  public var source: String
  /// 1-based position among the trees of its input.
  public var index: Int
  /// Nodes in the printed (pre-)order; `nodes[0]` is `TOP`.
  public var nodes: [RequireNode]
  public var cutOff: RequireCutOff
  /// derailed 1.0.0 printed `mb`, later versions `MiB`.
  public var unitWasMB: Bool
  /// The command that printed it: `perf:mem` when the banner came first, else `bundle:mem`.
  public var fromPerfMem: Bool
  /// `Booting: production`, `Endpoint: "/"` lines before the banner, as printed.
  public var preamble: [String]

  public init(
    source: String, index: Int, nodes: [RequireNode], cutOff: RequireCutOff,
    unitWasMB: Bool = false, fromPerfMem: Bool = false, preamble: [String] = []
  ) {
    self.source = source
    self.index = index
    self.nodes = nodes
    self.cutOff = cutOff
    self.unitWasMB = unitWasMB
    self.fromPerfMem = fromPerfMem
    self.preamble = preamble
  }

  /// TOP's value in KiB.
  public var topKiB: Int64 { nodes.first?.kib ?? 0 }

  /// `source`, or `source#N` when the input held several trees.
  public func label(of count: Int) -> String { count > 1 ? "\(source)#\(index)" : source }

  /// The children of every node, in printed order (one pass; no recursion).
  public var children: [[Int]] {
    var result = [[Int]](repeating: [], count: nodes.count)
    for (i, node) in nodes.enumerated() {
      if let p = node.parent, p >= 0, p < i { result[p].append(i) }
    }
    return result
  }

  /// The end (exclusive) of each node's subtree in `nodes` (pre-order: a subtree is contiguous).
  public var subtreeEnds: [Int] {
    var ends = [Int](repeating: nodes.count, count: nodes.count)
    var stack: [Int] = []
    for (i, node) in nodes.enumerated() {
      while let last = stack.last, nodes[last].depth >= node.depth {
        ends[last] = i
        stack.removeLast()
      }
      stack.append(i)
    }
    return ends
  }

}

/// Every tree of one input, and the warnings for every guess the parser made (with their lines).
public struct RequireTreeInput: Sendable {
  public var source: String
  public var trees: [RequireTree]
  public var warnings: [ParseWarning]

  public init(source: String, trees: [RequireTree], warnings: [ParseWarning]) {
    self.source = source
    self.trees = trees
    self.warnings = warnings
  }
}

/// Paths from the root as small integers, shared by every tree read together: a node's path is its
/// parent's path plus its name, so two trees' nodes match when their ids are equal. Memory grows
/// with distinct (parent path, name) pairs, not with depth.
public struct RequirePaths: Sendable {
  private struct Key: Hashable {
    var parent: Int
    var name: Int
  }
  private var nameIDs: [String: Int] = [:]
  private var ids: [Key: Int] = [:]
  /// For each path id: its parent path id (-1 for a child of TOP) and its name id.
  public private(set) var parentOf: [Int] = []
  public private(set) var nameOf: [Int] = []
  public private(set) var names: [String] = []

  public init() {}

  /// The path id of every node of `tree`; TOP gets -1.
  public mutating func ids(of tree: RequireTree) -> [Int] {
    var result = [Int](repeating: -1, count: tree.nodes.count)
    for (i, node) in tree.nodes.enumerated() {
      guard let p = node.parent, p >= 0, p < i else { continue }
      result[i] = id(parent: result[p], name: node.name)
    }
    return result
  }

  public mutating func id(parent: Int, name: String) -> Int {
    let nameID: Int
    if let known = nameIDs[name] {
      nameID = known
    } else {
      nameID = names.count
      names.append(name)
      nameIDs[name] = nameID
    }
    let key = Key(parent: parent, name: nameID)
    if let known = ids[key] { return known }
    let id = parentOf.count
    parentOf.append(parent)
    nameOf.append(nameID)
    ids[key] = id
    return id
  }

  public func name(of id: Int) -> String { names[nameOf[id]] }

  /// The names from the root down to `id` (iterative).
  public func components(of id: Int) -> [String] {
    var result: [String] = []
    var current = id
    while current >= 0, result.count <= parentOf.count {
      result.append(name(of: current))
      current = parentOf[current]
    }
    return result.reversed()
  }

  /// The depth of `id` (1 for a child of TOP).
  public func depth(of id: Int) -> Int {
    var depth = 0
    var current = id
    while current >= 0, depth <= parentOf.count {
      depth += 1
      current = parentOf[current]
    }
    return depth
  }
}
