import MemReportCore
/// What is decided once a report has been read: the variant features that need the whole report,
/// and consistency checks between rows and totals.
enum ReportChecks {
  static func finish(_ profile: inout Profile) {
    var features = profile.metadata.features
    if !profile.sections.isEmpty {
      if profile.sections.contains(where: { $0.title.grouping == .class }) {
        features.insert(.sixteenSections)
      } else if profile.sections.count >= 12 {
        features.insert(.twelveSections)
      }
    } else if profile.totals.line != nil {
      features.insert(.notDetailed)
    }
    if profile.allocatedStrings != nil { features.insert(.allocatedStringReport) }
    if profile.retainedStrings != nil { features.insert(.retainedStringReport) }
    if looksNormalized(profile) { features.insert(.normalizedPaths) }
    for index in profile.sections.indices where profile.sections[index].rows.isEmpty {
      // Before 0.9.5 an empty section printed its title and dashes only.
      profile.sections[index].noData = true
    }
    profile.metadata.features = features
    profile.metadata.longestList = profile.sections.map(\.rows.count).max() ?? 0

    for index in profile.sections.indices {
      // Fewer rows than the longest list, yet short of the exact total: rows were removed from the
      // paste, so the list is not complete however few rows it has.
      let section = profile.sections[index]
      if !section.approximate, let total = profile.total(for: section.title),
        section.rows.count < profile.metadata.longestList, section.listedTotal < total
      {
        profile.sections[index].trimmed = true
      }
    }
    for section in profile.sections where !section.approximate {
      guard let total = profile.total(for: section.title) else { continue }
      let listed = section.listedTotal
      if listed > total {
        profile.warnings.append(
          ParseWarning(
            line: section.line,
            message:
              "the rows of '\(section.title.text)' add up to \(listed), more than the report's total \(total)"
          ))
      }
    }
  }

  /// Whether file paths look like `normalize_paths: true` output: some path in one of its shapes
  /// (`gem-1.2.3/lib/...`, `ruby/lib/...`, a stray `>`) and no absolute path that its rules would
  /// have rewritten (one holding `/gems/`, `/lib/`, `/app/` or `/bin/`). memory_profiler leaves
  /// paths that match no rule absolute, so those do not count against it.
  static func looksNormalized(_ profile: Profile) -> Bool {
    var sawNormalizedShape = false
    for section in profile.sections where section.title.grouping.hasPaths {
      for row in section.rows.prefix(500) {
        let file = profile.names[row.nameID]
        let absolute =
          file.hasPrefix("/") || file.hasPrefix("<internal:/")
          || PathNormalizer.isWindowsDrivePath(file)
        if absolute {
          if ["/gems/", "/lib/", "/app/", "/bin/"].contains(where: { file.contains($0) }) {
            return false
          }
        } else if file.hasPrefix("ruby/lib/") || file.hasSuffix(">")
          || PathClassifier.isNormalizedGemPath(file)
        {
          sawNormalizedShape = true
        }
      }
    }
    return sawNormalizedShape
  }
}
