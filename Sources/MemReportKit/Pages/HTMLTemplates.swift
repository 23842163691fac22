import MemReportTemplates
import Mustache
import MemReportCore

/// The page templates, compiled once: the shipped ones, or a folder's (`--templates DIR`), file
/// for file, with the shipped ones filling any gap.
public struct HTMLTemplates: Sendable {
  /// The version printed in every page's footer.
  public static let version = "0.1.0"

  let library: MustacheLibrary
  let css: String
  let script: String

  /// The shipped templates.
  public static func embedded() throws -> HTMLTemplates {
    try HTMLTemplates(files: EmbeddedTemplates.all, origin: "the shipped templates")
  }

  /// The shipped templates with the files of `directory` in their place.
  /// - Throws: `MemReportError.cannotOpen` when a file cannot be read, `.unusableInput` naming the
  ///   file and line of a template that does not parse.
  public static func load(overriding directory: String?) throws -> HTMLTemplates {
    guard let directory else { return try embedded() }
    var files = EmbeddedTemplates.all
    for name in EmbeddedTemplates.all.keys {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      guard let input = try InputFile.openIfPresent(path) else { continue }
      defer { input.close() }
      files[name] = String(decoding: try input.readAll(), as: UTF8.self)
    }
    return try HTMLTemplates(files: files, origin: directory)
  }

  package init(files: [String: String], origin: String) throws {
    var library = MustacheLibrary()
    for (file, text) in files where file.hasSuffix(".mustache") {
      do {
        try library.register(text, named: String(file.dropLast(".mustache".count)))
      } catch let error as MustacheTemplate.ParserError {
        throw MemReportError.unusableInput(
          path: origin + "/" + file, line: error.context.lineNumber,
          reason: "template does not parse: \(error.error)")
      }
    }
    self.library = library
    css = files["style.css"] ?? ""
    script = (files["script.js"] ?? "").replacingOccurrences(of: "]]>", with: "]] >")
  }

  /// Renders page `name` (`report`, `diff`, `trend`) with `model`.
  public func render(_ name: String, _ model: Any) throws -> String {
    guard let text = library.render(model, withTemplate: name) else {
      throw MemReportError.usage("no template named '\(name)'")
    }
    return text
  }
}
