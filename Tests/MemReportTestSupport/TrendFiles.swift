import Foundation
import MemReportKit
import MemReportCore

/// The committed real derailed series and small helpers for the trend tests.
public enum TrendFiles {
  public static let folder = TestFiles.sample("mem-over-time")

  /// The one `*-memory-*-times.txt` file in `Samples/mem-over-time/<app>/`.
  public static func derailedFile(_ app: String) throws -> String {
    let dir = "\(folder)/\(app)"
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter {
      $0.hasSuffix("-times.txt")
    }
    guard names.count == 1, let name = names.first else {
      throw MemReportError.cannotOpen(
        path: dir, reason: "expected one derailed file, found \(names.count)")
    }
    return "\(dir)/\(name)"
  }

  public static var leak: String { get throws { try derailedFile("leak") } }
  public static var plateau: String { get throws { try derailedFile("plateau") } }
  /// The real runs of `Samples/apps/{warmup,fallback,creep}` (Samples/generate-mem-over-time).
  public static var warmup: String { get throws { try derailedFile("warmup") } }
  public static var fallback: String { get throws { try derailedFile("fallback") } }
  public static var creep: String { get throws { try derailedFile("creep") } }
  /// `ps -o rss=` of apps/rss-worker sampled every second: KiB integers.
  public static let psRss = "\(folder)/ps-rss.txt"
  /// Two derailed runs' stdout pasted one after the other.
  public static let twoRunsStdout = "\(folder)/two-runs-stdout.txt"
  public static let leakStdout = "\(folder)/leak-stdout.txt"
  public static let plateauStdout = "\(folder)/plateau-stdout.txt"

  public static func fixture(_ name: String) -> String { TestFiles.fixture("trend/\(name)") }
}

/// Reads a series the way the CLI does.
public func readSeries(_ path: String, _ options: MemOverTimeParser.Options = .init()) throws
  -> MemorySeries
{
  try TrendRun.read(path, options: options)
}

/// A series from values, for generated cases.
public func series(_ values: [Double], source: String = "generated", testCount: Int? = nil)
  -> MemorySeries
{
  var s = MemorySeries(source: source)
  s.values = values
  s.lines = Array(1...max(1, values.count)).prefix(values.count).map { $0 }
  s.testCount = testCount
  return s
}

/// A deterministic generator (SplitMix64) with Gaussian draws, so generated series are the same on
/// every run and platform.
public struct SeededRandom {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in (0, 1).
  public mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / Double(1 << 53) }

  /// Standard normal (Box–Muller).
  public mutating func gaussian() -> Double {
    let u1 = uniform()
    let u2 = uniform()
    return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
  }

  /// `n` draws of N(0, sigma²).
  public mutating func noise(_ n: Int, sigma: Double) -> [Double] {
    (0..<n).map { _ in sigma * gaussian() }
  }
}

/// Shapes of memory over time, with labels known by construction.
public enum Shapes {
  /// base + rate·i + noise.
  public static func leak(_ n: Int, base: Double, rate: Double, sigma: Double, seed: UInt64)
    -> [Double]
  {
    var r = SeededRandom(seed: seed)
    let e = r.noise(n, sigma: sigma)
    return (0..<n).map { base + rate * Double($0) + e[$0] }
  }

  /// An exponential approach to base + height, within 1% of it at `warmup`.
  public static func plateau(
    _ n: Int, base: Double, height: Double, warmup: Int, sigma: Double, seed: UInt64
  ) -> [Double] {
    var r = SeededRandom(seed: seed)
    let e = r.noise(n, sigma: sigma)
    let tau = Double(warmup) / 4.6
    return (0..<n).map { base + height * (1 - Foundation.exp(-Double($0) / tau)) + e[$0] }
  }

  /// A GC sawtooth of `period` samples and `amplitude` MiB on top of `values`.
  public static func sawtooth(_ values: [Double], period: Int, amplitude: Double) -> [Double] {
    values.enumerated().map { $0.element + amplitude * Double($0.offset % period) / Double(period) }
  }
}
