import MemReportCore
/// Large drops found in a series before the trend is measured. A drop is a fall between two
/// samples far beyond the noise that the next samples do not undo (not a one-sample dip).
/// One or two drops are a restart or a big GC: the stretch after them is analysed on its own.
/// Three or more are a GC sawtooth: the trend is measured on the lower envelope (the memory left
/// after each drop), so the teeth are not mistaken for growth and a leak under them still shows.
public struct TrendPattern: Sendable, Equatable {
  /// A fall in memory between `sample − 1` and `sample`.
  public struct Drop: Sendable, Equatable {
    /// The first sample after the fall (0-based).
    public var sample: Int
    /// How far memory fell, MiB (positive).
    public var sizeMiB: Double

    public init(sample: Int, sizeMiB: Double) {
      self.sample = sample
      self.sizeMiB = sizeMiB
    }
  }

  public var drops: [Drop] = []
  /// The drops recur (three or more): a sawtooth, analysed on its lower envelope.
  public var sawtooth = false
  /// Median samples between drops, for a sawtooth.
  public var period: Double?
  /// The centred rolling-minimum window (samples) used for the lower envelope.
  public var envelopeWindow: Int?

  public init() {}
}
