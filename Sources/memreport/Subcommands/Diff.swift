import ArgumentParser
import MemReportKit
import MemReportCore

extension DiffGate.Metric: ExpressibleByArgument {}
extension DiffGate.Scope: ExpressibleByArgument {}

extension MemReportCommand {
  struct Diff: ParsableCommand, ReadsInputs, FormatList {
    static var formats: [OutputFormat] { OutputFormat.diffFormats }
    static let model = InputModel.profiles
    static let alsoReads = [InputModel.requireTrees]

    static let configuration = CommandConfiguration(
      abstract: "Compare memory_profiler reports before and after a change.",
      discussion: """
        memreport diff BEFORE AFTER, or with several runs per side: \
        memreport diff --before a1.txt a2.txt --after b1.txt b2.txt (values are medians; a change is \
        real only when the min–max ranges do not overlap). Rows are keyed on normalized paths; a key \
        printed on one side only while the other side's list was cut off is 'outside top N', with a \
        bound instead of zero. When the sides' paths cannot meet (two checkouts of one app, or \
        reports sharing almost no files), diff warns and names the --root-before/--root-after \
        folders that make them meet. With --allow-files/--ignore-files, the gate watches the kept \
        rows (--gate-scope). On derailed bundle:mem / perf:mem require trees (recognised by their \
        content), diff matches requires by path, compares medians of the runs with their spread, \
        and --fail-on-increase (5% or 2MiB) gates TOP, failing only on a real change.

        Exit codes: 0 success, 1 the --fail-on-increase limit was crossed (the report is still \
        written), 64 usage error, 65 unusable input (also a gate that cannot decide), 66 cannot \
        open an input, 74 cannot write.
        """
    )

    @Argument(
      help:
        "BEFORE and AFTER reports (omit when using --before/--after); FILE#N reads only its Nth report, so 'both.txt#1 both.txt#2' compares a pasted pair."
    )
    var files: [String] = []

    @Option(
      name: .customLong(Flags.report),
      help: ArgumentHelp(
        "Read only the Nth report of each input (1-based; FILE#N picks one per input).",
        valueName: "n"))
    var report: Int?

    @Option(
      name: .customLong("before"), parsing: .upToNextOption,
      help: "Reports of the runs before the change.")
    var beforeFiles: [String] = []

    @Option(
      name: .customLong("after"), parsing: .upToNextOption,
      help: "Reports of the runs after the change.")
    var afterFiles: [String] = []

    @Option(
      name: .customLong(Flags.gitDiff),
      help: ArgumentHelp(
        "A 'git diff -U0 OLD NEW' patch: map old line numbers to new ones so moved code compares as itself.",
        valueName: "patch"))
    var gitDiff: String?

    @Option(
      name: .customLong("iterations-before"),
      help: "Iterations profiled before (default: derailed's 'Running N times').")
    var iterationsBefore: Int?

    @Option(name: .customLong("iterations-after"), help: "Iterations profiled after.")
    var iterationsAfter: Int?

    @Option(
      name: .customLong(Flags.failOnIncrease),
      help: ArgumentHelp(
        "Exit 1 when the gated total grows by more than this: a percentage (5%) or a size (100kB, 1.5MB, 64KiB).",
        valueName: "limit"))
    var failOnIncrease: String?

    @Option(
      name: .customLong(Flags.gate),
      help: "The total --fail-on-increase watches (default allocated-bytes; on require trees, TOP)."
    )
    var gate: DiffGate.Metric?

    @Option(
      name: .customLong(Flags.gateScope),
      help:
        "Which rows the gate sums: 'filtered' (the rows --allow-files/--ignore-files kept; the default with those filters) or 'report' (the report's total)."
    )
    var gateScope: DiffGate.Scope?

    @Option(
      name: .customLong(Flags.rootBefore),
      help: ArgumentHelp(
        "Strip this folder from the BEFORE reports' paths (the app checked out elsewhere; overrides --root).",
        valueName: "dir"))
    var rootBefore: String?

    @Option(
      name: .customLong(Flags.rootAfter),
      help: ArgumentHelp(
        "Strip this folder from the AFTER reports' paths (overrides --root).", valueName: "dir"))
    var rootAfter: String?

    @OptionGroup(title: "Files and paths")
    var filterOptions: FilterOptions

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions<Diff>

    @OptionGroup(title: "Output")
    var rowOptions: RowOptions

    func validate() throws {
      let sides = try resolvedSides()
      if sides.before.isEmpty || sides.after.isEmpty {
        throw ValidationError("give BEFORE and AFTER, or --before FILE... --after FILE...")
      }
      if (sides.before + sides.after).filter({ $0 == "-" }).count > 1 {
        throw ValidationError("standard input ('-') can be only one of the inputs")
      }
      if let failOnIncrease {
        do { _ = try DiffGate(limit: failOnIncrease, metric: gate ?? .allocatedBytes) } catch let
          error
          as MemReportError
        {
          throw ValidationError(error.description)
        }
      }
      if gateScope != nil && failOnIncrease == nil {
        throw ValidationError("'--\(Flags.gateScope)' needs '--\(Flags.failOnIncrease)'")
      }
      if gateScope == .filtered && filterOptions.allowFiles.isEmpty
        && filterOptions.ignoreFiles.isEmpty
      {
        throw ValidationError(
          "'--\(Flags.gateScope) filtered' needs '--\(Flags.allowFiles)' or '--\(Flags.ignoreFiles)'"
        )
      }
      if let report, report < 1 { throw ValidationError("--report counts from 1, got \(report)") }
      for n in [iterationsBefore, iterationsAfter].compactMap({ $0 }) where n < 1 {
        throw ValidationError("iteration counts must be at least 1, got \(n)")
      }
    }

    /// The transform with a side's own root (`--root-before`/`--root-after`), else `--root`'s.
    func sideTransform(_ transform: ProfileTransform, root: String?) -> ProfileTransform {
      guard let root else { return transform }
      var side = transform
      side.normalizer = PathNormalizer(
        enabled: transform.normalizer.enabled, root: root,
        ignoreGemVersions: transform.normalizer.ignoreGemVersions)
      return side
    }

    func resolvedSides() throws -> (before: [String], after: [String]) {
      if beforeFiles.isEmpty && afterFiles.isEmpty {
        guard files.count == 2 else {
          throw ValidationError("expected two reports, BEFORE and AFTER; got \(files.count)")
        }
        return ([files[0]], [files[1]])
      }
      guard files.isEmpty else {
        throw ValidationError("give either BEFORE AFTER or --before/--after, not both")
      }
      return (beforeFiles, afterFiles)
    }

    func run() throws { try filterOptions.reading { try runReading() } }

    private func runReading() throws {
      let format = outputOptions.resolvedFormat
      let resolvedInputs = try resolvedSides()
      if let first = resolvedInputs.before.first, try BootCommands.isRequireTree(first) {
        // Options about memory_profiler rows mean nothing for require trees: say so.
        let unused: [(String, Bool)] = [
          (Flags.gitDiff, gitDiff != nil), (Flags.gateScope, gateScope != nil),
          (Flags.gate, gate != nil),
          (Flags.rootBefore, rootBefore != nil), (Flags.rootAfter, rootAfter != nil),
          ("iterations-before", iterationsBefore != nil),
          ("iterations-after", iterationsAfter != nil),
          (Flags.allowFiles, !filterOptions.allowFiles.isEmpty),
          (Flags.ignoreFiles, !filterOptions.ignoreFiles.isEmpty),
        ]
        if !outputOptions.quiet {
          for (flag, given) in unused where given {
            Diagnostics.warning(
              "'--\(flag)' applies to memory_profiler reports, not require trees: ignored")
          }
        }
        // `--report N` picks run N of each input, as `FILE#N` does.
        let select = { (paths: [String]) in
          try paths.map { try ReportSelection(argument: $0, report: report).text }
        }
        try BootCommands.diff(
          before: try select(resolvedInputs.before), after: try select(resolvedInputs.after),
          format: format,
          failOnIncrease: failOnIncrease, top: rowOptions.top, outputOptions: outputOptions)
        return
      }
      do {
        // `--report N` becomes `FILE#N` on each input; DiffRun reads the selections.
        let select = { (paths: [String]) in
          try paths.map { try ReportSelection(argument: $0, report: report).text }
        }
        let resolved = try resolvedSides()
        let sides = (before: try select(resolved.before), after: try select(resolved.after))
        let transform = try filterOptions.transform()
        var diffGate = try failOnIncrease.map {
          try DiffGate(limit: $0, metric: gate ?? .allocatedBytes)
        }
        diffGate?.scope = gateScope ?? (transform.filter.isEmpty ? .report : .filtered)
        var job = DiffRun(
          before: sides.before, after: sides.after, format: format, output: outputOptions.output,
          transform: sideTransform(transform, root: rootBefore),
          options: DiffOptions(
            iterationsBefore: iterationsBefore, iterationsAfter: iterationsAfter),
          gate: diffGate,
          top: rowOptions.top,
          patch: gitDiff)
        if rootBefore != nil || rootAfter != nil {
          job.afterTransform = sideTransform(transform, root: rootAfter)
        }
        job.templates = try outputOptions.loadTemplates(for: format)
        job.svgDirectory = outputOptions.svgDirectory
        // One warning budget per input file, however many reports it holds.
        var printers: [(path: String, printer: WarningPrinter)] = []
        let (diff, result) = try job.run { path, profile in
          guard !outputOptions.quiet else { return }
          if let known = printers.first(where: { $0.path == path }) {
            known.printer.print(profile.warnings)
          } else {
            let printer = WarningPrinter(path: path)
            printers.append((path, printer))
            printer.print(profile.warnings)
          }
        }
        for (_, printer) in printers { printer.finish() }
        if !outputOptions.quiet {
          let context = DiffContext(before: sides.before, after: sides.after)
          for warning in DiffDocument.warnings(diff, context: context) {
            Diagnostics.warning(warning)
          }
        }
        if let result, !result.passed {
          var err = FileHandleStream.standardError
          err.write(
            "memreport: gate: \(DiffDocument.gateMessage(result, filters: transform.filter.patterns))\n"
          )
          throw ExitCode(ExitCodes.gateCrossed)
        }
      } catch let error as MemReportError {
        throw ExitCodes.fail(error)
      }
    }
  }
}
