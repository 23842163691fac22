import MemReportCore
/// Where a file path comes from: the gem memory_profiler would name for it, and its origin.
package enum PathClassifier {
  /// Coarse origin of allocations, for `--by origin`.
  package enum Origin: String, CaseIterable, Sendable {
    case app = "app"
    case gems = "gems"
    case stdlib = "Ruby stdlib"
    case other = "other"
  }

  /// The origin of a raw or normalized path: `other` for `<internal:...>`, `(eval)` and
  /// `(no name)`; `gems` for gem install paths (`.../gems/x-1.2/...`, `x-1.2/lib/...`); `Ruby
  /// stdlib` for `ruby/3.1.0/...`, `ruby/lib/...` and Debian's `vendor_ruby`; `app` otherwise.
  package static func origin(of path: String) -> Origin {
    if path.hasPrefix("<") || path.hasPrefix("(") { return .other }
    if PathNormalizer.afterLastGemsFolder(path) != nil || isNormalizedGemPath(path) { return .gems }
    if PathNormalizer.stdlibForm(path) != nil || path.hasPrefix("ruby/lib/")
      || path.contains("/vendor_ruby/")
      || path.contains("/rubygems/") || path.hasPrefix("rubygems/")
    {
      return .stdlib
    }
    return .app
  }

  /// memory_profiler's `Helpers#guess_gem`, extended to paths that were already normalized:
  /// the gem folder, `rubygems`, the stdlib library, the app folder (`shop/app`), or `other`.
  package static func gem(of path: String) -> String {
    if let afterGems = PathNormalizer.afterLastGemsFolder(path) {
      return String(afterGems.prefix { $0 != "/" })
    }
    if path.contains("/rubygems/") || path.contains("/rubygems.") || path.hasPrefix("rubygems/") {
      return "rubygems"
    }
    if let stdlib = PathNormalizer.stdlibForm(path) ?? (path.hasPrefix("ruby/lib/") ? path : nil) {
      let library = stdlib.dropFirst("ruby/lib/".count).prefix { $0 != "/" && $0 != "." }
      return String(library)
    }
    if isNormalizedGemPath(path) { return String(path.prefix { $0 != "/" }) }
    if path.hasPrefix("<") || path.hasPrefix("(") { return "other" }
    if let app = PathNormalizer.appForm(path) {
      let parts = app.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
      if parts.count >= 2 { return parts[0] + "/" + parts[1].prefix(3) }
    }
    return "other"
  }

  /// `activesupport-7.0.4/lib/x.rb`: a first folder named like `<gem>-<version>`.
  static func isNormalizedGemPath(_ path: String) -> Bool {
    guard !path.hasPrefix("/"), let slash = path.firstIndex(of: "/") else { return false }
    let folder = path[..<slash]
    guard let dash = folder.lastIndex(of: "-"), dash != folder.startIndex else { return false }
    // `ruby-2.3.3/lib` is an old stdlib name, not a gem.
    if folder.hasPrefix("ruby-") { return false }
    let after = folder[folder.index(after: dash)...]
    return (after.first?.isNumber ?? false) || (after.count == 12 && after.allSatisfy(\.isHexDigit))
  }
}
