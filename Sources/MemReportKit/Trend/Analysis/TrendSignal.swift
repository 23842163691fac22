import MemReportCore
/// The values a verdict is computed on, prepared from a raw series: large drops found, the stretch
/// to analyse chosen, a sawtooth replaced by its lower envelope, and long series reduced to block
/// medians so the pairwise statistics stay bounded.
struct TrendSignal {
  /// The raw samples analysed.
  var range: Range<Int>
  /// Full-resolution analysis values over `range` (raw values, or the lower envelope).
  var values: [Double]
  /// One value per point: `values` or their block medians.
  var points: [Double]
  var samplesPerPoint: Int
  var pattern: TrendPattern

  /// Long series are reduced to at most this many block medians.
  static let maxPoints = 300
  /// A drop must exceed this many robust standard deviations of the sample-to-sample changes...
  static let dropNoiseMultiple = 6.0
  /// ...and this share of the series' median level.
  static let dropLevelShare = 0.02

  /// The sample index (centre of its block) that point `j` stands for.
  func sample(ofPoint j: Int) -> Double {
    Double(range.lowerBound + j * samplesPerPoint) + Double(samplesPerPoint - 1) / 2
  }

  /// The first raw sample of point `j`'s block.
  func firstSample(ofPoint j: Int) -> Int { range.lowerBound + j * samplesPerPoint }

  /// Prepares `values` for analysis.
  /// - Parameter minimumStretch: the fewest samples a stretch between drops needs to be analysed
  ///   on its own.
  /// - Complexity: O(n) expected.
  static func prepare(_ values: [Double], minimumStretch: Int) -> TrendSignal {
    let n = values.count
    var pattern = TrendPattern()
    pattern.drops = drops(in: values)
    var range = 0..<n
    var analysed = values
    if pattern.drops.count >= 3 {
      // A sawtooth: follow the memory left after each drop, over a window that spans a tooth.
      let positions = pattern.drops.map(\.sample)
      var gaps: [Double] = []
      for i in 1..<positions.count { gaps.append(Double(positions[i] - positions[i - 1])) }
      let period = RobustStatistics.median(gaps)
      let window = 2 * Int(period.rounded(.up)) + 1
      pattern.sawtooth = true
      pattern.period = period
      pattern.envelopeWindow = window
      analysed = RobustStatistics.rollingMinimum(values, window: window)
    } else if !pattern.drops.isEmpty {
      // A restart or a big GC: analyse one stretch between drops on its own, the last one when it
      // is long enough (it says what memory does now), else the longest.
      let bounds = [0] + pattern.drops.map(\.sample) + [n]
      let stretches = (0..<(bounds.count - 1)).map { bounds[$0]..<bounds[$0 + 1] }
      let enough = max(minimumStretch, n / 3)
      if let last = stretches.last, last.count >= enough {
        range = last
      } else if let longest = stretches.max(by: { $0.count < $1.count }) {
        range = longest
      }
    }
    let slice = Array(analysed[range])
    let size = max(1, (slice.count + maxPoints - 1) / maxPoints)
    let points = size > 1 ? RobustStatistics.blockMedians(slice[...], size: size) : slice
    return TrendSignal(
      range: range, values: slice, points: points, samplesPerPoint: size, pattern: pattern)
  }

  /// Falls between consecutive samples far beyond the noise (and beyond 2% of the level) that the
  /// next samples do not undo. A run of such falls is one drop.
  /// - Complexity: O(n) expected.
  static func drops(in values: [Double]) -> [TrendPattern.Drop] {
    let n = values.count
    guard n >= 4 else { return [] }
    var diffs = [Double](repeating: 0, count: n - 1)
    for i in 0..<(n - 1) { diffs[i] = values[i + 1] - values[i] }
    let center = RobustStatistics.median(diffs)
    let spread = RobustStatistics.mad(diffs)
    let level = RobustStatistics.median(values)
    let threshold = max(dropNoiseMultiple * spread, dropLevelShare * abs(level), 1e-9)
    var result: [TrendPattern.Drop] = []
    var i = 0
    while i < n - 1 {
      guard diffs[i] - center < -threshold else {
        i += 1
        continue
      }
      // Merge a run of falls into one drop.
      var j = i
      while j + 1 < n - 1, diffs[j + 1] - center < -threshold { j += 1 }
      let before = values[i]
      let after = j + 1
      // The next five samples must stay below the level before the fall (the median of the three
      // samples up to it): a dip of a sample or two, or the return from a spike, is not a drop.
      let following = values[after..<min(n, after + 5)]
      let levelBefore = RobustStatistics.median(values[max(0, i - 2)...i])
      let stays = RobustStatistics.median(following) < levelBefore - threshold / 2
      if stays {
        result.append(TrendPattern.Drop(sample: after, sizeMiB: before - values[after]))
      }
      i = j + 1
    }
    return result
  }
}
