import MemReportCore
/// What a diff's document needs besides the diff: the inputs, options, and the gate's verdict.
package struct DiffContext: Sendable {
  package var before: [String]
  package var after: [String]
  /// Rows per section to show in full (text, Markdown top movers); `nil`: the writer's default.
  package var top: Int?
  package var gate: DiffGate?
  package var gateResult: DiffGate.Result?
  /// How paths were normalized and filtered (from the first report).
  package var normalizer: PathNormalizer?
  /// The after side's, when it differs (`--root-before`/`--root-after`).
  package var afterNormalizer: PathNormalizer?
  package var filters: [FileFilter.Pattern]
  /// A `--git-diff` patch was used.
  package var patch: String?

  package init(
    before: [String], after: [String], top: Int? = nil, gate: DiffGate? = nil,
    gateResult: DiffGate.Result? = nil, normalizer: PathNormalizer? = nil,
    filters: [FileFilter.Pattern] = [], patch: String? = nil
  ) {
    self.before = before
    self.after = after
    self.top = top
    self.gate = gate
    self.gateResult = gateResult
    self.normalizer = normalizer
    self.filters = filters
    self.patch = patch
  }
}
