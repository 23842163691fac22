import MemReportCore
import Testing

/// The arithmetic policy's pieces: saturating sums and clamped conversions.
@Suite("Saturating arithmetic")
struct SaturatingTests {
  @Test func sumsSaturate() {
    #expect(Int64.max +| 1 == .max)
    #expect(Int64.min +| -1 == .min)
    #expect(Int64(40) +| 2 == 42)
    // 1,100 rows at the parser's limit: 9.9·10^18 wrapped to a negative total with &+.
    let rows = [Int64](repeating: .maximumCount, count: 1_100)
    #expect(rows.reduce(0) { $0 +| $1 } == .max)
    #expect(rows.reduce(0) { $0 &+ $1 } < 0)  // what the old code did
    var total: Int64 = .max - 1
    total +|= 5
    #expect(total == .max)
  }

  @Test func conversionsClamp() {
    #expect(Int64(clamping: 1e300) == .max)
    #expect(Int64(clamping: -1e300) == .min)
    #expect(Int64(clamping: Double.nan) == 0)
    #expect(Int64(clamping: 9.2e18) == 9_200_000_000_000_000_000)
    #expect(Int64(clamping: -2.9) == -2)
  }
}
