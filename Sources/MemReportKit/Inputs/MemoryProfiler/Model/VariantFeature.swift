import MemReportCore
/// A trait of the input that tells which memory_profiler version, option or paste habit produced
/// it. Reported in the metadata so nothing the parser adapted to goes unsaid.
public enum VariantFeature: String, CaseIterable, Sendable, Codable, Comparable {
  /// `Total allocated: N bytes (M objects)` (0.9.4 and later).
  case bytesAndObjectsHeader = "header: bytes and objects"
  /// `Total allocated 82375`, objects only, no colon (0.0.x–0.9.3).
  case objectsOnlyHeader = "header: objects only (0.9.3 or older)"
  /// `Total allocated 41181580 (221034)` (an unreleased 2015 build).
  case unlabelledHeader = "header: unlabelled numbers"
  /// `Total allocated:  bytes ( objects)`: numbers missing.
  case emptyHeader = "header: numbers missing"
  /// Sizes printed with `scale_bytes: true` as `%.2f` (0.9.14 and later).
  case scaledTwoDecimals = "scale_bytes (%.2f, 0.9.14 or later)"
  /// Sizes printed with `scale_bytes: true` as `Float#round(2)` (0.9.13).
  case scaledRounded = "scale_bytes (rounded, 0.9.13)"
  /// Paths look like `normalize_paths: true` output.
  case normalizedPaths = "normalize_paths"
  /// All 16 sections, including `by class` (0.9.3 and later).
  case sixteenSections = "16 sections"
  /// 12 sections, no `by class` (0.9.2 and older).
  case twelveSections = "12 sections (0.9.2 or older)"
  /// `data x count` rows (0.0.3–0.0.4).
  case legacyRows = "legacy 'data x count' rows (0.0.x)"
  /// At least one section printed `NO DATA`.
  case noData = "NO DATA sections"
  /// `detailed_report: false`: header (and string reports) without sections.
  case notDetailed = "detailed_report: false"
  case allocatedStringReport = "allocated string report"
  case retainedStringReport = "retained string report"
  /// ANSI colour codes (a terminal capture or `color_output: true`).
  case ansiColour = "ANSI colour codes"
  case crlf = "CRLF line endings"
  case byteOrderMark = "UTF-8 byte order mark"
  case tabs = "tabs"
  case nonBreakingSpaces = "non-breaking spaces"
  case invalidUTF8 = "invalid UTF-8"
  /// UTF-16 (Windows PowerShell's `>`), decoded as it was read.
  case utf16 = "UTF-16 (decoded)"
  case gzip = "gzip (inflated)"
  /// Markdown fences, `## ` titles or prose around the report.
  case markdown = "Markdown"
  /// A title printed without its dashes line.
  case titleWithoutDashes = "titles without dashes"
  case shellNoise = "shell prompts or commands"
  case elisions = "elisions ('...')"
  case truncated = "truncated last line"
  case headerless = "no header (sections only)"
  case derailedPreamble = "derailed preamble"
  /// derailed's default `perf:rack_load` instructions ("You're not using Rails ...") before the
  /// preamble: a Rack app whose perf.rake adds its own action.
  case derailedBanner = "derailed's 'not using Rails' banner"

  public static func < (lhs: VariantFeature, rhs: VariantFeature) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}
