/// The templates shipped inside the binary, by file name.
///
/// SwiftPM's `.embedInCode` turns each resource into a `PackageResources` byte array, so the
/// templates travel with the executable and no bundle lookup happens at run time.
public enum EmbeddedTemplates {
  /// Every shipped template: file name to its UTF-8 text.
  public static let all: [String: String] = [
    "placeholder.html.mustache": String(
      decoding: PackageResources.placeholder_html_mustache, as: UTF8.self)
  ]
}
