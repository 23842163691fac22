/// Terminal styles (SGR escape sequences) for text output, applied only when colour is on.
package struct ANSI: Sendable {
  /// A style: its SGR parameters.
  package struct Style: Sendable {
    package let code: String
    package static let bold = Style(code: "1")
    package static let dim = Style(code: "2")
    package static let boldRed = Style(code: "1;31")
    package static let boldYellow = Style(code: "1;33")
    package static let boldGreen = Style(code: "1;32")
  }

  /// Whether to write escape sequences at all (a terminal, no `NO_COLOR`).
  package let enabled: Bool

  package init(enabled: Bool) { self.enabled = enabled }

  /// `text` in `style`, or as it is when colour is off.
  package func apply(_ style: Style, _ text: String) -> String {
    enabled ? "\u{1B}[\(style.code)m\(text)\u{1B}[0m" : text
  }

  package func bold(_ text: String) -> String { apply(.bold, text) }
  package func dim(_ text: String) -> String { apply(.dim, text) }

  /// Returns the cursor to the line's start and clears it (a progress line's end).
  package static let clearLine = "\r\u{1B}[K"
}
