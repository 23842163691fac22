import MemReportCore
/// Builds a `ProfileDiff` from the runs of two sides.
public enum ProfileDiffBuilder {
  /// Compares `before` with `after` (one or more runs each, already normalized and filtered).
  /// - Complexity: O(*r* log *r*) for *r* rows over all runs; memory O(*k*) for *k* distinct keys.
  public static func build(
    before: [Profile], after: [Profile], options: DiffOptions = DiffOptions()
  ) -> ProfileDiff {
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
    var mapped: [Int64: (line: Int32, edited: Bool)] = [:]

    init(before: [Profile], after: [Profile], options: DiffOptions) {
      sides = [before, after]
      self.options = options
      idMaps = sides.map { runs in runs.map { [Int32](repeating: -1, count: $0.names.count) } }
      patches = before.map { _ in [:] }
      let counts = [
        options.iterationsBefore.map { [$0] } ?? before.map { $0.metadata.iterations ?? 0 },
        options.iterationsAfter.map { [$0] } ?? after.map { $0.metadata.iterations ?? 0 },
      ]
      let b = Set(counts[0])
      let a = Set(counts[1])
      let explicit = options.iterationsBefore != nil || options.iterationsAfter != nil
      if let nb = b.first, let na = a.first, nb > 0, na > 0, b.count == 1, a.count == 1,
        explicit || b != a
      {
        perIteration = (nb, na)
        factors = [before.map { _ in 1 / Double(nb) }, after.map { _ in 1 / Double(na) }]
      } else {
        factors = [before.map { _ in 1 }, after.map { _ in 1 }]
      }
    }

    mutating func run() -> ProfileDiff {
      var totals: [DiffTotal] = []
      for state in AllocationState.allCases {
        for metric in Metric.allCases {
          let values = (0..<2).map { side -> SideValue? in
            let runs = sides[side].enumerated().map { r, p in
              p.totals[state].value(metric).map { Double($0) * factors[side][r] }
            }
            guard !runs.isEmpty, runs.allSatisfy({ $0 != nil }) else { return nil }
            var value = SideValue(exact: runs.compactMap { $0 })
            if metric == .memory {
              value.rounding =
                sides[side].enumerated().map { r, p in
                  p.totals[state].bytesApproximate
                    ? p.rounding(ofBytes: p.totals[state].bytes ?? 0) * factors[side][r] : 0
                }.max() ?? 0
            }
            return value
          }
          totals.append(
            DiffTotal(state: state, metric: metric, before: values[0], after: values[1]))
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
      if options.lineMap == nil,
        let locations = sections.first(where: { $0.kind == .allocatedLocations })
      {
        diff.candidateMoves = Self.candidateMoves(locations, window: options.moveWindow)
      }
      return diff
    }

    /// The global id of a run's name.
    mutating func globalID(side: Int, run: Int, _ id: Int32) -> Int32 {
      let existing = idMaps[side][run][Int(id)]
      if existing >= 0 { return existing }
      let global = sides[side][run].names.withBytes(id) { keys.intern($0) }
      idMaps[side][run][Int(id)] = global
      return global
    }

    /// A before location's line in the new version, through the patch; `edited` when the patch
    /// rewrote or deleted it (it then has no counterpart in the new version).
    mutating func mappedLine(run: Int, fileID: Int32, line: Int32) -> (line: Int32, edited: Bool) {
      guard let lineMap = options.lineMap, line >= 0 else { return (line, false) }
      let cacheKey = Int64(fileID) << 32 | Int64(line)
      if let done = mapped[cacheKey] { return done }
      let file = sides[0][run].names[fileID]
      let result: (line: Int32, edited: Bool)
      switch lineMap.map(file: file, line: Int(line)) {
      case .moved(let to):
        if to != Int(line) { linesMoved += 1 }
        result = (Int32(to), false)
      case .edited:
        linesEdited += 1
        result = (line, true)
      case .notInPatch:
        result = (line, false)
      }
      mapped[cacheKey] = result
      return result
    }

    /// One run's column of a diff table: the key and value of each printed row, and what an
    /// unlisted key is (0 in a complete list, else at most `bound`).
    struct RunColumn {
      var keys: [Int32] = []
      var values: [Double] = []
      /// Each value's rounding (scaled inputs); empty when every value is exact.
      var roundings: [Double] = []
      var complete = false
      var bound = 0.0
    }

    mutating func diffSection(_ title: SectionTitle, _ present: [[Section?]]) -> DiffSection {
      let isLocation = title.grouping == .location
      var index: [Int64: Int32] = [:]
      var keyList: [(id: Int32, line: Int32)] = []
      var columns: [[RunColumn]] = [[], []]
      for side in 0..<2 {
        for (r, section) in present[side].enumerated() {
          var column = RunColumn()
          if let section {
            column.complete =
              sides[side][r].isListComplete(section) || (section.noData && !section.filtered)
            column.bound = Double(section.cutoff ?? 0) * factors[side][r]
            column.keys.reserveCapacity(section.rows.count)
            column.values.reserveCapacity(section.rows.count)
            for row in section.rows {
              let id = globalID(side: side, run: r, row.nameID)
              let (line, edited) =
                side == 0 && isLocation
                ? mappedLine(run: r, fileID: row.nameID, line: row.line) : (row.line, false)
              // An edited or deleted line has no counterpart: its key (bitwise complement, so
              // negative) never meets a new line's, and it shows as gone at its old number.
              let plain = Int64(id) << 32 | Int64(UInt32(bitPattern: line))
              let key = edited ? ~plain : plain
              if let existing = index[key] {
                column.keys.append(existing)
              } else {
                index[key] = Int32(keyList.count)
                column.keys.append(Int32(keyList.count))
                keyList.append((id, line))
              }
              column.values.append(Double(row.value) * factors[side][r])
              if section.approximate && title.metric == .memory {
                column.roundings.append(
                  sides[side][r].rounding(ofBytes: row.value) * factors[side][r])
              }
            }
          }
          columns[side].append(column)
        }
      }
      let keys = self.keys
      let names = DiffRowNames(
        { [keyList] k in Profile.locationText(file: keys[keyList[k].id], line: keyList[k].line) },
        order: { [keyList] a, b in LocationOrder.precedes(keys, keyList[a], keyList[b]) })
      index = [:]
      var section = DiffSection(
        kind: .section(title),
        rows: Self.sorted(Self.rows(keyCount: keyList.count, columns: columns, names: names)))
      section.complete = Self.complete(columns)
      return section
    }

    mutating func diffStrings(_ state: AllocationState, _ present: [[StringReport?]]) -> DiffSection
    {
      var index: [String: Int32] = [:]
      var names: [String] = []
      var columns: [[RunColumn]] = [[], []]
      for side in 0..<2 {
        for (r, report) in present[side].enumerated() {
          var column = RunColumn()
          if let report {
            column.complete = sides[side][r].isListComplete(report)
            column.bound = Double(report.groups.map(\.count).min() ?? 0) * factors[side][r]
            for group in report.groups {
              if let existing = index[group.string] {
                column.keys.append(existing)
              } else {
                index[group.string] = Int32(names.count)
                column.keys.append(Int32(names.count))
                names.append(group.string)
              }
              column.values.append(Double(group.count) * factors[side][r])
            }
          }
          columns[side].append(column)
        }
      }
      let strings = names
      let rows = Self.rows(
        keyCount: names.count, columns: columns, names: DiffRowNames { strings[$0] })
      var section = DiffSection(kind: .strings(state), rows: Self.sorted(rows))
      section.complete = Self.complete(columns)
      return section
    }

    /// Per side: every run's list was complete (a key it does not list is 0 there).
    static func complete(_ columns: [[RunColumn]]) -> (before: Bool, after: Bool) {
      let sides = columns.map { runs in !runs.isEmpty && runs.allSatisfy(\.complete) }
      return (sides[0], sides[1])
    }

    /// Turns each side's run columns into a key × run table (values of one key in one run are
    /// summed; unlisted cells are 0 in complete lists, unknown otherwise) and one row per key.
    /// - Complexity: O(*k* × *r* + *c*) for *k* keys, *r* runs and *c* printed cells.
    static func rows(keyCount: Int, columns: [[RunColumn]], names: DiffRowNames) -> [DiffRow] {
      var tables: [[Double]] = []
      var roundings: [[Double]] = []
      var bounds: [[Double]] = []
      for side in 0..<2 {
        let runs = columns[side].count
        var table = [Double](repeating: 0, count: keyCount * max(runs, 1))
        var rounding = [Double](repeating: 0, count: keyCount)
        for (r, column) in columns[side].enumerated() {
          let fill: Double = column.complete ? 0 : .nan
          for k in 0..<keyCount { table[k * runs + r] = fill }
          var slotRounding = [Double](repeating: 0, count: column.roundings.isEmpty ? 0 : keyCount)
          for (i, (key, value)) in zip(column.keys, column.values).enumerated() {
            let slot = Int(key) * runs + r
            table[slot] = table[slot].isNaN ? value : table[slot] + value
            // Rows merged into one key (normalized paths) add their rounding.
            if !column.roundings.isEmpty { slotRounding[Int(key)] += column.roundings[i] }
          }
          for k in slotRounding.indices { rounding[k] = max(rounding[k], slotRounding[k]) }
        }
        tables.append(table)
        roundings.append(rounding)
        bounds.append(columns[side].map(\.bound))
      }
      var rows: [DiffRow] = []
      rows.reserveCapacity(keyCount)
      for k in 0..<keyCount {
        let values = (0..<2).map { side -> SideValue in
          let runs = columns[side].count
          var value = tables[side].withUnsafeBufferPointer { table in
            bounds[side].withUnsafeBufferPointer { b in
              SideValue(
                values: UnsafeBufferPointer(rebasing: table[(k * runs)..<(k * runs + runs)]),
                bounds: b)
            }
          }
          value.rounding = roundings[side][k]
          return value
        }
        rows.append(
          DiffRow(
            names: names, index: k, before: values[0], after: values[1],
            status: status(values[0], values[1])
          ))
      }
      return rows
    }

    static func status(_ before: SideValue, _ after: SideValue) -> DiffStatus {
      guard before.isKnown && after.isKnown else {
        // The same evidence on both sides (a file against itself): nothing moved, bounds or not.
        return before == after ? .same : .outsideTopN
      }
      if before.isUnlisted && !after.isUnlisted { return .new }
      if after.isUnlisted && !before.isUnlisted { return .gone }
      let rounding = before.rounding + after.rounding
      if before.runCount > 1 || after.runCount > 1 {
        let apart =
          after.low - after.rounding > before.high + before.rounding
          || after.high + after.rounding < before.low - before.rounding
        return apart ? .changed : .same
      }
      // Scaled values are exact to their printed digits only: a change inside that is none.
      return abs(after.median - before.median) <= rounding ? .same : .changed
    }

    /// Largest guaranteed change first, then largest delta, then name: deterministic. Sorts
    /// indices on precomputed keys, then moves each row once, in place (no second array).
    static func sorted(_ rows: [DiffRow]) -> [DiffRow] {
      var rows = rows
      let certain = rows.map { abs($0.certainDelta) }
      let delta = rows.map { abs($0.delta) }
      var order = Array(0..<rows.count)
      // Rows of a section share one name source; each row is key `index` of it.
      let shared = rows.first.map { first in rows.allSatisfy { $0.names === first.names } }
      let keys = rows.map { Int($0.index) }
      if shared == true, let names = rows.first?.names {
        order.sort { a, b in
          if certain[a] != certain[b] { return certain[a] > certain[b] }
          if delta[a] != delta[b] { return delta[a] > delta[b] }
          return names.precedes(keys[a], keys[b])
        }
      } else {
        order.sort { a, b in
          if certain[a] != certain[b] { return certain[a] > certain[b] }
          if delta[a] != delta[b] { return delta[a] > delta[b] }
          return rows[a].name < rows[b].name
        }
      }
      // Position p takes the row at order[p]: follow each cycle once.
      var placed = [Bool](repeating: false, count: rows.count)
      for start in rows.indices where !placed[start] {
        let held = rows[start]
        var p = start
        while true {
          placed[p] = true
          let from = order[p]
          if from == start {
            rows[p] = held
            break
          }
          rows[p] = rows[from]
          p = from
        }
      }
      return rows
    }

    /// Gone-or-unlisted before rows and new-or-unlisted after rows of one file with equal values
    /// within `window` lines: probably the same code, moved by an edit above it.
    static func candidateMoves(_ section: DiffSection, window: Int) -> [ProfileDiff.CandidateMove] {
      func split(_ name: String) -> (String, Int)? {
        guard let colon = name.lastIndex(of: ":"), let line = Int(name[name.index(after: colon)...])
        else { return nil }
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
        guard let best = candidates.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else {
          continue
        }
        moves.append(
          ProfileDiff.CandidateMove(
            from: row.name, to: onlyAfter[best.0].name, bytes: row.before.median))
        onlyAfter.remove(at: best.0)
      }
      return moves
    }
  }
}

/// The order of `file:line` names (`Profile.locationText`) compared from the name table's bytes,
/// without making either string: bytewise, which is Unicode scalar order.
enum LocationOrder {
  static func precedes(
    _ names: NameTable, _ a: (id: Int32, line: Int32), _ b: (id: Int32, line: Int32)
  ) -> Bool {
    names.precedes(a.id, suffix(a.line), b.id, suffix(b.line))
  }

  /// What follows the file in a location's name: nothing, `:`, or `:` and the line's digits.
  static func suffix(_ line: Int32) -> NameSuffix {
    var suffix = NameSuffix()
    guard line != Row.noLine else { return suffix }
    suffix.append(UInt8(ascii: ":"))
    if line != Row.emptyLine { suffix.appendDecimal(line) }
    return suffix
  }
}
