import ArgumentParser
import MemReportKit
import MemReportCore

@main
struct MemReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "memreport",
    abstract: "Make sense of saved Ruby memory profiles (memory_profiler, derailed_benchmarks).",
    discussion: """
      Exit codes: 0 success, 1 a diff gate was crossed, 64 usage error, 65 unusable input (not a report), \
      66 cannot open an input, 74 cannot write the output.
      """,
    version: "0.1.0",
    subcommands: [Report.self, Diff.self, Trend.self, Leaks.self],
    defaultSubcommand: nil
  )

  /// Parses, validates and runs with the command line's flag names bound, so every message the
  /// library words (validation included) names the flags a user typed.
  /// The arguments are read as bytes (`FileName`): a file name that is not UTF-8 still opens, and
  /// `-o` writes exactly the file named.
  static func main() {
    let arguments = (1..<Int(CommandLine.argc)).map { i in
      CommandLine.unsafeArgv[i].map { FileName.string(cString: $0) } ?? ""
    }
    OptionNames.$current.withValue(.commandLine) { main(arguments) }
  }
}

/// A subcommand and the model its inputs become (the registry's detection points users of the
/// wrong command to the right one).
protocol ReadsInputs {
  static var model: InputModel { get }
  /// Other models the command reads (it dispatches on the detected one).
  static var alsoReads: [InputModel] { get }
}

extension ReadsInputs {
  static var alsoReads: [InputModel] { [] }
}

extension MemReportCommand {
  /// The name of the first subcommand that reads inputs of `model`.
  static func command(reading model: InputModel) -> String? {
    for command in configuration.subcommands {
      if let reader = command as? any ReadsInputs.Type,
        reader.model == model || reader.alsoReads.contains(model)
      {
        return command._commandName
      }
    }
    return nil
  }
}
