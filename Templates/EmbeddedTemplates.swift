/// The templates shipped inside the binary, by file name.
///
/// SwiftPM's `.embedInCode` turns each resource into a `PackageResources` byte array, so the
/// templates travel with the executable and no bundle lookup happens at run time.
public enum EmbeddedTemplates {
  /// Every shipped file: name to UTF-8 text.
  public static let all: [String: String] = [
    "head.mustache": text(PackageResources.head_mustache),
    "foot.mustache": text(PackageResources.foot_mustache),
    "table.mustache": text(PackageResources.table_mustache),
    "report.mustache": text(PackageResources.report_mustache),
    "diff.mustache": text(PackageResources.diff_mustache),
    "trend.mustache": text(PackageResources.trend_mustache),
    "boot-report.mustache": text(PackageResources.boot_report_mustache),
    "boot-diff.mustache": text(PackageResources.boot_diff_mustache),
    "leaks.mustache": text(PackageResources.leaks_mustache),
    "style.css": text(PackageResources.style_css),
    "script.js": text(PackageResources.script_js),
  ]

  private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
