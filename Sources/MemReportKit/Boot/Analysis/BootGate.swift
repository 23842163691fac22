import MemReportCore

/// `--fail-on-increase 5%|2MiB` on a boot diff: crossed when TOP grows by more than the limit and
/// the growth is real (a change within noise never fails a build).
public struct BootGate: Sendable {
  public struct Result: Sendable {
    public var passed: Bool
    /// The limit as the user wrote it.
    public var limit: String
    /// TOP's change (KiB) and its share of TOP before.
    public var deltaKiB: Double
    public var percent: Double?
    public var overLimit: Bool
    public var verdict: BootDiff.Verdict
  }

  public var limit: DiffGate.Limit
  public var text: String

  /// Parses `5%`, `2MiB`, `500kB` (DiffGate's grammar; sizes are bytes, read here as MiB).
  public init(limit text: String) throws {
    let gate = try DiffGate(limit: text, metric: .allocatedBytes)
    limit = gate.limit
    self.text = text
  }

  public func evaluate(_ diff: BootDiff) -> Result {
    let delta = diff.top.deltaKiB
    let before = diff.top.before.medianKiB
    let percent = before > 0 ? delta / before * 100 : nil
    let over: Bool
    switch limit {
    case .percent(let p): over = (percent ?? (delta > 0 ? .infinity : 0)) > p
    case .amount(let bytes): over = delta * 1024 > bytes
    }
    return Result(
      passed: !(over && diff.top.verdict == .real), limit: text, deltaKiB: delta,
      percent: percent, overLimit: over, verdict: diff.top.verdict)
  }
}
