import CRE2
import MemReportCore

/// `--allow-files` / `--ignore-files`: regular expressions matched, unanchored, against a row's
/// file path, exactly as memory_profiler's `allow_files:`/`ignore_files:` and derailed's
/// `ALLOW_FILES` / `IGNORE_FILES_REGEXP` do. A path is dropped when any ignore pattern matches it;
/// otherwise, when allow patterns are given, it is kept only if one of them matches.
///
/// memreport matches each pattern against the path as printed and against its normalized form, so
/// `--allow-files shop/app` works on raw and normalized reports alike.
///
/// Patterns are RE2 syntax (Ruby's for everything a path filter needs, without backreferences and
/// lookarounds) and match in time linear in the path: `(a+)+$` cannot hang a run.
public struct FileFilter: Sendable {
  public enum Kind: String, Sendable { case allow, ignore }

  /// One pattern as the user gave it.
  public struct Pattern: Sendable {
    public var text: String
    public var kind: Kind
    let regex: CompiledPattern
  }

  /// One compiled RE2 program, freed with its last user; RE2 matching is thread-safe.
  final class CompiledPattern: @unchecked Sendable {
    private let handle: OpaquePointer

    init(_ text: String) throws(MemReportError) {
      var error = [CChar](repeating: 0, count: 256)
      var pattern = text
      let compiled = pattern.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) { chars in
          memreport_re2_compile(chars.baseAddress, chars.count, &error, error.count)
        }
      }
      guard let compiled else {
        let reason = String(
          decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw .usage(reason)
      }
      handle = compiled
    }

    func matches(_ text: String) -> Bool {
      var text = text
      return text.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) { chars in
          memreport_re2_search(handle, chars.baseAddress, chars.count) != 0
        }
      }
    }

    deinit { memreport_re2_free(handle) }
  }

  public private(set) var patterns: [Pattern] = []

  /// A filter that keeps every path.
  public static let none = FileFilter(patterns: [])

  private init(patterns: [Pattern]) { self.patterns = patterns }

  /// At most this many patterns (each is one bit of a per-path match mask).
  public static let maximumPatterns = 64

  /// Compiles the patterns. Each argument may hold several, separated by commas, as the
  /// memory_profiler CLI's `--allow-files a,b` does; a comma inside `{m,n}` stays in its pattern.
  /// - Throws: `MemReportError.usage` naming a pattern that is not a valid regular expression.
  public init(allow: [String] = [], ignore: [String] = []) throws {
    for (kind, arguments) in [(Kind.allow, allow), (Kind.ignore, ignore)] {
      for argument in arguments {
        for text in Self.splitOnCommas(argument) where !text.isEmpty {
          let regex: CompiledPattern
          do {
            regex = try CompiledPattern(text)
          } catch {
            throw MemReportError.usage(
              "'\(ProfileWording.option(kind)) \(text)' is not a valid regular expression: \(error)"
            )
          }
          patterns.append(Pattern(text: text, kind: kind, regex: regex))
        }
      }
    }
    if patterns.count > Self.maximumPatterns {
      throw MemReportError.usage(
        "at most \(Self.maximumPatterns) file patterns can be given, got \(patterns.count)")
    }
  }

  public var isEmpty: Bool { patterns.isEmpty }
  var hasAllow: Bool { patterns.contains { $0.kind == .allow } }

  /// Which patterns match `path` or its normalized form, as a bit mask over `patterns`.
  func matches(_ path: String, normalized: String) -> UInt64 {
    var mask: UInt64 = 0
    for (i, pattern) in patterns.enumerated() {
      if pattern.regex.matches(path) || (normalized != path && pattern.regex.matches(normalized)) {
        mask |= 1 << UInt64(i)
      }
    }
    return mask
  }

  /// Whether a path with this match mask is kept.
  func keeps(_ mask: UInt64) -> Bool {
    for (i, pattern) in patterns.enumerated()
    where pattern.kind == .ignore && mask & (1 << UInt64(i)) != 0 {
      return false
    }
    guard hasAllow else { return true }
    for (i, pattern) in patterns.enumerated()
    where pattern.kind == .allow && mask & (1 << UInt64(i)) != 0 {
      return true
    }
    return false
  }

  /// Splits on commas outside `{...}` and `[...]`.
  static func splitOnCommas(_ argument: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var escaped = false
    for ch in argument {
      if escaped {
        current.append(ch)
        escaped = false
        continue
      }
      switch ch {
      case "\\":
        escaped = true
        current.append(ch)
      case "{", "[":
        depth += 1
        current.append(ch)
      case "}", "]":
        depth = max(0, depth - 1)
        current.append(ch)
      case "," where depth == 0:
        parts.append(current)
        current = ""
      default:
        current.append(ch)
      }
    }
    parts.append(current)
    return parts
  }
}

/// How many rows one filter pattern matched in a report.
public struct FilterMatch: Sendable, Equatable {
  public var pattern: String
  public var kind: FileFilter.Kind
  /// Rows of the file and location sections whose path the pattern matched (for an ignore
  /// pattern, the rows it removed; for an allow pattern, the rows it kept).
  public var rows: Int
}
