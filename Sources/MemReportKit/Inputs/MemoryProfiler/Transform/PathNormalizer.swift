import MemReportCore
/// Rewrites file paths the way memory_profiler's `normalize_paths: true` does, so a raw report and
/// a normalized one (or reports from two machines) have the same keys.
///
/// The three rules, in order, from `Helpers#normalize_path` (formats.md §1.4, with the Ruby 3
/// stdlib form):
/// 1. gem install paths, `.../gems/actionpack-4.2.3/lib/x.rb` and bundler git gems
///    `.../bundler/gems/rails-f45267bc4230/activesupport/x.rb`, keep what follows the last
///    `/gems/`: `actionpack-4.2.3/lib/x.rb`;
/// 2. stdlib paths `.../ruby/3.1.0/set.rb` become `ruby/lib/set.rb`;
/// 3. app paths keep the folder before their first `app`, `lib` or `bin`:
///    `/home/u/shop/app/models/user.rb` becomes `shop/app/models/user.rb`.
///
/// Where those rules go wrong, this type does better: `<internal:PATH>` keeps its brackets (the
/// gem leaves a stray `>`; a report already normalized by the gem is repaired the same way),
/// `(eval at PATH:LINE)` normalizes the path inside, and Windows back-slashed drive paths are read
/// with forward slashes. Paths already normalized pass through unchanged.
public struct PathNormalizer: Sendable, Equatable {
  /// Apply memory_profiler's rules (`--normalize`, the default).
  public var enabled: Bool
  /// Strip this folder instead, for apps that live outside `app`/`lib`/`bin` (`--root DIR`).
  public var root: String?
  /// Drop gem versions (`actionpack-4.2.3/lib/x.rb` → `actionpack/lib/x.rb`), so reports from
  /// before and after a gem upgrade line up (`--ignore-gem-versions`).
  public var ignoreGemVersions: Bool

  public init(enabled: Bool = true, root: String? = nil, ignoreGemVersions: Bool = false) {
    self.enabled = enabled
    self.root = root.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 }
    self.ignoreGemVersions = ignoreGemVersions
  }

  /// Whether the normalizer changes anything at all.
  public var isIdentity: Bool { !enabled && root == nil && !ignoreGemVersions }

  /// The normalized form of a file path (the file part of a location).
  public func normalize(_ path: String) -> String {
    if isIdentity { return path }
    var path = path
    if path.first == "(" || path.first == "<" {
      if let inner = Self.wrapped(path, prefix: "(eval at ", suffix: ")") {
        // `(eval at /srv/app/a.rb:3)`: normalize the file inside, keep its line.
        let (file, line) = Self.splitLocation(inner)
        return "(eval at " + normalize(file) + (line.map { ":" + $0 } ?? "") + ")"
      }
      if let inner = Self.wrapped(path, prefix: "<internal:", suffix: ">") {
        return "<internal:" + normalize(inner) + ">"
      }
    }
    if enabled, path.hasSuffix(">"), !path.hasPrefix("<"), path.contains("/") {
      // memory_profiler's own normalize_paths turns `<internal:/usr/lib/x.rb>` into `usr/lib/x.rb>`.
      return "<internal:" + normalize(String(path.dropLast())) + ">"
    }
    if Self.isWindowsDrivePath(path) && path.contains("\\") {
      path = path.replacingBackslashes()
    }
    if let root, path == root || path.hasPrefix(root + "/") {
      return String(path.dropFirst(root.count).drop { $0 == "/" })
    }
    guard enabled else { return ignoreGemVersions ? Self.withoutGemVersion(path) : path }
    if PathClassifier.isNormalizedGemPath(path) {
      // Already normalized (`rails-f45267bc4230/activesupport/...`): rule 3 must not cut it again.
      return ignoreGemVersions ? Self.withoutGemVersion(path) : path
    }
    if let gem = Self.afterLastGemsFolder(path) {
      return ignoreGemVersions ? Self.withoutGemVersion(gem) : gem
    }
    if let stdlib = Self.stdlibForm(path) { return stdlib }
    if let app = Self.appForm(path) { return ignoreGemVersions ? Self.withoutGemVersion(app) : app }
    return path
  }

  /// A gem name without its version: `activesupport-7.0.4` → `activesupport`,
  /// `nokogiri-1.13.10-x86_64-linux` → `nokogiri`, `rails-f45267bc4230` → `rails`.
  public func gemName(_ name: String) -> String {
    ignoreGemVersions ? Self.withoutGemVersion(name) : name
  }

  // MARK: - memory_profiler's rules

  /// Rule 1, `%r!(/gems/.*)*/gems/(?<gemname>[^/]+)(?<rest>.*)!`: what follows the last `/gems/`
  /// that has a name after it.
  static func afterLastGemsFolder(_ path: String) -> String? {
    var path = path
    return path.withUTF8 { bytes -> String? in
      let needle: [UInt8] = Array("/gems/".utf8)
      var i = bytes.count - needle.count - 1
      while i >= 0 {
        if bytes[i] == needle[0], Self.matches(bytes, at: i, needle),
          bytes[i + needle.count] != UInt8(ascii: "/")
        {
          return String(
            decoding: UnsafeBufferPointer(rebasing: bytes[(i + needle.count)...]), as: UTF8.self)
        }
        i -= 1
      }
      return nil
    }
  }

  /// Rule 2, `%r!ruby/\d\.[^/]+/(?<stdlib>[^/.]+)(?<rest>.*)!` → `ruby/lib/<stdlib><rest>`.
  static func stdlibForm(_ path: String) -> String? {
    var path = path
    return path.withUTF8 { bytes -> String? in
      let needle: [UInt8] = Array("ruby/".utf8)
      let slash = UInt8(ascii: "/")
      var i = 0
      while i + needle.count < bytes.count {
        defer { i += 1 }
        guard bytes[i] == needle[0], Self.matches(bytes, at: i, needle) else { continue }
        var j = i + needle.count
        guard j + 1 < bytes.count, ASCII.isDigit(bytes[j]), bytes[j + 1] == ASCII.dot else {
          continue
        }
        j += 2
        let versionStart = j
        while j < bytes.count, bytes[j] != slash { j += 1 }
        // `[^/]+` needs one character, and a slash must follow it.
        guard j > versionStart, j < bytes.count else { continue }
        j += 1
        let stdlibStart = j
        while j < bytes.count, bytes[j] != slash, bytes[j] != ASCII.dot { j += 1 }
        guard j > stdlibStart else { continue }
        return "ruby/lib/"
          + String(decoding: UnsafeBufferPointer(rebasing: bytes[stdlibStart...]), as: UTF8.self)
      }
      return nil
    }
  }

  /// Rule 3, `%r!(?<app>[^/]+/(bin|app|lib))(?<rest>.*)!`: the path from the first folder that is
  /// followed by one whose name starts with `bin`, `app` or `lib`.
  static func appForm(_ path: String) -> String? {
    var path = path
    return path.withUTF8 { bytes -> String? in
      let slash = UInt8(ascii: "/")
      var segmentStart = 0
      var i = 0
      while i < bytes.count {
        if bytes[i] == slash {
          if i > segmentStart, Self.startsWithAppFolder(bytes, at: i + 1) {
            return String(
              decoding: UnsafeBufferPointer(rebasing: bytes[segmentStart...]), as: UTF8.self)
          }
          segmentStart = i + 1
        }
        i += 1
      }
      return nil
    }
  }

  private static func startsWithAppFolder(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    guard i + 3 <= bytes.count else { return false }
    let (a, b, c) = (bytes[i], bytes[i + 1], bytes[i + 2])
    return (a == UInt8(ascii: "b") && b == UInt8(ascii: "i") && c == UInt8(ascii: "n"))
      || (a == UInt8(ascii: "a") && b == UInt8(ascii: "p") && c == UInt8(ascii: "p"))
      || (a == UInt8(ascii: "l") && b == UInt8(ascii: "i") && c == UInt8(ascii: "b"))
  }

  private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ needle: [UInt8])
    -> Bool
  {
    guard i + needle.count <= bytes.count else { return false }
    for k in 0..<needle.count where bytes[i + k] != needle[k] { return false }
    return true
  }

  // MARK: - Helpers

  static func withoutGemVersion(_ path: String) -> String {
    let slash = path.firstIndex(of: "/") ?? path.endIndex
    let folder = path[..<slash]
    var cut: String.Index?
    var i = folder.startIndex
    while let dash = folder[i...].firstIndex(of: "-") {
      let after = folder[folder.index(after: dash)...]
      if let first = after.first, first.isNumber || isGitRevision(after) {
        cut = dash
        break
      }
      i = folder.index(after: dash)
    }
    guard let cut else { return path }
    return String(folder[..<cut]) + path[slash...]
  }

  /// Bundler's git checkouts end in a 12-hex-digit revision: `rails-f45267bc4230`.
  private static func isGitRevision(_ text: Substring) -> Bool {
    let revision = text.prefix { $0 != "-" }
    return revision.count == 12 && revision.allSatisfy(\.isHexDigit)
  }

  static func wrapped(_ text: String, prefix: String, suffix: String) -> String? {
    guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count > prefix.count + suffix.count
    else {
      return nil
    }
    return String(text.dropFirst(prefix.count).dropLast(suffix.count))
  }

  /// `file:12` → (`file`, `12`); the line only when all digits.
  static func splitLocation(_ text: String) -> (String, String?) {
    guard let colon = text.lastIndex(of: ":") else { return (text, nil) }
    let line = text[text.index(after: colon)...]
    guard !line.isEmpty, line.allSatisfy(\.isASCII), line.allSatisfy(\.isNumber) else {
      return (text, nil)
    }
    return (String(text[..<colon]), String(line))
  }

  static func isWindowsDrivePath(_ path: String) -> Bool {
    let u = Array(path.utf8.prefix(3))
    return u.count == 3 && ASCII.isLetter(u[0]) && u[1] == ASCII.colon
      && (u[2] == UInt8(ascii: "/") || u[2] == UInt8(ascii: "\\"))
  }
}

extension String {
  fileprivate func replacingBackslashes() -> String {
    String(map { $0 == "\\" ? "/" : $0 })
  }
}
