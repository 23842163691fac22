/// Builds a `ProfileDiff` from the runs of two sides.
public enum ProfileDiffBuilder {
  /// Compares `before` with `after` (one or more runs each, already normalized and filtered).
  /// - Complexity: O(*r* log *r*) for *r* rows over all runs; memory O(*k*) for *k* distinct keys.
  public static func build(before: [Profile], after: [Profile], options: DiffOptions = DiffOptions()) -> ProfileDiff {
    var work = Work(before: before, after: after, options: options)
    return work.run()
  }

  private struct Work {
    let sides: [[Profile]]  // [before runs, after runs]
    let options: DiffOptions
    /// Per side and run: the factor values are multiplied by (1 / iterations, or 1).
    var factors: [[Double]] = []
    var perIteration: (before: Int, after: Int)?
    /// One name space for both sides: keys are (global name id, line).
    var keys = NameTable()
    /// Per side and run: the run's name id → global id (-1: not yet).
    var idMaps: [[[Int32]]] = []
    /// Per before run: location file id → its patch, looked up once.
    var patches: [[Int32: UnifiedDiffParser.FilePatch?]] = []
    var linesMoved = 0
    var linesEdited = 0
    var mapped: [Int64: Int32] = [:]

    init(before: [Profile], after: [Profile], options: DiffOptions) {
      sides = [before, after]
      self.options = options
      idMaps = sides.map { runs in runs.map { [Int32](repeating: -1, count: $0.names.count) } }
      patches = before.map { _ in [:] }
      let counts = [options.iterationsBefore.map { [$0] } ?? before.map { $0.metadata.iterations ?? 0 },
                    options.iterationsAfter.map { [$0] } ?? after.map { $0.metadata.iterations ?? 0 }]
      let b = Set(counts[0])
      let a = Set(counts[1])
      let explicit = options.iterationsBefore != nil || options.iterationsAfter != nil
      if !b.contains(0), !a.contains(0), b.count == 1, a.count == 1, explicit || b != a {
        perIteration = (b.first!, a.first!)
        factors = [before.map { _ in 1 / Double(b.first!) }, after.map { _ in 1 / Double(a.first!) }]
      } else {
        factors = [before.map { _ in 1 }, after.map { _ in 1 }]
      }
    }

    mutating func run() -> ProfileDiff {
      var totals: [DiffTotal] = []
      for state in AllocationState.allCases {
        for metric in Metric.allCases {
          let values = (0..<2).map { side -> SideValue? in
            let runs = sides[side].enumerated().map { r, p in p.totals[state].value(metric).map { Double($0) * factors[side][r] } }
            guard !runs.isEmpty, runs.allSatisfy({ $0 != nil }) else { return nil }
            return SideValue(exact: runs.compactMap { $0 })
          }
          totals.append(DiffTotal(state: state, metric: metric, before: values[0], after: values[1]))
        }
      }
      var sections: [DiffSection] = []
      for title in SectionTitle.all {
        let present = sides.map { runs in runs.map { $0.section(title) } }
        guard present.joined().contains(where: { $0 != nil }) else { continue }
        sections.append(diffSection(title, present))
      }
      for state in AllocationState.allCases {
        let present = sides.map { runs in runs.map { $0.strings(state) } }
        guard present.joined().contains(where: { $0 != nil }) else { continue }
        sections.append(diffStrings(state, present))
      }
      var diff = ProfileDiff(
        totals: totals, sections: sections, candidateMoves: [], perIteration: perIteration,
        runs: (sides[0].count, sides[1].count))
      diff.linesMoved = linesMoved
      diff.linesEdited = linesEdited
      if options.lineMap == nil, let locations = sections.first(where: { $0.title == "allocated memory by location" }) {
        diff.candidateMoves = Self.candidateMoves(locations, window: options.moveWindow)
      }
      return diff
    }

    /// The global id of a run's name.
    mutating func globalID(side: Int, run: Int, _ id: Int32) -> Int32 {
      let existing = idMaps[side][run][Int(id)]
      if existing >= 0 { return existing }
      let global = keys.intern(sides[side][run].names[id])
      idMaps[side][run][Int(id)] = global
      return global
    }

    /// A before location's line in the new version, through the patch.
    mutating func mappedLine(run: Int, fileID: Int32, line: Int32) -> Int32 {
      guard let lineMap = options.lineMap, line >= 0 else { return line }
      let cacheKey = Int64(fileID) << 32 | Int64(line)
      if let done = mapped[cacheKey] { return done }
      let file = sides[0][run].names[fileID]
      let result: Int32
      switch lineMap.map(file: file, line: Int(line)) {
      case .moved(let to):
        if to != Int(line) { linesMoved += 1 }
        result = Int32(to)
      case .edited:
        linesEdited += 1
        result = line
      case .notInPatch:
        result = line
      }
      mapped[cacheKey] = result
      return result
    }

    mutating func diffSection(_ title: SectionTitle, _ present: [[Section?]]) -> DiffSection {
      let isLocation = title.grouping == .location
      var index: [Int64: Int32] = [:]
      var keyList: [(id: Int32, line: Int32)] = []
      // Pass 1: every key of every run; per run, the key of each of its rows.
      var rowKeys: [[[Int32]]] = [[], []]
      for side in 0..<2 {
        for (r, section) in present[side].enumerated() {
          var keysOfRows: [Int32] = []
          if let section {
            keysOfRows.reserveCapacity(section.rows.count)
            for row in section.rows {
              let id = globalID(side: side, run: r, row.nameID)
              let line = side == 0 && isLocation ? mappedLine(run: r, fileID: row.nameID, line: row.line) : row.line
              let key = Int64(id) << 32 | Int64(UInt32(bitPattern: line))
              if let existing = index[key] {
                keysOfRows.append(existing)
              } else {
                let k = Int32(keyList.count)
                index[key] = k
                keyList.append((id, line))
                keysOfRows.append(k)
              }
            }
          }
          rowKeys[side].append(keysOfRows)
        }
      }
      // Pass 2: per side, a key × run table; unlisted cells are 0 in complete lists, else unknown.
      var tables: [[Double]] = []
      var bounds: [[Double]] = []
      for side in 0..<2 {
        let runs = present[side].count
        var fill = [Double](repeating: 0, count: runs)
        var bound = [Double](repeating: 0, count: runs)
        for (r, section) in present[side].enumerated() {
          let profile = sides[side][r]
          if let section, profile.isListComplete(section) || (section.noData && !section.filtered) {
            fill[r] = 0
          } else {
            fill[r] = .nan
            bound[r] = Double(section?.cutoff ?? 0) * factors[side][r]
          }
        }
        var table = [Double](repeating: 0, count: keyList.count * max(runs, 1))
        for k in 0..<keyList.count {
          for r in 0..<runs { table[k * runs + r] = fill[r] }
        }
        for (r, section) in present[side].enumerated() {
          guard let section else { continue }
          let factor = factors[side][r]
          let keysOfRows = rowKeys[side][r]
          for (i, row) in section.rows.enumerated() {
            let slot = Int(keysOfRows[i]) * runs + r
            let value = Double(row.value) * factor
            let old = table[slot]
            table[slot] = old.isNaN ? value : old + value
          }
        }
        tables.append(table)
        bounds.append(bound)
      }
      var rows: [DiffRow] = []
      rows.reserveCapacity(keyList.count)
      for (k, key) in keyList.enumerated() {
        let values = (0..<2).map { side -> SideValue in
          let runs = present[side].count
          return tables[side].withUnsafeBufferPointer { table in
            bounds[side].withUnsafeBufferPointer { b in
              SideValue(values: UnsafeBufferPointer(rebasing: table[(k * runs)..<(k * runs + runs)]), bounds: b)
            }
          }
        }
        let name = Profile.locationText(file: keys[key.id], line: key.line)
        rows.append(DiffRow(name: name, before: values[0], after: values[1], status: Self.status(values[0], values[1])))
      }
      return DiffSection(title: title.text, metric: title.metric, rows: Self.sorted(rows))
    }

    mutating func diffStrings(_ state: AllocationState, _ present: [[StringReport?]]) -> DiffSection {
      var index: [String: Int] = [:]
      var names: [String] = []
      var values: [[[Double]]] = [[], []]  // side → key → runs
      for side in 0..<2 {
        for (r, report) in present[side].enumerated() {
          for group in report?.groups ?? [] {
            let k: Int
            if let existing = index[group.string] {
              k = existing
            } else {
              k = names.count
              index[group.string] = k
              names.append(group.string)
            }
            _ = r
            _ = k
          }
        }
      }
      for side in 0..<2 {
        let runs = present[side].count
        var fill = [Double](repeating: 0, count: runs)
        var bound = [Double](repeating: 0, count: runs)
        for (r, report) in present[side].enumerated() {
          if let report, sides[side][r].isListComplete(report) {
            fill[r] = 0
          } else {
            fill[r] = .nan
            bound[r] = Double(report?.groups.map(\.count).min() ?? 0) * factors[side][r]
          }
        }
        values[side] = Array(repeating: fill, count: names.count)
        for (r, report) in present[side].enumerated() {
          for group in report?.groups ?? [] {
            let k = index[group.string]!
            let old = values[side][k][r]
            let v = Double(group.count) * factors[side][r]
            values[side][k][r] = old.isNaN ? v : old + v
          }
        }
        values[side].append(bound)  // the last entry holds the bounds
      }
      var rows: [DiffRow] = []
      for (k, name) in names.enumerated() {
        let sidesValues = (0..<2).map { side -> SideValue in
          let bound = values[side][names.count]
          return values[side][k].withUnsafeBufferPointer { v in bound.withUnsafeBufferPointer { SideValue(values: v, bounds: $0) } }
        }
        rows.append(DiffRow(name: name, before: sidesValues[0], after: sidesValues[1], status: Self.status(sidesValues[0], sidesValues[1])))
      }
      let title = state == .allocated ? "Allocated String Report" : "Retained String Report"
      return DiffSection(title: title, metric: .objects, rows: Self.sorted(rows))
    }

    static func status(_ before: SideValue, _ after: SideValue) -> DiffStatus {
      guard before.isKnown && after.isKnown else { return .outsideTopN }
      if before.isUnlisted && !after.isUnlisted { return .new }
      if after.isUnlisted && !before.isUnlisted { return .gone }
      if before.runCount > 1 || after.runCount > 1 {
        return after.low > before.high || after.high < before.low ? .changed : .same
      }
      return before.median == after.median ? .same : .changed
    }

    /// Largest guaranteed change first, then largest delta, then name: deterministic. Sorts
    /// indices on precomputed keys, so the (large) rows move once.
    static func sorted(_ rows: [DiffRow]) -> [DiffRow] {
      let certain = rows.map { abs($0.certainDelta) }
      let delta = rows.map { abs($0.delta) }
      var order = Array(0..<rows.count)
      order.sort { a, b in
        if certain[a] != certain[b] { return certain[a] > certain[b] }
        if delta[a] != delta[b] { return delta[a] > delta[b] }
        return rows[a].name < rows[b].name
      }
      return order.map { rows[$0] }
    }

    /// Gone-or-unlisted before rows and new-or-unlisted after rows of one file with equal values
    /// within `window` lines: probably the same code, moved by an edit above it.
    static func candidateMoves(_ section: DiffSection, window: Int) -> [ProfileDiff.CandidateMove] {
      func split(_ name: String) -> (String, Int)? {
        guard let colon = name.lastIndex(of: ":"), let line = Int(name[name.index(after: colon)...]) else { return nil }
        return (String(name[..<colon]), line)
      }
      let onlyBefore = section.rows.filter { !$0.before.isUnlisted && $0.after.isUnlisted }
      var onlyAfter = section.rows.filter { $0.before.isUnlisted && !$0.after.isUnlisted }
      var moves: [ProfileDiff.CandidateMove] = []
      for row in onlyBefore {
        guard let (file, line) = split(row.name) else { continue }
        let candidates = onlyAfter.enumerated().compactMap { i, other -> (Int, Int)? in
          guard let (f, l) = split(other.name), f == file, other.after.median == row.before.median,
            abs(l - line) <= window, l != line
          else { return nil }
          return (i, abs(l - line))
        }
        guard let best = candidates.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { continue }
        moves.append(ProfileDiff.CandidateMove(from: row.name, to: onlyAfter[best.0].name, bytes: row.before.median))
        onlyAfter.remove(at: best.0)
      }
      return moves
    }
  }
}
