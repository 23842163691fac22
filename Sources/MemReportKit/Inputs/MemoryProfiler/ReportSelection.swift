import MemReportCore

/// One input of `report` or `diff` and which of its reports to read: `paste.txt#2` (or
/// `--report 2`) picks the second report of a file that holds several, such as a pasted
/// before/after pair, so `memreport diff both.txt#1 both.txt#2` compares them.
public struct ReportSelection: Sendable, Equatable {
  /// The file to open (`-` for standard input).
  public var path: String
  /// The 1-based report to read; `nil` reads every report.
  public var report: Int?

  public init(path: String, report: Int?) {
    self.path = path
    self.report = report
  }

  /// Reads `FILE#N` as report N of FILE when no file is named `FILE#N` literally and N is a
  /// positive decimal number; `--report N` (`report`) applies when the argument names none.
  /// - Throws: `MemReportError.usage` when the argument and `--report` name different reports, or
  ///   when a report number is not positive.
  public init(argument: String, report: Int? = nil) throws {
    var path = argument
    var selected: Int?
    if POSIX.regularFileSize(argument) == nil, let hash = argument.lastIndex(of: "#") {
      let digits = argument[argument.index(after: hash)...]
      if !digits.isEmpty, digits.count <= 9, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
        let n = Int(digits)
      {
        path = String(argument[..<hash])
        selected = n
      }
    }
    if let report, let selected, report != selected {
      throw MemReportError.usage(
        "\(argument) names report \(selected), but report \(report) was asked for")
    }
    let n = selected ?? report
    if let n, n < 1 {
      throw MemReportError.usage("report numbers start at 1: \(argument) names report \(n)")
    }
    self.path = path
    self.report = n
  }

  /// The file `argument` names (`FILE#N` without `#N`), for messages and detection before the
  /// selection is checked (a bad selection is reported where it is read).
  public static func path(of argument: String, report: Int? = nil) -> String {
    do { return try ReportSelection(argument: argument, report: report).path } catch {
      return argument
    }
  }

  /// `paste.txt#2`, or the path alone.
  public var text: String { report.map { "\(path)#\($0)" } ?? path }

  /// Streams the selected reports of the input to `onProfile`.
  /// - Returns: the number of reports in the input (all of them, selected or not).
  /// - Throws: `MemReportError.usage` when the input has fewer reports than the one selected,
  ///   and what opening and parsing the input throw.
  @discardableResult
  public func read(
    progress: ((Int) -> Void)? = nil, onProfile: @escaping (Profile) throws -> Void
  ) throws -> Int {
    let file = try InputFile.open(path)
    defer { file.close() }
    return try read(file, progress: progress, onProfile: onProfile)
  }

  /// The same on an input already opened from `path`.
  @discardableResult
  public func read(
    _ file: InputFile, progress: ((Int) -> Void)? = nil,
    onProfile: @escaping (Profile) throws -> Void
  ) throws -> Int {
    let reader = try InputRegistry.profileReader(for: file)
    let wanted = report
    var found = false
    let count = try reader.read(file, progress: progress) { profile in
      guard let wanted else { return try onProfile(profile) }
      if profile.metadata.index == wanted {
        found = true
        try onProfile(profile)
      }
    }
    if let wanted, !found {
      throw MemReportError.usage(
        "\(path) holds \(Units.counted(count, "report")), so there is no report \(wanted)")
    }
    return count
  }
}
