import MemReportCore
/// Whether the two sides of a diff describe the same code, so that their keys can meet at all:
/// how much of the allocated bytes fall on files both sides list, and whether the files listed
/// on one side only differ just by a leading folder (the same app from two checkouts,
/// `shop/lib/x.rb` against `srv/app/shop/lib/x.rb`). A diff of such reports says every file is
/// gone and new; `DiffDocument` warns instead of letting it pass as a change.
public struct KeyOverlap: Sendable, Equatable {
  /// Below this share of the larger side's listed bytes on shared files, the reports share
  /// almost no keys (`DiffDocument` warns).
  public static let lowShare = 0.25
  /// Files of the same name looked at per one-sided file.
  static let candidateLimit = 32

  /// Bytes (allocated memory by file) listed on both sides, counted on the larger side.
  public var sharedBytes: Double
  /// All bytes the larger side lists by file.
  public var listedBytes: Double
  /// The share of `listedBytes` on files both sides list, 0...1 (1 when nothing is listed).
  public var share: Double { listedBytes > 0 ? sharedBytes / listedBytes : 1 }
  /// The reports share almost no keys.
  public var isLow: Bool { share < Self.lowShare }
  /// Files listed on one side only that differ only in their leading folders.
  public var checkout: Checkout?

  /// The same files under two different leading folders.
  public struct Checkout: Sendable, Equatable {
    /// The leading folders of the keys as compared (normalized): `""` and `srv/app/`.
    public var beforePrefix: String
    public var afterPrefix: String
    /// How many files matched this way, and the bytes they allocated before.
    public var files: Int
    public var bytes: Double
    /// The largest such pair of keys, e.g. `shop/lib/shop/catalog.rb` and
    /// `srv/app/shop/lib/shop/catalog.rb`.
    public var example: (before: String, after: String)
    /// The folders to strip from each side's paths as printed so that the keys meet
    /// (`--root-before`/`--root-after`); `nil` where that side needs none.
    public var rootBefore: String?
    public var rootAfter: String?

    public static func == (a: Checkout, b: Checkout) -> Bool {
      a.beforePrefix == b.beforePrefix && a.afterPrefix == b.afterPrefix && a.files == b.files
        && a.bytes == b.bytes && a.example == b.example && a.rootBefore == b.rootBefore
        && a.rootAfter == b.rootAfter
    }
  }

  /// Compares the files of `diff` (allocated memory by file, else by location without lines).
  /// - Parameters:
  ///   - rawPath: each side's path as printed for a compared key (to say which folder to strip);
  ///     `nil` when the key is already the path as printed.
  /// - Returns: `nil` when the diff has no file or location section.
  /// - Complexity: O(*k* + *p*·*c*) for *k* keys, *p* one-sided files and *c* files of the same
  ///   name on the other side.
  public static func analyse(
    _ diff: ProfileDiff, rawPath: (_ side: Int, _ key: String) -> String? = { _, _ in nil }
  ) -> KeyOverlap? {
    let byFile = diff.section(.section(SectionTitle(.allocated, .memory, .file)))
    guard let section = byFile ?? diff.section(.allocatedLocations) else { return nil }
    let stripLine = byFile == nil
    // Per file: the bytes each side lists (locations of one file add up). A file section lists
    // each file once, so only its one-sided files (the checkout candidates) are kept by name.
    var files: [String: (before: Double, after: Double, inBefore: Bool, inAfter: Bool)] = [:]
    var listed = (0.0, 0.0)
    var bothListed = (0.0, 0.0)
    for row in section.rows {
      let inBefore = !row.before.isUnlisted
      let inAfter = !row.after.isUnlisted
      let before = inBefore ? row.before.median : 0
      let after = inAfter ? row.after.median : 0
      listed.0 += before
      listed.1 += after
      if !stripLine {
        if inBefore && inAfter {
          bothListed.0 += before
          bothListed.1 += after
        } else if inBefore || inAfter {
          files[row.name] = (before, after, inBefore, inAfter)
        }
        continue
      }
      let name = Self.file(ofLocation: row.name)
      var entry = files[name] ?? (0, 0, false, false)
      entry.before += before
      entry.after += after
      entry.inBefore = entry.inBefore || inBefore
      entry.inAfter = entry.inAfter || inAfter
      files[name] = entry
    }
    let largerIsBefore = listed.0 >= listed.1
    var shared = largerIsBefore ? bothListed.0 : bothListed.1
    for e in files.values where e.inBefore && e.inAfter {
      shared += largerIsBefore ? e.before : e.after
    }
    var overlap = KeyOverlap(
      sharedBytes: shared, listedBytes: largerIsBefore ? listed.0 : listed.1, checkout: nil)
    overlap.checkout = checkout(files, rawPath: rawPath)
    return overlap
  }

  /// The most common pair of leading folders among files listed on one side only whose paths
  /// end alike in a folder and a file; at least two files must agree on it.
  private static func checkout(
    _ files: [String: (before: Double, after: Double, inBefore: Bool, inAfter: Bool)],
    rawPath: (Int, String) -> String?
  ) -> Checkout? {
    let onlyBefore = files.filter { $0.value.inBefore && !$0.value.inAfter }
      .sorted {
        $0.value.before != $1.value.before ? $0.value.before > $1.value.before : $0.key < $1.key
      }
    var afterByName: [Substring: [String]] = [:]
    for (name, entry) in files where entry.inAfter && !entry.inBefore {
      afterByName[lastComponent(name), default: []].append(name)
    }
    for key in afterByName.keys { afterByName[key]?.sort() }
    struct Vote {
      var files = 0
      var bytes = 0.0
      var example: (before: String, after: String)
    }
    var votes: [String: Vote] = [:]
    var used = Set<String>()
    for (name, entry) in onlyBefore {
      // The candidate with the longest common ending wins (then the first by name).
      var best: (after: String, suffix: Int)?
      // At most `candidateLimit` files of one name: thousands of `index.rb` cannot make it
      // quadratic.
      for other in (afterByName[lastComponent(name)] ?? []).prefix(Self.candidateLimit)
      where !used.contains(other) {
        let suffix = commonSuffixLength(name, other)
        if suffix > (best?.suffix ?? 0) { best = (other, suffix) }
      }
      // A common ending of one component (`a.rb`) is a file moved to another folder, not a
      // checkout: the ending must hold a folder too (`models/a.rb`).
      guard let best, name.utf8.suffix(best.suffix).contains(UInt8(ascii: "/"))
      else { continue }
      used.insert(best.after)
      let beforePrefix = String(name.utf8.dropLast(best.suffix)) ?? ""
      let afterPrefix = String(best.after.utf8.dropLast(best.suffix)) ?? ""
      let key = beforePrefix + "\u{0}" + afterPrefix
      var vote = votes[key] ?? Vote(example: (name, best.after))
      vote.files += 1
      vote.bytes += entry.before
      votes[key] = vote
    }
    guard
      let (key, vote) = votes.max(by: { a, b in
        a.value.files != b.value.files
          ? a.value.files < b.value.files
          : (a.value.bytes != b.value.bytes ? a.value.bytes < b.value.bytes : a.key > b.key)
      }), vote.files >= 2
    else { return nil }
    let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false)
    let rawBefore = rawPath(0, vote.example.before) ?? vote.example.before
    let rawAfter = rawPath(1, vote.example.after) ?? vote.example.after
    let rawSuffix = commonSuffixLength(rawBefore, rawAfter)
    func root(_ path: String) -> String? {
      var prefix = String(path.utf8.dropLast(rawSuffix)) ?? ""
      while prefix.count > 1 && prefix.hasSuffix("/") { prefix.removeLast() }
      return prefix.isEmpty ? nil : prefix
    }
    return Checkout(
      beforePrefix: String(parts[0]), afterPrefix: String(parts[1]), files: vote.files,
      bytes: vote.bytes, example: vote.example, rootBefore: root(rawBefore),
      rootAfter: root(rawAfter))
  }

  /// `a/b/c.rb:12` → `a/b/c.rb`.
  static func file(ofLocation name: String) -> String {
    guard let colon = name.lastIndex(of: ":"),
      name[name.index(after: colon)...].allSatisfy(\.isNumber)
    else { return name }
    return String(name[..<colon])
  }

  static func lastComponent(_ path: String) -> Substring {
    path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
  }

  /// The length in UTF-8 bytes of the longest common ending of whole path components
  /// (`shop/lib/x.rb` and `srv/app/shop/lib/x.rb` end alike in all of `shop/lib/x.rb`).
  static func commonSuffixLength(_ a: String, _ b: String) -> Int {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    var i = 0
    var lastBoundary = 0
    while i < x.count && i < y.count && x[x.count - 1 - i] == y[y.count - 1 - i] {
      i += 1
      let atStartA = i == x.count || x[x.count - 1 - i] == UInt8(ascii: "/")
      let atStartB = i == y.count || y[y.count - 1 - i] == UInt8(ascii: "/")
      if atStartA && atStartB { lastBoundary = i }
    }
    return lastBoundary
  }
}
