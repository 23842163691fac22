import MemReportCore
/// The words memreport says about a memory_profiler output, shared by `report` and `diff`: how much
/// of a total a section lists, how paths were rewritten, which file filters ran. The model and
/// transform types keep numbers and enums; every sentence about them is here, and every number in
/// it is spelled by `Units`.
package enum ProfileWording {
  // MARK: Sections

  /// `50 locations listed: 71.3% of 12.3 MB allocated`; for filtered rows,
  /// `3 of 33 locations kept by the filters: at least 93.9% of 323 kB allocated`.
  package static func coverage(_ coverage: SectionCoverage, of section: Section) -> String {
    let title = section.title
    let listed = coverage.listed
    let approx = section.approximate ? "≈" : ""
    var text: String
    if section.filtered {
      let before = listed + section.rowsFilteredOut
      text =
        "\(Units.count(Int64(listed))) of \(Units.count(Int64(before))) \(noun(title.grouping, before)) kept by the filters"
    } else {
      text = "\(Units.count(Int64(listed))) \(noun(title.grouping, listed)) listed"
    }
    let unit = title.metric == .objects ? " objects" : ""
    if let total = coverage.total {
      let bound = section.filtered && !coverage.complete ? "at least " : ""
      text +=
        ": \(bound)\(Units.percentage(coverage.listedTotal, of: total)) of \(approx)\(Units.value(total, title.metric))\(unit) \(title.state.rawValue)"
      if section.filtered {
        text +=
          coverage.complete ? " (exact: the unfiltered list was complete)" : ", from a top-N list"
      } else if coverage.complete {
        text += " (complete list)"
      } else if coverage.trimmed {
        text += " (trimmed: rows are missing, so this is not the complete list)"
      }
    } else {
      text +=
        ": \(approx)\(Units.value(coverage.listedTotal, title.metric))\(unit); the report's total is unknown"
    }
    return text
  }

  /// `location`, `locations`, `class`, `classes`: what `count` rows of a grouping are.
  package static func noun(_ grouping: Grouping, _ count: Int) -> String {
    switch grouping {
    case .class: return count == 1 ? "class" : "classes"
    default: return count == 1 ? grouping.rawValue : grouping.rawValue + "s"
    }
  }

  /// `not filtered: gem rows carry no file`: a section the file filters cannot apply to.
  package static func notFiltered(_ grouping: Grouping) -> String {
    "not filtered: \(grouping.rawValue) rows carry no file"
  }

  // MARK: Origins

  /// `the file list` (a top-N list), `the complete gem list`: where an origin's value was read from.
  package static func source(_ source: OriginSource) -> String {
    "the \(source.exact ? "complete " : "")\(source.grouping.rawValue) list"
  }

  /// `from the file list`, or `bytes from the file list, objects from the location list` when the
  /// two values of one origin come from different lists.
  package static func sources(bytes: OriginSource?, objects: OriginSource?) -> String {
    switch (bytes, objects) {
    case (let b?, let o?) where b == o: return "from " + source(b)
    case (let b?, let o?): return "bytes from \(source(b)), objects from \(source(o))"
    case (let b?, nil): return "from " + source(b)
    case (nil, let o?): return "from " + source(o)
    case (nil, nil): return ""
    }
  }

  /// `each origin from the list with the most of it (location, file or gem): ≥ marks a lower bound`.
  package static let originSources =
    "each origin from the list that holds the most of it (location, file or gem list)"

  // MARK: Paths and filters

  /// `normalized with memory_profiler's normalize_paths rules, gem versions dropped`, or
  /// `as printed`: what every output says about paths.
  package static func paths(_ normalizer: PathNormalizer) -> String {
    var parts: [String] = []
    if normalizer.enabled {
      parts.append("normalized with memory_profiler's normalize_paths rules")
    }
    if let root = normalizer.root { parts.append("relative to \(root)") }
    if normalizer.ignoreGemVersions { parts.append("gem versions dropped") }
    return parts.isEmpty ? "as printed" : parts.joined(separator: ", ")
  }

  /// `--allow-files a (kept 12 rows), --ignore-files b (removed 0 rows: matched nothing); totals,
  /// gem and class rows are not filtered (they carry no file)`: the filters of one report, with
  /// what each matched.
  package static func filters(_ matches: [FilterMatch]) -> String {
    matches.map { match in
      let verb = match.kind == .allow ? "kept" : "removed"
      let rows = Units.counted(match.rows, "row")
      return
        "\(option(match.kind)) \(match.pattern) (\(verb) \(rows)\(match.rows == 0 ? ": matched nothing" : ""))"
    }.joined(separator: ", ") + "; totals, gem and class rows are not filtered (they carry no file)"
  }

  /// `--allow-files a, --ignore-files b (totals, gem and class rows are not filtered)`: the
  /// filters as given, before any report was read.
  package static func filters(_ patterns: [FileFilter.Pattern]) -> String {
    patterns.map { "\(option($0.kind)) \($0.text)" }.joined(separator: ", ")
      + " (totals, gem and class rows are not filtered)"
  }

  /// `--allow-files`, `--ignore-files`.
  static func option(_ kind: FileFilter.Kind) -> String {
    kind == .allow ? OptionNames.current.allowFiles : OptionNames.current.ignoreFiles
  }
}
