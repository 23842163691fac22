import MemReportCore
/// `--fail-on-increase 5%` / `--fail-on-increase 100kB`: a limit on how much one total may grow,
/// for CI. Crossing it is exit code 1, distinct from the error codes of bad input.
public struct DiffGate: Sendable, Equatable {
  /// Which total the gate watches (`--gate`).
  public enum Metric: String, CaseIterable, Sendable {
    case allocatedBytes = "allocated-bytes"
    case allocatedObjects = "allocated-objects"
    case retainedBytes = "retained-bytes"
    case retainedObjects = "retained-objects"

    var state: AllocationState {
      self == .allocatedBytes || self == .allocatedObjects ? .allocated : .retained
    }
    var metric: MemReportKit.Metric {
      self == .allocatedBytes || self == .retainedBytes ? .memory : .objects
    }
  }

  public enum Limit: Sendable, Equatable {
    case percent(Double)
    /// Bytes for byte gates, objects for object gates.
    case amount(Double)
  }

  /// Which rows the gated total sums (`--gate-scope`).
  public enum Scope: String, CaseIterable, Sendable {
    /// The report's header total: every allocation, whatever the file filters kept.
    case report
    /// The rows `--allow-files`/`--ignore-files` kept (`ProfileDiff.filteredTotals`): the sum of
    /// the `… by file` section, an interval when the lists were cut at top N.
    case filtered
  }

  public var metric: Metric
  public var limit: Limit
  /// The limit as the user wrote it.
  public var text: String
  /// The report's total (default), or the filtered rows.
  public var scope: Scope = .report

  /// Parses `5%`, `0.5%`, `100kB`, `1.5 MB`, `64KiB`, `2MiB`, `500B`, or a plain number of objects
  /// on an objects gate.
  /// - Throws: `MemReportError.usage` for anything else: a size on an objects gate, or a plain
  ///   number on a bytes gate (is `5` five bytes or five kilobytes? it must say).
  public init(limit text: String, metric: Metric = .allocatedBytes) throws {
    self.metric = metric
    self.text = text
    let trimmed = text.filter { $0 != " " }
    if trimmed.hasSuffix("%") {
      guard let value = Double(trimmed.dropLast()), value >= 0 else {
        throw MemReportError.usage(
          "'\(OptionNames.current.failOnIncrease) \(text)': expected a percentage like 5% or a size like 100kB"
        )
      }
      limit = .percent(value)
      return
    }
    let units: [(String, Double)] = [
      ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824),
      ("kB", 1000), ("KB", 1000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1),
    ]
    for (unit, scale) in units where trimmed.hasSuffix(unit) {
      guard let value = Double(trimmed.dropLast(unit.count)), value >= 0 else { break }
      guard metric.metric == .memory else {
        throw MemReportError.usage(
          "'\(OptionNames.current.failOnIncrease) \(text)': a size needs a bytes gate, but '\(OptionNames.current.gate) \(metric.rawValue)' counts objects"
        )
      }
      limit = .amount(value * scale)
      return
    }
    guard let value = Double(trimmed), value >= 0 else {
      throw MemReportError.usage(
        "'\(OptionNames.current.failOnIncrease) \(text)': expected a percentage like 5% or a size like 100kB"
      )
    }
    guard metric.metric == .objects else {
      throw MemReportError.usage(
        "'\(OptionNames.current.failOnIncrease) \(text)': a bytes gate needs a unit (\(text)B, \(text)kB) or a percentage; a plain number counts objects on an objects gate ('\(OptionNames.current.gate) allocated-objects')"
      )
    }
    limit = .amount(value)
  }

  /// The gate's verdict on a diff (`DiffDocument.gateMessage` words it).
  public struct Result: Sendable, Equatable {
    /// The gate that judged.
    public var gate: DiffGate
    public var passed: Bool
    /// The watched total's change; `nil` when a side does not give the total (`DiffRun` then stops
    /// with unusable input: the gate cannot judge).
    public var delta: Double?
    public var deltaPercent: Double?
    /// How far `delta` may be off because the reports printed scaled sizes (0 when exact).
    public var rounding = 0.0
    /// The rounding interval straddles the limit: the reports cannot tell whether it was crossed
    /// (`DiffRun` then stops with unusable input; a gate never fails on rounding).
    public var undecided = false
    /// A gate on filtered rows: the total it summed (`nil` for the report's total).
    public var filtered: FilteredTotal?
  }

  public func evaluate(_ diff: ProfileDiff) -> Result {
    if scope == .filtered { return evaluateFiltered(diff) }
    guard let total = diff.total(metric.state, metric.metric), let delta = total.delta else {
      return Result(gate: self, passed: false, delta: nil, deltaPercent: nil)
    }
    let rounding = total.rounding
    let base = total.before?.median ?? 0
    func over(_ change: Double) -> Bool {
      switch limit {
      case .percent(let p):
        return change > 0 && (base > 0 ? change / base * 100 > p : true)
      case .amount(let a):
        return change > a
      }
    }
    // Crossed only when even the smallest change the rounding allows is over the limit.
    let crossed = over(delta - rounding)
    let undecided = !crossed && over(delta + rounding)
    return Result(
      gate: self, passed: !crossed && !undecided, delta: delta, deltaPercent: total.deltaPercent,
      rounding: rounding, undecided: undecided)
  }

  /// The gate on the sum of the filtered rows: crossed only when even the smallest change the
  /// cut lists and the rounding allow is over the limit, undecided when only a larger one is.
  private func evaluateFiltered(_ diff: ProfileDiff) -> Result {
    guard let total = diff.filteredTotal(metric.state, metric.metric) else {
      return Result(gate: self, passed: false, delta: nil, deltaPercent: nil)
    }
    let (low, high) = total.deltaRange
    func over(_ change: Double, base: Double) -> Bool {
      switch limit {
      case .percent(let p):
        return change > 0 && (base > 0 ? change / base * 100 > p : true)
      case .amount(let a):
        return change > a
      }
    }
    let before = total.before
    let crossed = over(low, base: before.high + before.rounding)
    let undecided = !crossed && over(high, base: max(before.low - before.rounding, 0))
    var result = Result(
      gate: self, passed: !crossed && !undecided, delta: total.delta,
      deltaPercent: total.deltaPercent, rounding: before.rounding + total.after.rounding,
      undecided: undecided)
    result.filtered = total
    return result
  }
}
