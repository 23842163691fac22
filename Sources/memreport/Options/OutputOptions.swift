import ArgumentParser
import MemReportKit
import MemReportCore

/// A command and the formats it writes: the one list its `--help`, completions and validation
/// read (each subcommand hands on its feature's list).
protocol FormatList {
  static var formats: [OutputFormat] { get }
}

/// A `--format` value among the formats of `List` only.
struct FormatChoice<List: FormatList>: ExpressibleByArgument {
  var format: OutputFormat

  init?(argument: String) {
    guard let format = OutputFormat(rawValue: argument), List.formats.contains(format) else {
      return nil
    }
    self.format = format
  }

  static var allValueStrings: [String] { List.formats.map(\.rawValue) }
  var defaultValueDescription: String { format.rawValue }
}

/// When to colour text output.
enum ColourChoice: String, CaseIterable, ExpressibleByArgument {
  case auto, always, never
}

/// `--color`: for the commands whose text output has colour (report, trend).
struct ColourOptions: ParsableArguments {
  @Option(
    name: .customLong("color"),
    help: "Colour text output: auto (terminal only, honours NO_COLOR), always, never.")
  var colour: ColourChoice = .auto
}

/// `--format`, `-o`, `--quiet`, `--templates`, `--svg`: shared by every command; `List` is the
/// command's formats.
struct OutputOptions<List: FormatList>: ParsableArguments {
  /// Output format; inferred from `-o`'s extension when not given, else text.
  @Option(
    name: .customLong(Flags.format),
    help: "Output format (default: from -o's extension, else text).")
  var formatChoice: FormatChoice<List>?

  var format: OutputFormat? { formatChoice?.format }

  /// Output path; standard output when absent or `-`.
  @Option(
    name: [.short, .customLong("output")], help: "Write to this file (default: standard output).")
  var output: String?

  @Flag(name: .shortAndLong, help: "Do not print warnings (errors still print).")
  var quiet = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "HTML: render with the templates of this folder instead of the shipped ones (same file names). Templates are code: use only folders you trust.",
      valueName: "dir"))
  var templates: String?

  @Option(
    name: .customLong("svg"),
    help: ArgumentHelp(
      "Also write each chart as a standalone .svg file into this folder.", valueName: "dir"))
  var svgDirectory: String?

  /// The HTML templates to use, loaded once (only for HTML output).
  func loadTemplates(for format: OutputFormat) throws -> HTMLTemplates? {
    guard format == .html || svgDirectory != nil else { return nil }
    return try HTMLTemplates.load(overriding: templates)
  }

  /// Checks the format implied by `-o` against what the command writes.
  func validate() throws {
    let supported = List.formats
    let names = supported.map(\.rawValue).joined(separator: "|")
    if format == nil, let output, output != "-", !output.hasPrefix("/dev/") {
      let inferred = OutputFormat(pathExtensionOf: output)
      if let inferred, !supported.contains(inferred) {
        throw ValidationError(
          "this command writes \(names), not '\(inferred.rawValue)' (from '\(output)'); pass '--format'"
        )
      }
      if inferred == nil && output.contains(".") {
        throw ValidationError("cannot tell the format from '\(output)': pass '--format \(names)'")
      }
    }
  }

  /// The format asked for, or the one the output path implies.
  var resolvedFormat: OutputFormat {
    if let format { return format }
    if let output, let inferred = OutputFormat(pathExtensionOf: output) { return inferred }
    return .text
  }

  /// Whether to colour: text to a terminal, unless NO_COLOR or `--color never`.
  func useColour(_ colour: ColourOptions) -> Bool {
    guard resolvedFormat == .text else { return false }
    switch colour.colour {
    case .always: return true
    case .never: return false
    case .auto:
      if POSIX.environment("NO_COLOR") != nil { return false }
      return (output == nil || output == "-") && FileHandleStream.isTerminal(POSIX.standardOutput)
    }
  }
}

/// `--top`: how many rows of each section to show, for `report` and `diff`.
struct RowOptions: ParsableArguments {
  @Option(
    name: .customLong(Flags.top),
    help:
      "Rows per section (and strings per string report) to show; text default 10, HTML 100, JSON all."
  )
  var top: Int?

  mutating func validate() throws {
    if let top, top < 1 { throw ValidationError("'--top' must be at least 1, got \(top)") }
  }
}
