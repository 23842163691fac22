import MemReportCore

/// Where each origin's value of an origin split (`--by origin`, the page's app / gems / stdlib
/// bar) was read from: the section of that metric with the most of it.
public struct OriginSource: Sendable, Equatable {
  /// The list the value is a sum over: `location`, `file` or `gem`.
  public var grouping: Grouping
  /// The list is complete (and, for gems, every row could be given an origin): the value is exact.
  public var exact: Bool
}

/// The origin split: app, gems, Ruby stdlib and other, each read from the most complete section
/// that has it.
///
/// memory_profiler cuts every section at the same `top:` (50 by default), but a file or gem row
/// sums many locations, so the file and gem lists cover far more of the total than the location
/// list: app code spread over many small sites can be missing from the 50 listed locations while
/// its files are listed and the (short, often complete) gem list names it. Every listed sum is a
/// lower bound of the origin's true total, so the largest one is the best bound, and a complete
/// list's sum is the exact value. Bytes and objects are chosen separately, each with its source.
enum OriginSplit {
  /// The groupings an origin can be read from, in the order preferred on a tie.
  static let candidates: [Grouping] = [.location, .file, .gem]

  struct Pick {
    var value: Int64
    var source: OriginSource
  }

  /// For each origin, the best `state` × `metric` value and its source; `nil` when the report has
  /// none of the three sections.
  /// - Complexity: O(*r*) for *r* rows of the location, file and gem sections.
  static func pick(_ profile: Profile, state: AllocationState, metric: Metric)
    -> [PathClassifier.Origin: Pick]?
  {
    var best: [PathClassifier.Origin: Pick] = [:]
    var found = false
    for grouping in candidates {
      // Gem rows carry no file: with file filters, a gem sum would count what the filters removed.
      if grouping == .gem && !profile.filters.isEmpty { continue }
      guard let section = profile.section(SectionTitle(state, metric, grouping)) else { continue }
      found = true
      var sums: [PathClassifier.Origin: Int64] = [:]
      var unknown = false
      var classify: [Int32: PathClassifier.Origin?] = [:]
      for row in section.rows {
        let origin: PathClassifier.Origin?
        if let cached = classify[row.nameID] {
          origin = cached
        } else {
          let name = profile.names[row.nameID]
          origin =
            grouping == .gem
            ? Self.origin(
              ofGem: name, versionsDropped: profile.normalizer?.ignoreGemVersions ?? false)
            : PathClassifier.origin(of: name)
          classify[row.nameID] = origin
        }
        if let origin { sums[origin, default: 0] +|= row.value } else { unknown = true }
      }
      // A complete list of scaled values is still the whole list: its sums are marked ≈, not ≥.
      let exact = profile.isListComplete(section) && !unknown
      for origin in PathClassifier.Origin.allCases {
        let value = sums[origin] ?? 0
        let candidate = Pick(value: value, source: OriginSource(grouping: grouping, exact: exact))
        guard let current = best[origin] else {
          best[origin] = candidate
          continue
        }
        if current.source.exact { continue }
        if exact || value > current.value { best[origin] = candidate }
      }
    }
    guard found else { return nil }
    // Lists that disagree on a row's origin could make the parts add up to more than the total:
    // then every origin is read from the one list that covers the most.
    let total = profile.totals[state].value(metric)
    let sum = best.values.reduce(Int64(0)) { $0 +| $1.value }
    if let total, sum > total,
      !(profile.section(SectionTitle(state, metric, .location))?.approximate ?? false)
    {
      return single(profile, state: state, metric: metric)
    }
    return best
  }

  /// Every origin from the one path list (location or file) whose rows hold the most.
  static func single(_ profile: Profile, state: AllocationState, metric: Metric)
    -> [PathClassifier.Origin: Pick]?
  {
    let sections = [Grouping.location, .file].compactMap {
      profile.section(SectionTitle(state, metric, $0))
    }
    guard let section = sections.max(by: { $0.listedTotal < $1.listedTotal }) else { return nil }
    var picks: [PathClassifier.Origin: Pick] = [:]
    let source = OriginSource(
      grouping: section.title.grouping, exact: profile.isListComplete(section))
    for origin in PathClassifier.Origin.allCases {
      picks[origin] = Pick(value: 0, source: source)
    }
    for row in section.rows {
      let origin = PathClassifier.origin(of: profile.names[row.nameID])
      picks[origin]?.value +|= row.value
    }
    return picks
  }

  /// The origin of a gem name as memory_profiler's `guess_gem` prints it, or `nil` when the name
  /// does not say (`other` mixes `<internal:…>`, `(eval)` and files outside any `app`/`lib`/`bin`).
  /// - `rack-2.2.22`, `rails-f45267bc4230` (a gem folder): gems; `rubygems` is unknown (it also
  ///   names rubygems' `<internal:…>` require).
  /// - `shop/app`, `Samples/app` (the folder before `app`/`lib`/`bin`): app, unless it is a
  ///   system folder (`usr/lib`: Debian's `vendor_ruby` gems land there).
  /// - a bare word (`uri`, `erb`): a stdlib library, unless gem versions were dropped
  ///   (`--ignore-gem-versions`), when it may be a gem.
  static func origin(ofGem name: String, versionsDropped: Bool) -> PathClassifier.Origin? {
    // `rubygems` also names `<internal:…/rubygems/core_ext/kernel_require.rb>`, which is "other"
    // by path: counting it as stdlib would count those bytes twice across lists.
    if name == "other" || name == "rubygems" || name.isEmpty { return nil }
    if name.hasPrefix("<") || name.hasPrefix("(") { return .other }
    if let slash = name.firstIndex(of: "/") {
      let folder = name[..<slash]
      let system: Set<Substring> = [
        "usr", "local", "opt", "lib", "share", "vendor_ruby", "site_ruby",
      ]
      return system.contains(folder) ? nil : .app
    }
    if PathClassifier.isNormalizedGemPath(name + "/") { return .gems }
    return versionsDropped ? nil : .stdlib
  }
}
