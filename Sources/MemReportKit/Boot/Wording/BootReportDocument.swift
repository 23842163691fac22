import MemReportCore

/// The words of `report` on require trees, built once per tree; the writers lay them out.
struct BootReportDocument {
  static let title = "Memory at boot"
  /// Gems named in the answer.
  static let answerGems = 5

  struct TreeBlock {
    var analysis: BootTreeAnalysis
    /// `shop.txt` or `shop.txt#2`.
    var label: String
    var answer: String
    var source: String
    var cutOff: String
    var gemLines: [GemLine]
  }

  struct GemLine {
    var name: String
    var cost: String
    var share: String
    var requires: String
    var freed: String
    var shared: String
  }

  var source: String
  var trees: [TreeBlock]
  /// With several trees: TOP over the runs.
  var runsLine: String?
  var warnings: [ParseWarning]

  init(_ input: RequireTreeInput) {
    source = input.source
    warnings = input.warnings
    let count = input.trees.count
    trees = input.trees.map { tree in
      let analysis = BootTreeAnalysis(tree)
      return TreeBlock(
        analysis: analysis, label: tree.label(of: count), answer: Self.answer(analysis),
        source: Self.sourceLine(tree, label: tree.label(of: count)),
        cutOff: BootWording.cutOff(tree.cutOff),
        gemLines: analysis.gems.map(Self.gemLine))
    }
    runsLine = count > 1 ? Self.runs(input.trees) : nil
  }

  /// "TOP 37.4 MiB at boot; the 5 most expensive gems: sinatra 12.5 MiB, …."
  static func answer(_ analysis: BootTreeAnalysis) -> String {
    let top = "TOP \(BootWording.mib(analysis.topKiB)) at boot"
    let gems = analysis.gems.prefix(answerGems)
    guard !gems.isEmpty else { return top + "; no require is shown below TOP." }
    let list = gems.map { "\($0.name) \(BootWording.mib($0.kib))" }.joined(separator: ", ")
    let noun = gems.count == 1 ? "the most expensive gem" : "the \(gems.count) most expensive gems"
    return "\(top); \(noun): \(list)."
  }

  static func sourceLine(_ tree: RequireTree, label: String) -> String {
    var text =
      "\(label): \(BootWording.command(tree)), \(Units.counted(tree.nodes.count - 1, "require")) shown"
    if tree.unitWasMB { text += ", printed in mb (derailed 1.0.0)" }
    if !tree.preamble.isEmpty { text += " (" + tree.preamble.joined(separator: ", ") + ")" }
    return text
  }

  static func runs(_ trees: [RequireTree]) -> String {
    let tops = trees.map { Double($0.topKiB) }
    let median = RobustStatistics.median(tops)
    let spread = (tops.max() ?? 0) - (tops.min() ?? 0)
    return
      "\(trees.count) runs: TOP \(tops.map { BootWording.number(kib: $0) }.joined(separator: ", ")) MiB (median \(BootWording.mib(kib: median)), spread \(BootWording.mib(kib: spread)))."
  }

  static func gemLine(_ gem: BootTreeAnalysis.Gem) -> GemLine {
    GemLine(
      name: gem.name, cost: BootWording.mib(gem.kib), share: "",
      requires: Units.count(Int64(gem.requires)),
      freed: gem.sharedKiB > 0
        ? "≤ " + BootWording.mib(gem.freedAtMostKiB) : BootWording.mib(gem.freedAtMostKiB),
      shared: gem.shared.map(sharedText).joined(separator: "; "))
  }

  static func sharedText(_ shared: BootTreeAnalysis.Shared) -> String {
    var with = shared.with.map { DisplayText.shortPath($0, limit: 60) }.joined(separator: ", ")
    if shared.unnamedOthers {
      with += with.isEmpty ? "others derailed did not name" : ", and others"
    }
    return
      "\(DisplayText.shortPath(shared.name, limit: 60)) \(BootWording.mib(shared.kib)) (also required by \(with))"
  }

  /// "Removing X frees at most …" for the answer's second sentence, about the most expensive gem
  /// that shares requires.
  static func sharingSentence(_ analysis: BootTreeAnalysis) -> String? {
    guard let gem = analysis.gems.first(where: { $0.sharedKiB > 0 }), let first = gem.shared.first
    else { return nil }
    let others = first.with.first.map { " \($0)" } ?? " another gem"
    let more = gem.shared.count - 1
    let rest =
      more == 0
      ? ""
      : more == 1
        ? "; 1 more shared require stays loaded too"
        : "; \(more) more shared requires stay loaded too"
    return
      "Removing \(gem.name) would free at most \(BootWording.mib(gem.freedAtMostKiB)) of its \(BootWording.mib(gem.kib)): \(first.name) (\(BootWording.mib(first.kib))) is also required by\(others)\(rest)."
  }

  static let gemsHeading = "Gems (what Bundler.require loaded: the children of TOP)"
  static let treeHeading = "Require tree"
  static let treeNote =
    "inclusive: the RSS change around the require, as derailed printed it; own: inclusive minus the requires shown below it."
  static let gemsNote =
    "freed: what removing the gem would free at most; requires another gem also makes stay loaded."

  static func hiddenRows(_ count: Int, threshold: Double) -> String {
    "\(Units.counted(count, "require")) under \(BootWording.plainMiB(threshold)) not shown (\(OptionNames.current.minCost) to change; \(OptionNames.current.jsonFormat) lists all)."
  }
}
