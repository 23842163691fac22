import MemReportCore

/// Reads derailed's require trees (`bundle:mem`, `exec perf:mem`) from bytes, line by line, with
/// no recursion on depth: a stack of the last node at each depth gives each line its parent.
///
/// Every variant a user pastes is read, with a warning (and its line) for each guess: Markdown
/// fences and prose around the tree, ANSI codes, CRLF, tabs in the indentation (two spaces), odd
/// or too-deep indentation, derailed 1.0.0's `mb`, several trees in one input.
public enum RequireTreeParser {
  /// The largest value read as printed, in MiB (1 TiB); larger ones are clamped with a warning.
  public static let maxMiB = 1_048_576.0
  /// At most this many nodes per input; more is not a require tree.
  public static let maxNodes = 4_000_000

  private static let top = "TOP"
  private static let bannerTitle = Array("## Impact of `require".utf8)
  private static let bannerShowing = Array("Showing all `require <file>` calls that consume ".utf8)
  private static let bannerRest: [[UInt8]] = [
    Array("Configure with `CUT_OFF".utf8), Array("Note: Files only count".utf8),
    Array("If multiple libraries".utf8), Array("the 'cost' only shows".utf8),
  ]
  private static let preambleStarts: [[UInt8]] = [
    Array("Booting: ".utf8), Array("Endpoint: ".utf8),
  ]
  private static let fences: [[UInt8]] = [Array("```".utf8), Array("~~~".utf8)]

  /// Parses every tree of `input`.
  /// - Throws: `MemReportError.unusableInput` when it holds no `TOP:` line, or more than
  ///   `maxNodes` nodes; what reading throws.
  public static func parse(_ input: InputFile, progress: ((Int) -> Void)? = nil) throws
    -> RequireTreeInput
  {
    var state = State(source: input.path)
    var cleaner = LineCleaner()
    try LineReader(input: input, progress: progress).forEachLine { raw in
      if raw.overlong {
        state.warn(raw.number, "a line longer than 1 MiB: skipped")
        return
      }
      try cleaner.clean(raw.bytes) { line, found in
        try state.read(line, number: raw.number, terminated: raw.terminated, found: found)
      }
    }
    state.finishTree()
    guard !state.trees.isEmpty else {
      throw MemReportError.unusableInput(
        path: input.path, line: nil,
        reason: "no 'TOP: <number> MiB' line: not a derailed bundle:mem or perf:mem require tree")
    }
    return RequireTreeInput(source: input.path, trees: state.trees, warnings: state.warnings)
  }

  /// Parses `bytes` (tests, fuzzing).
  public static func parse(bytes: [UInt8], source: String = "-") throws -> RequireTreeInput {
    var state = State(source: source)
    var cleaner = LineCleaner()
    var start = 0
    var number = 1
    try bytes.withUnsafeBufferPointer { all in
      while start < all.count {
        let newline = all[start...].firstIndex(of: ASCII.newline)
        let end = newline ?? all.count
        try cleaner.clean(UnsafeBufferPointer(rebasing: all[start..<end])) { line, found in
          try state.read(line, number: number, terminated: newline != nil, found: found)
        }
        start = end + 1
        number += 1
      }
    }
    state.finishTree()
    guard !state.trees.isEmpty else {
      throw MemReportError.unusableInput(
        path: source, line: nil,
        reason: "no 'TOP: <number> MiB' line: not a derailed bundle:mem or perf:mem require tree")
    }
    return RequireTreeInput(source: source, trees: state.trees, warnings: state.warnings)
  }

  private struct State {
    let source: String
    var trees: [RequireTree] = []
    var warnings: [ParseWarning] = []
    var nodeCount = 0
    // The tree being read.
    var nodes: [RequireNode] = []
    var open = false
    var baseIndent = 0
    var stack: [Int] = []
    var unitWasMB = false
    // What comes before the next tree.
    var bannerSeen = false
    var bannerCutOff: Double?
    var preamble: [String] = []

    init(source: String) { self.source = source }

    mutating func warn(_ line: Int, _ message: String) {
      warnings.append(ParseWarning(line: line, message: message))
    }

    mutating func read(
      _ line: UnsafeBufferPointer<UInt8>, number: Int, terminated: Bool, found: LineCleaner.Found
    ) throws {
      var indent = 0
      while indent < line.count, line[indent] == ASCII.space { indent += 1 }
      guard indent < line.count else { return }
      let content = UnsafeBufferPointer(rebasing: line[indent...])
      if RequireTreeParser.fences.contains(where: { content.starts(with: $0) }) { return }
      if content.starts(with: RequireTreeParser.bannerTitle) {
        finishTree()
        bannerSeen = true
        return
      }
      if content.starts(with: RequireTreeParser.bannerShowing) {
        finishTree()
        bannerSeen = true
        readCutOff(UnsafeBufferPointer(rebasing: content[RequireTreeParser.bannerShowing.count...]))
        return
      }
      if RequireTreeParser.bannerRest.contains(where: { content.starts(with: $0) }) { return }
      guard let parsed = RequireTreeLine.parse(content) else {
        if open && indent > baseIndent {
          if !terminated {
            warn(number, "the last line is cut off (no ': <number> MiB' at its end): skipped")
          } else {
            warn(number, "no ': <number> MiB' value on an indented line: skipped")
          }
          return
        }
        if open { finishTree() }
        if RequireTreeParser.preambleStarts.contains(where: { content.starts(with: $0) }) {
          preamble.append(String(decoding: content, as: UTF8.self))
        }
        return
      }
      if parsed.name == RequireTreeParser.top && (!open || indent <= baseIndent) {
        finishTree()
        startTree(parsed, indent: indent, number: number, found: found)
        return
      }
      guard open else {
        warn(number, "a require line before any 'TOP:' line: skipped")
        return
      }
      try addNode(parsed, indent: indent, number: number, found: found)
    }

    mutating func readCutOff(_ rest: UnsafeBufferPointer<UInt8>) {
      var end = 0
      while end < rest.count, rest[end] != ASCII.space { end += 1 }
      if let value = RequireTreeLine.number(UnsafeBufferPointer(rebasing: rest[0..<end])),
        value.isFinite, abs(value) <= RequireTreeParser.maxMiB
      {
        bannerCutOff = value
      }
    }

    mutating func value(_ parsed: RequireTreeLine, number: Int) -> Int64 {
      var mib = parsed.mib
      if !mib.isFinite || abs(mib) > RequireTreeParser.maxMiB {
        let clamped = mib < 0 ? -RequireTreeParser.maxMiB : RequireTreeParser.maxMiB
        warn(
          number,
          "value \(Units.significant(mib)) MiB is out of range: read as \(Units.mib(clamped))")
        mib = clamped
      }
      return Int64(clamping: (mib * 1024).rounded())
    }

    mutating func noteCleaning(_ found: LineCleaner.Found, number: Int) {
      if found.contains(.tab) {
        warn(number, "a tab in the line: read as two spaces (one level of indentation)")
      }
      if found.contains(.nonBreakingSpace) {
        warn(number, "a non-breaking space in the line: read as a space")
      }
    }

    mutating func startTree(
      _ parsed: RequireTreeLine, indent: Int, number: Int, found: LineCleaner.Found
    ) {
      noteCleaning(found, number: number)
      open = true
      baseIndent = indent
      unitWasMB = parsed.unitWasMB
      nodes = [
        RequireNode(
          name: parsed.name, depth: 0, kib: value(parsed, number: number), parent: nil, line: number
        )
      ]
      stack = [0]
      nodeCount += 1
    }

    mutating func addNode(
      _ parsed: RequireTreeLine, indent: Int, number: Int, found: LineCleaner.Found
    ) throws {
      noteCleaning(found, number: number)
      nodeCount += 1
      if nodeCount > RequireTreeParser.maxNodes {
        throw MemReportError.unusableInput(
          path: source, line: number,
          reason:
            "more than \(Units.count(Int64(RequireTreeParser.maxNodes))) requires: not a require tree"
        )
      }
      let relative = indent - baseIndent
      var depth = relative / 2
      if relative % 2 != 0 {
        warn(
          number,
          "odd indentation (\(relative) spaces under TOP): read as depth \(max(depth, 1))")
      }
      if depth < 1 {
        warn(number, "not indented under 'TOP:': read as a require of TOP (depth 1)")
        depth = 1
      }
      let deepest = stack.count  // the depth a child of the previous line has
      if depth > deepest {
        warn(
          number,
          "indented \(depth - deepest + 1) levels deeper than line \(nodes[stack[stack.count - 1]].line): read as its child (depth \(deepest))"
        )
        depth = deepest
      }
      stack.removeLast(stack.count - depth)
      let parent = stack[depth - 1]
      if parsed.unitWasMB != unitWasMB {
        warn(
          number,
          "'\(parsed.unitWasMB ? "mb" : "MiB")' in a tree printed in '\(unitWasMB ? "mb" : "MiB")': read as MiB"
        )
      }
      var node = RequireNode(
        name: parsed.name, depth: depth, kib: value(parsed, number: number), parent: parent,
        alsoRequiredBy: parsed.also, line: number)
      node.alsoRequiredByCount = parsed.also.count + (parsed.others ?? 0)
      node.alsoRequiredByMayBeMore = parsed.others == nil && parsed.also.count == 2
      stack.append(nodes.count)
      nodes.append(node)
    }

    mutating func finishTree() {
      guard open else { return }
      open = false
      let cutOff: RequireCutOff
      if let bannerCutOff {
        cutOff = RequireCutOff(mib: bannerCutOff, source: .banner)
      } else {
        let smallest = nodes.dropFirst().map(\.kib).min()
        if let smallest, Double(smallest) / 1024 < RequireCutOff.defaultMiB {
          cutOff = RequireCutOff(mib: max(0, Double(smallest) / 1024), source: .smallestShown)
        } else {
          cutOff = RequireCutOff(mib: RequireCutOff.defaultMiB, source: .assumedDefault)
        }
      }
      trees.append(
        RequireTree(
          source: source, index: trees.count + 1, nodes: nodes, cutOff: cutOff,
          unitWasMB: unitWasMB, fromPerfMem: bannerSeen, preamble: preamble))
      nodes = []
      stack = []
      bannerSeen = false
      bannerCutOff = nil
      preamble = []
    }
  }
}
