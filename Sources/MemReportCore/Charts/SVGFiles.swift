#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Each chart as a standalone `.svg` file in a folder (through `OutputFile`, so none is left
/// half-written).
package enum SVGFiles {
  /// Creates `directory` (and its parents) when missing.
  /// - Throws: `MemReportError.cannotWrite` when it cannot be created or is not a folder.
  package static func prepare(_ directory: String) throws {
    var path = ""
    for part in directory.split(separator: "/", omittingEmptySubsequences: false) {
      path += (path.isEmpty && directory.hasPrefix("/") ? "" : (path.isEmpty ? "" : "/")) + part
      if path.isEmpty { path = "/"; continue }
      var info = stat()
      if FileName.withCString(path, { stat($0, &info) }) == 0 {
        guard info.st_mode & S_IFMT == S_IFDIR else {
          throw MemReportError.cannotWrite(path: directory, reason: "\(path) is not a folder")
        }
        continue
      }
      guard FileName.withCString(path, { mkdir($0, 0o777) }) == 0 || errno == EEXIST else {
        throw MemReportError.cannotWrite(path: directory, reason: SystemError.message(errno))
      }
    }
  }

  /// Writes `charts` into `directory` as `<name>.svg`.
  /// - Returns: the paths written.
  @discardableResult
  package static func write(_ charts: [SVGChart], to directory: String) throws -> [String] {
    try prepare(directory)
    return try charts.map { try write(named: $0.name, document: try $0.document(), to: directory) }
  }

  /// Writes one SVG document as `directory/name.svg`.
  @discardableResult
  package static func write(named name: String, document: String, to directory: String) throws
    -> String
  {
    let path = (directory.hasSuffix("/") ? directory : directory + "/") + name + ".svg"
    let out = try OutputFile.create(path)
    out.write(document)
    try out.commit()
    return path
  }
}
