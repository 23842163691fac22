#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Order statistics and the normal distribution, without Foundation: the building blocks of robust
/// fits (medians, MAD, running minima, block medians, normal tail probabilities).
package enum RobustStatistics {
  /// The two-sided 95% normal quantile, z₀.₉₇₅.
  package static let z975 = 1.959963984540054
  /// Scales a median absolute deviation to a standard deviation for normal data.
  package static let madScale = 1.482602218505602

  /// The `k`-th smallest element (0-based) of `values[range]`, reordering that range in place.
  /// Three-way quickselect with a median-of-three pivot, so long runs of equal values (RSS
  /// readings often repeat) stay linear.
  /// - Complexity: O(n) expected for n elements in `range`.
  package static func select(_ values: inout [Double], _ k: Int, in range: Range<Int>? = nil)
    -> Double
  {
    var low = range?.lowerBound ?? 0
    var high = (range?.upperBound ?? values.count) - 1
    precondition(k >= low && k <= high, "rank out of range")
    while low < high {
      let mid = low + (high - low) / 2
      let a = values[low], b = values[mid], c = values[high]
      let pivot = max(min(a, b), min(max(a, b), c))
      // Dutch-flag partition: [low, lt) < pivot, [lt, i) == pivot, (gt, high] > pivot.
      var lt = low, i = low, gt = high
      while i <= gt {
        let v = values[i]
        if v < pivot {
          values.swapAt(lt, i)
          lt += 1
          i += 1
        } else if v > pivot {
          values.swapAt(i, gt)
          gt -= 1
        } else {
          i += 1
        }
      }
      if k < lt {
        high = lt - 1
      } else if k > gt {
        low = gt + 1
      } else {
        return pivot
      }
    }
    return values[k]
  }

  /// The median (the mean of the two middle values for an even count); `nan` when empty.
  /// - Complexity: O(n) expected.
  package static func median<C: Collection>(_ values: C) -> Double where C.Element == Double {
    var copy = Array(values)
    return medianInPlace(&copy)
  }

  /// The median of `values`, reordering them.
  package static func medianInPlace(_ values: inout [Double]) -> Double {
    let n = values.count
    guard n > 0 else { return .nan }
    let upper = select(&values, n / 2)
    if n % 2 == 1 { return upper }
    // The largest of the lower half is the maximum of values[..<n/2] after the selection.
    var lower = values[0]
    for i in 1..<(n / 2) where values[i] > lower { lower = values[i] }
    return (lower + upper) / 2
  }

  /// The `p`-quantile by linear interpolation between order statistics (Hyndman–Fan type 7,
  /// R's and NumPy's default); `nan` when empty.
  /// - Complexity: O(n) expected.
  package static func quantile<C: Collection>(_ values: C, _ p: Double) -> Double
  where C.Element == Double {
    var copy = Array(values)
    let n = copy.count
    guard n > 0 else { return .nan }
    let h = Double(n - 1) * min(max(p, 0), 1)
    let lowIndex = Int(h.rounded(.down))
    let lowValue = select(&copy, lowIndex)
    guard lowIndex + 1 < n else { return lowValue }
    var next = Double.infinity
    for i in (lowIndex + 1)..<n where copy[i] < next { next = copy[i] }
    return lowValue + (h - Double(lowIndex)) * (next - lowValue)
  }

  /// The median absolute deviation from the median, scaled to estimate a normal standard
  /// deviation (× 1.4826); 0 for fewer than two values.
  /// - Complexity: O(n) expected.
  package static func mad<C: Collection>(_ values: C) -> Double where C.Element == Double {
    guard values.count > 1 else { return 0 }
    let center = median(values)
    var deviations = values.map { abs($0 - center) }
    return madScale * medianInPlace(&deviations)
  }

  /// The standard normal cumulative distribution Φ(z), accurate in both tails (through `erfc`).
  package static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

  /// The two-sided p-value of a standard normal statistic: 2·(1 − Φ(|z|)).
  package static func twoSidedP(_ z: Double) -> Double {
    guard z.isFinite else { return z.isNaN ? 1 : 0 }
    return min(1, erfc(abs(z) / 2.0.squareRoot()))
  }

  /// The minimum over a centred window of `window` values (clipped at the ends): the lower
  /// envelope of a sawtooth when the window spans at least one tooth.
  /// - Complexity: O(n), with a monotonic queue.
  package static func rollingMinimum(_ values: [Double], window: Int) -> [Double] {
    let n = values.count
    guard n > 0, window > 1 else { return values }
    let half = window / 2
    var result = [Double](repeating: 0, count: n)
    var queue: [Int] = []  // indices with increasing values
    var head = 0
    var next = 0  // next index to enter the window
    for i in 0..<n {
      let last = min(n - 1, i + half)
      while next <= last {
        while queue.count > head, let back = queue.last, values[back] >= values[next] {
          queue.removeLast()
        }
        queue.append(next)
        next += 1
      }
      while queue[head] < i - half { head += 1 }
      result[i] = values[queue[head]]
    }
    return result
  }

  /// Medians of consecutive blocks of `size` values (the last block may be shorter).
  /// - Complexity: O(n) expected.
  package static func blockMedians(_ values: ArraySlice<Double>, size: Int) -> [Double] {
    guard size > 1 else { return Array(values) }
    var result: [Double] = []
    result.reserveCapacity(values.count / size + 1)
    var start = values.startIndex
    while start < values.endIndex {
      let end = min(values.endIndex, start + size)
      result.append(median(values[start..<end]))
      start = end
    }
    return result
  }
}
