/// GitHub-flavoured Markdown escaping for text that comes from inputs (paths, class names, strings).
package enum MarkdownText {
  /// Text with Markdown and HTML meaning removed: `\`, `*`, `_`, backticks, `|`, `[`, `]` are
  /// backslash-escaped; `<`, `>` and `&` become entities.
  package static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\", "*", "_", "`", "|", "[", "]", "#", "~":
        out += "\\"
        out.unicodeScalars.append(scalar)
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case let control where TerminalText.isUnsafe(control):
        // A line ending would end the table row; other controls and bidi overrides are shown.
        out += TerminalText.shown(control).replacingOccurrences(of: "<", with: "&lt;")
          .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(
            of: "\\", with: "\\\\")
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A code span safe inside a table cell: a backtick fence longer than any run of backticks in the
  /// text, padded when the text starts or ends with a backtick, and `|` escaped (GFM tables split
  /// on it even inside code spans). `<` needs nothing: code spans are never HTML.
  package static func code(_ text: String) -> String {
    var longest = 0
    var run = 0
    for ch in text {
      if ch == "`" {
        run += 1
        longest = max(longest, run)
      } else {
        run = 0
      }
    }
    let fence = String(repeating: "`", count: longest + 1)
    // Inside a code span nothing is markup, but a line ending (`\n`, `\r`, `\r\n`) still ends a
    // table row: every control character and bidi override is shown instead.
    var body = TerminalText.visible(text).replacingOccurrences(of: "|", with: "\\|")
    if body.hasPrefix("`") || body.hasSuffix("`") || body.hasPrefix(" ") || body.isEmpty {
      body = " " + body + " "
    }
    return fence + body + fence
  }
}
