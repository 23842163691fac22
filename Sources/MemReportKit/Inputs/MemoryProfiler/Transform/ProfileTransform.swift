import MemReportCore
/// Applies path normalization and file filters to a parsed report, giving a new report whose rows
/// are keyed on normalized paths, with rows that normalize to the same key merged.
///
/// Totals never change: they are exact figures for the whole run and cannot be filtered after the
/// fact. Gem and class rows carry no file, so filters leave them as they are (the writers say so).
public struct ProfileTransform: Sendable {
  public var normalizer: PathNormalizer
  public var filter: FileFilter

  public init(normalizer: PathNormalizer = PathNormalizer(), filter: FileFilter) {
    self.normalizer = normalizer
    self.filter = filter
  }

  /// Whether the transform changes nothing.
  public var isIdentity: Bool { normalizer.isIdentity && filter.isEmpty }

  /// The transformed report.
  /// - Complexity: O(*r* + *n*·*p*) for *r* rows, *n* distinct names and *p* patterns: each
  ///   distinct path is normalized and matched once.
  public func apply(to profile: Profile) -> Profile {
    var work = Work(profile: profile, transform: self)
    return work.run()
  }

  /// The state of one transformation: caches per old name id.
  private struct Work {
    let profile: Profile
    let transform: ProfileTransform
    var names = NameTable()
    var pathIDs: [Int32]
    var plainIDs: [Int32]
    var masks: [UInt64?]
    var matchedRows: [Int]
    /// New ids that more than one old name maps to: only rows with these ids can merge.
    var shared: Set<Int32> = []

    init(profile: Profile, transform: ProfileTransform) {
      self.profile = profile
      self.transform = transform
      let n = profile.names.count
      pathIDs = Array(repeating: -1, count: n)
      plainIDs = Array(repeating: -1, count: n)
      masks = Array(repeating: nil, count: n)
      matchedRows = Array(repeating: 0, count: transform.filter.patterns.count)
    }

    mutating func run() -> Profile {
      var out = profile
      if transform.filter.isEmpty, let renamed = renamedInPlace() {
        // No filter and no two names that become one: the rows stay, only their names change.
        out.names = renamed
        for i in out.sections.indices {
          out.sections[i].originalListComplete = profile.isListComplete(profile.sections[i])
        }
        out.normalizer = transform.normalizer
        return out
      }
      out.names = NameTable()
      out.sections = profile.sections.map { transformSection($0) }
      out.allocatedStrings = profile.allocatedStrings.map { transformStrings($0) }
      out.retainedStrings = profile.retainedStrings.map { transformStrings($0) }
      out.names = names
      out.normalizer = transform.normalizer
      out.filters = transform.filter.patterns.enumerated().map { i, pattern in
        FilterMatch(pattern: pattern.text, kind: pattern.kind, rows: matchedRows[i])
      }
      for match in out.filters where match.rows == 0 {
        out.warnings.append(
          ParseWarning(
            line: 0,
            message:
              "'\(ProfileWording.option(match.kind)) \(match.pattern)' matched no file or location row"
          ))
      }
      return out
    }

    /// The report's names rewritten in place, id for id, when that is possible: each name is used
    /// in one role only (path, gem or class) and no two names become the same. `nil` otherwise.
    /// - Complexity: O(*r* + *n*) for *r* rows and *n* names, with no row copied.
    func renamedInPlace() -> NameTable? {
      let path: UInt8 = 1, gem: UInt8 = 2, plain: UInt8 = 4
      var roles = [UInt8](repeating: 0, count: profile.names.count)
      for section in profile.sections {
        let role =
          section.title.grouping.hasPaths ? path : (section.title.grouping == .gem ? gem : plain)
        roles.withUnsafeMutableBufferPointer { roles in
          for row in section.rows { roles[Int(row.nameID)] |= role }
        }
      }
      for report in [profile.allocatedStrings, profile.retainedStrings].compactMap({ $0 }) {
        for group in report.groups {
          for location in group.locations { roles[Int(location.fileID)] |= path }
        }
      }
      var table = NameTable()
      for (i, name) in profile.names.names.enumerated() {
        let renamed: String
        switch roles[i] {
        case 0, plain: renamed = name
        case path: renamed = transform.normalizer.normalize(name)
        case gem: renamed = transform.normalizer.gemName(name)
        default:
          // Used in several roles: keep it only if every role leaves it as it is.
          let forms = Set([
            transform.normalizer.normalize(name), transform.normalizer.gemName(name), name,
          ])
          guard forms.count == 1 else { return nil }
          renamed = name
        }
        guard table.intern(renamed) == Int32(i) else { return nil }
      }
      return table
    }

    /// The new id of a path (file or location file), normalized.
    mutating func pathID(_ old: Int32) -> Int32 {
      let i = Int(old)
      if pathIDs[i] < 0 {
        pathIDs[i] = internNoting(transform.normalizer.normalize(profile.names[old]))
      }
      return pathIDs[i]
    }

    /// Interns a new name, noting when an earlier old name already produced it.
    mutating func internNoting(_ name: String) -> Int32 {
      let before = names.count
      let id = names.intern(name)
      if names.count == before { shared.insert(id) }
      return id
    }

    /// The new id of a gem or class name.
    mutating func plainID(_ old: Int32, gem: Bool) -> Int32 {
      let i = Int(old)
      if plainIDs[i] < 0 {
        let name = profile.names[old]
        plainIDs[i] = internNoting(gem ? transform.normalizer.gemName(name) : name)
      }
      return plainIDs[i]
    }

    /// The filter's match mask for a path.
    mutating func mask(_ old: Int32) -> UInt64 {
      let i = Int(old)
      if let mask = masks[i] { return mask }
      let id = pathID(old)
      let normalized = names[id]
      let mask = transform.filter.matches(profile.names[old], normalized: normalized)
      masks[i] = mask
      return mask
    }

    mutating func transformSection(_ section: Section) -> Section {
      var out = section
      let grouping = section.title.grouping
      let filtering = grouping.hasPaths && !transform.filter.isEmpty
      out.originalListComplete = profile.isListComplete(section)
      out.filtered = filtering
      // Pass 1: filter and map ids; this also finds the ids that several old names share.
      var mapped: [Row] = []
      mapped.reserveCapacity(section.rows.count)
      for row in section.rows {
        if filtering {
          let m = mask(row.nameID)
          let kept = transform.filter.keeps(m)
          count(m, kept: kept)
          if !kept {
            out.rowsFilteredOut += 1
            continue
          }
        }
        let id = grouping.hasPaths ? pathID(row.nameID) : plainID(row.nameID, gem: grouping == .gem)
        mapped.append(Row(nameID: id, line: row.line, value: row.value))
      }
      // Pass 2: merge rows whose keys became equal (only ids shared by several names can).
      var merged = false
      var rows = mapped
      if !shared.isEmpty, mapped.contains(where: { shared.contains($0.nameID) }) {
        rows.removeAll(keepingCapacity: true)
        var index: [Int64: Int] = [:]
        for row in mapped {
          guard shared.contains(row.nameID) else {
            rows.append(row)
            continue
          }
          let key = Int64(row.nameID) << 32 | Int64(UInt32(bitPattern: row.line))
          if let existing = index[key] {
            rows[existing].value +|= row.value
            merged = true
          } else {
            index[key] = rows.count
            rows.append(row)
          }
        }
      }
      if merged {
        let names = self.names
        rows.sort { a, b in
          if a.value != b.value { return a.value > b.value }
          if a.nameID != b.nameID { return names.precedes(a.nameID, b.nameID) }
          return a.line < b.line
        }
      }
      out.rows = rows
      return out
    }

    /// Counts a row against the patterns that decided it: ignore patterns that removed it, or
    /// allow patterns that kept it.
    mutating func count(_ mask: UInt64, kept: Bool) {
      for (i, pattern) in transform.filter.patterns.enumerated() where mask & (1 << UInt64(i)) != 0
      {
        if (pattern.kind == .ignore && !kept) || (pattern.kind == .allow && kept) {
          matchedRows[i] += 1
        }
      }
    }

    mutating func transformStrings(_ report: StringReport) -> StringReport {
      var out = report
      var changedOrder = false
      out.groups = report.groups.compactMap { group in
        var kept: [StringLocation] = []
        var index: [Int64: Int] = [:]
        for location in group.locations {
          if !transform.filter.isEmpty && !transform.filter.keeps(mask(location.fileID)) {
            continue
          }
          let id = pathID(location.fileID)
          let key = Int64(id) << 32 | Int64(UInt32(bitPattern: location.line))
          if let existing = index[key] {
            kept[existing].count +|= location.count
          } else {
            index[key] = kept.count
            kept.append(StringLocation(fileID: id, line: location.line, count: location.count))
          }
        }
        guard !kept.isEmpty else {
          changedOrder = true
          return nil
        }
        var g = group
        g.locations = kept
        let count = kept.reduce(Int64(0)) { $0 +| $1.count }
        if count != g.count { changedOrder = true }
        g.count = count
        return g
      }
      if changedOrder {
        // memory_profiler's order: count descending, then the string.
        out.groups = out.groups.enumerated().sorted { a, b in
          if a.element.count != b.element.count { return a.element.count > b.element.count }
          if a.element.string != b.element.string { return a.element.string < b.element.string }
          return a.offset < b.offset
        }.map(\.element)
      }
      return out
    }
  }
}
