import MemReportCore
/// Why a series got the verdict `inconclusive`.
public enum TrendUncertainty: Sendable, Equatable {
  /// Fewer samples than the analysis needs to see whether memory levels off.
  case tooShort(minimum: Int)
  /// The confidence interval of the tail's growth is too wide to rule growth in or out.
  case tooNoisy
  /// Memory grows significantly, but the growth may be below the practical threshold.
  case uncertainRate
  /// Memory still rises at the end but significantly more slowly than before: it may level off.
  /// Rates in MiB per sample.
  case slowingDown(fromPerSample: Double, toPerSample: Double)
  /// The tail's growth is one jump (`atSample`, MiB): flat before and after it, too close to the end
  /// to tell a single step (bloat) from the first of several (a leak).
  case singleStep(atSample: Int, heightMiB: Double)
  /// The drops (restarts or big GCs) leave no stretch long enough to analyse.
  case interruptedByDrops
}
