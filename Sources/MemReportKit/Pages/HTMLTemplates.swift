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
  /// The folder of `--templates`, whose pages are checked before they are written; nil when shipped.
  let customOrigin: String?

  /// The shipped templates.
  public static func embedded() throws -> HTMLTemplates {
    try HTMLTemplates(files: EmbeddedTemplates.all, origin: "the shipped templates", custom: false)
  }

  /// The shipped templates with the files of `directory` in their place.
  /// - Throws: `MemReportError.cannotOpen` when the folder or a file cannot be read,
  ///   `.unusableInput` when the folder holds none of the template files, or naming the file and
  ///   line of a template that does not parse or includes itself.
  public static func load(overriding directory: String?) throws -> HTMLTemplates {
    guard let directory else { return try embedded() }
    if let problem = POSIX.folderProblem(directory) {
      throw MemReportError.cannotOpen(path: directory, reason: problem)
    }
    var files = EmbeddedTemplates.all
    var overridden = 0
    for name in EmbeddedTemplates.all.keys {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      guard let input = try InputFile.openIfPresent(path) else { continue }
      defer { input.close() }
      files[name] = String(decoding: try input.readAll(limit: 4 << 20), as: UTF8.self)
      overridden += 1
    }
    guard overridden > 0 else {
      throw MemReportError.unusableInput(
        path: directory, line: nil,
        reason:
          "holds none of the template files (\(EmbeddedTemplates.all.keys.sorted().joined(separator: ", ")))"
      )
    }
    return try HTMLTemplates(files: files, origin: directory, custom: true)
  }

  package init(files: [String: String], origin: String, custom: Bool = true) throws {
    try Self.checkPartials(files, origin: origin)
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
    customOrigin = custom ? origin : nil
  }

  /// Refuses partials that include themselves, directly or through others (rendering them never
  /// ends: the stack overflows), and delimiter changes, behind which a partial cannot be seen.
  private static func checkPartials(_ files: [String: String], origin: String) throws {
    var includes: [String: [(name: String, line: Int)]] = [:]
    for (file, text) in files where file.hasSuffix(".mustache") {
      let name = String(file.dropLast(".mustache".count))
      var found: [(String, Int)] = []
      var line = 1
      var rest = Substring(text)
      while let open = rest.range(of: "{{") {
        line += rest[..<open.lowerBound].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        var tag = rest[open.upperBound...]
        if tag.first == "=" {
          throw MemReportError.unusableInput(
            path: origin + "/" + file, line: line,
            reason: "changes the tag delimiters ({{=…=}}), which --templates does not support")
        }
        if tag.first == ">" {
          tag = tag.dropFirst().drop { $0 == " " }
          let partial = tag.prefix { $0 != "}" && $0 != " " }
          found.append((String(partial), line))
        }
        rest = rest[open.upperBound...]
      }
      includes[name] = found
    }
    // Depth-first search for a cycle; the chain names it.
    var state: [String: Int] = [:]  // 1 visiting, 2 done
    func visit(_ name: String, _ chain: [String]) throws {
      if state[name] == 2 { return }
      if state[name] == 1 {
        let start = chain.firstIndex(of: name) ?? 0
        let cycle = chain[start...].joined(separator: " → ")
        let first = chain[start]
        let line = includes[first]?.first { $0.name == chain[min(start + 1, chain.count - 1)] }?
          .line
        throw MemReportError.unusableInput(
          path: origin + "/" + first + ".mustache", line: line,
          reason: "partials include each other without end (\(cycle))")
      }
      state[name] = 1
      for include in includes[name] ?? [] where includes[include.name] != nil {
        try visit(include.name, chain + [include.name])
      }
      state[name] = 2
    }
    for name in includes.keys.sorted() { try visit(name, [name]) }
  }

  /// Renders page `name` (`report`, `diff`, `trend`) with `model`.
  public func render(_ name: String, _ model: Any) throws -> String {
    guard let text = library.render(TemplateModel.wrap(model) ?? model, withTemplate: name) else {
      throw MemReportError.usage("no template named '\(name)'")
    }
    if let customOrigin, !MarkupDocument.isWellFormed(text) {
      throw MemReportError.unusableInput(
        path: customOrigin, line: nil,
        reason:
          "the \(name) page these templates render is not well-formed XML; nothing was written")
    }
    return text
  }
}
