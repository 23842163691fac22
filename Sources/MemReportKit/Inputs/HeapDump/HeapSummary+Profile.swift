import MemReportCore

extension HeapSummary {
  /// The live heap in memory_profiler's shape: every object of the dump is "allocated" (it is what
  /// the heap holds), grouped by gem, file, location, class, VM type and GC generation, with the
  /// duplicated strings as the string report. What the measurement itself holds is left out and
  /// said in a note unless `includeMeasurement`.
  func profile(includeMeasurement: Bool) -> Profile {
    var profile = Profile()
    profile.metadata.producer = .heapDump
    profile.metadata.firstLine = 1
    profile.metadata.lastLine = stats.lines
    if stats.truncatedLastLine { profile.metadata.features.insert(.truncated) }
    var total = HeapAmount()
    let (kept, excluded) = partition(includeMeasurement: includeMeasurement)
    var byGrouping: [Grouping: [String: HeapAmount]] = [:]
    var locations: [LocationKey: HeapAmount] = [:]
    var gemOfFile: [Int32: String] = [:]
    for (key, amount) in kept {
      total.add(amount)
      let file = fileName(key)
      byGrouping[.file, default: [:]][file, default: HeapAmount()].add(amount)
      let gem: String
      if let known = gemOfFile[key.file] {
        gem = known
      } else {
        gem = key.file >= 0 ? PathClassifier.gem(of: file) : Self.noAllocationInfo
        gemOfFile[key.file] = gem
      }
      byGrouping[.gem, default: [:]][gem, default: HeapAmount()].add(amount)
      byGrouping[.class, default: [:]][classLabel(key), default: HeapAmount()].add(amount)
      byGrouping[.type, default: [:]][typeLabel(key), default: HeapAmount()].add(amount)
      let generation = key.generation >= 0 ? String(key.generation) : Self.noAllocationInfo
      byGrouping[.generation, default: [:]][generation, default: HeapAmount()].add(amount)
      locations[LocationKey(file: key.file, line: key.line), default: HeapAmount()].add(amount)
    }
    profile.totals.allocated = TotalAmount(bytes: total.bytes, objects: total.objects)
    profile.totals.line = 1
    var longest = 0
    for metric in Metric.allCases {
      for grouping in [Grouping.gem, .file, .location, .class, .type, .generation] {
        var section = Section(title: SectionTitle(.allocated, metric, grouping), line: 1)
        if grouping == .location {
          for (key, amount) in locations {
            let name = key.file >= 0 ? names[key.file] : Self.noAllocationInfo
            let line: Int32 = key.line >= 0 ? Int32(clamping: key.line) : Row.noLine
            section.rows.append(
              Row(nameID: profile.names.intern(name), line: line, value: amount.value(metric)))
          }
        } else {
          for (name, amount) in byGrouping[grouping] ?? [:] {
            section.rows.append(
              Row(nameID: profile.names.intern(name), value: amount.value(metric)))
          }
        }
        let names = profile.names
        section.rows.sort {
          $0.value != $1.value
            ? $0.value > $1.value
            : names.precedes($0.nameID, $1.nameID) || ($0.nameID == $1.nameID && $0.line < $1.line)
        }
        section.originalListComplete = true
        longest = max(longest, section.rows.count)
        profile.sections.append(section)
      }
    }
    profile.metadata.longestList = longest + 1
    profile.allocatedStrings = duplicateStrings(&profile)
    profile.metadata.notes = notes(excluded: excluded, includeMeasurement: includeMeasurement)
    profile.warnings = warnings()
    return profile
  }

  struct LocationKey: Hashable {
    var file: Int32
    var line: Int64
  }

  /// Values with two or more live copies, most copies first.
  private func duplicateStrings(_ profile: inout Profile) -> StringReport {
    var report = StringReport(state: .allocated, line: 1)
    var bySite: [UInt64: [(DuplicateStrings.SiteKey, Int64)]] = [:]
    for (site, count) in strings.sites { bySite[site.hash, default: []].append((site, count)) }
    var groups: [(StringGroup, Int64)] = []
    for (hash, tally) in strings.tallies where tally.copies >= 2 && tally.text >= 0 {
      var group = StringGroup(string: strings.texts[tally.text], count: tally.copies, line: 1)
      group.bytes = tally.bytes
      group.reclaimable = tally.bytes - tally.largest
      for (site, count) in bySite[hash] ?? [] {
        let name = site.file >= 0 ? names[site.file] : Self.noAllocationInfo
        group.locations.append(
          StringLocation(
            fileID: profile.names.intern(name),
            line: site.line >= 0 ? Int32(clamping: site.line) : Row.noLine, count: count))
      }
      group.locations.sort { $0.count != $1.count ? $0.count > $1.count : $0.line < $1.line }
      groups.append((group, tally.bytes - tally.largest))
    }
    // Most bytes freed by sharing one copy first, then most copies (the checker's order).
    groups.sort {
      $0.1 != $1.1
        ? $0.1 > $1.1
        : $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0.string < $1.0.string
    }
    report.groups = groups.map(\.0)
    return report
  }

  private func notes(excluded: [HeapExclusion: HeapAmount], includeMeasurement: Bool) -> [String] {
    var notes: [String] = []
    if let leftOut = HeapExclusion.sentence(excluded) { notes.append(leftOut) }
    var read =
      "\(Units.counted(stats.objects, "object record")), \(Units.counted(stats.roots, "root"))"
    if stats.skipped > 0 {
      read += "; \(Units.counted(stats.skipped, "unreadable line")) skipped"
    }
    if stats.traced < stats.objects {
      read += "; \(Units.count(Int64(stats.objects - stats.traced))) without allocation info"
    }
    notes.append("heap dump: " + read)
    return notes
  }

  private func warnings() -> [ParseWarning] {
    var warnings = stats.skippedLines.map {
      ParseWarning(line: $0, message: "not a readable heap-dump record: skipped")
    }
    if stats.skipped > stats.skippedLines.count {
      warnings.append(
        ParseWarning(
          line: 0,
          message:
            "\(Units.count(Int64(stats.skipped - stats.skippedLines.count))) more unreadable lines skipped"
        ))
    }
    if stats.truncatedLastLine {
      warnings.append(
        ParseWarning(
          line: stats.lines, message: "the last line is cut short (the dump was not closed)"))
    }
    return warnings
  }
}

extension HeapAmount {
  func value(_ metric: Metric) -> Int64 { metric == .memory ? bytes : objects }
}
