import CDigest
import MemReportCore

/// What every page's `head` and `foot` partials show: the title, the version, the inlined
/// stylesheet and script, the inputs named in the footer, and the Content-Security-Policy that
/// allows exactly that stylesheet and that script (by their SHA-256), so a name that slipped
/// markup into a page could still run nothing.
struct PageChrome {
  var title: String
  var version = HTMLTemplates.version
  /// The `<style>` element's whole text.
  var css: String
  /// The `<script>` element's whole text (the script inside a CDATA section, for XML parsers).
  var js: String
  var inputs: [String]
  /// The policy for the `Content-Security-Policy` meta element.
  var csp: String

  init(title: String, inputs: [String], templates: HTMLTemplates) {
    self.title = DisplayText.clean(title)
    css = templates.css
    js = "\n//<![CDATA[\n" + templates.script + "\n//]]>\n"
    self.inputs = inputs.map(DisplayText.clean)
    csp = Self.policy(style: css, script: js)
  }

  /// `default-src 'none'` with the one stylesheet and script allowed by hash; style attributes
  /// (bar widths) stay allowed, as they cannot run code.
  static func policy(style: String, script: String) -> String {
    "default-src 'none'; style-src \(source(style)); style-src-attr 'unsafe-inline'; "
      + "script-src \(source(script)); img-src data:; base-uri 'none'; form-action 'none'"
  }

  /// `'sha256-…'` of `text`'s UTF-8 bytes, or `'none'` if hashing fails (the page then runs no
  /// script rather than any script).
  static func source(_ text: String) -> String {
    var text = text
    var out = [CChar](repeating: 0, count: 45)
    let status = text.withUTF8 { bytes in
      memreport_sha256_base64(bytes.baseAddress, bytes.count, &out)
    }
    guard status == 0 else { return "'none'" }
    return "'sha256-"
      + String(decoding: out.prefix(44).map { UInt8(bitPattern: $0) }, as: UTF8.self)
      + "'"
  }
}
