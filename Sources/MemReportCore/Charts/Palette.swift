/// Every colour memreport draws with, in one place. Charts carry them as presentation attributes so
/// a standalone `.svg` file has colours; a page's stylesheet overrides them by class for the light
/// and dark schemes. Growth and shrink differ in lightness as well as hue, so charts read in
/// greyscale and for colour-blind readers, and a sign or badge always goes with the colour.
package enum Palette {
  // Charts inlined in pages (bars, icicles, diverging bars).
  package static let text = "#1f2328"
  package static let muted = "#59636e"
  package static let bar = "#3b6ea8"
  package static let grid = "#d1d9e0"
  package static let onBar = "#ffffff"
  /// Growth: dark orange; shrink: light blue.
  package static let grow = "#a63c06"
  package static let shrink = "#7cb5e0"
  package static let origins = [
    "app": "#2f6b3a", "gems": "#3b6ea8", "stdlib": "#8a6d1f", "other": "#8c959f",
  ]
  /// Icicle bands: pairs of a darker and a lighter shade per hue.
  package static let bands = [
    "#3b6ea8", "#5a8fc7", "#2f6b3a", "#4e8c58", "#8a6d1f", "#a8893a", "#6e4f9e", "#8c70b8",
  ]

  // Standalone line charts: a figure on white that stays readable when a dark page shows it.
  package static let paper = "#FFFFFF"
  package static let ink = "#111111"
  package static let axis = "#333333"
  package static let caption = "#444444"
  package static let note = "#555555"
  package static let footnote = "#666666"
  package static let marker = "#777777"
  package static let rule = "#E2E2E2"
  package static let frame = "#CCCCCC"
  /// Shading (with an opacity) and legend swatches.
  package static let shade = "#000000"
  /// A memory limit line.
  package static let limit = "#C62828"
  /// Series colours (Okabe–Ito), alternating dark and light, with a darker shade for fitted lines.
  package static let series: [(line: String, dark: String)] = [
    ("#0072B2", "#003B5C"), ("#E69F00", "#8A5F00"), ("#009E73", "#00573F"),
    ("#CC79A7", "#7A4864"), ("#56B4E9", "#1F6A94"), ("#555555", "#111111"),
  ]
}
