import MemReportCore
import Testing

/// The one number-wording module: every value here is worked out by hand.
@Suite("Units: every number memreport prints")
struct UnitsTests {
  @Test func bytesAreDecimalWithThreeSignificantDigits() {
    #expect(Units.bytes(0) == "0 B")
    #expect(Units.bytes(999) == "999 B")
    #expect(Units.bytes(1000) == "1.00 kB")
    #expect(Units.bytes(588_443) == "588 kB")
    #expect(Units.bytes(50_387) == "50.4 kB")
    #expect(Units.bytes(1_940_000) == "1.94 MB")
    #expect(Units.bytes(999_950) == "1.00 MB")  // rounds up into the next unit, not "1000 kB"
    #expect(Units.bytes(-35_500) == "\u{2212}35.5 kB")
  }

  @Test func countsAndSharesAndChanges() {
    #expect(Units.count(59_761) == "59,761")
    #expect(Units.count(-1_204) == "\u{2212}1,204")
    #expect(Units.counted(1, "sample") == "1 sample")
    #expect(Units.counted(1_200, "sample") == "1,200 samples")
    #expect(Units.percentage(713, of: 1000) == "71.3%")
    #expect(Units.percentage(1, of: 100_000) == "<0.1%")
    #expect(Units.percentage(1, of: nil) == "n/a")
    #expect(Units.share(0.2) == "20%")
    #expect(Units.share(0.045) == "4.5%")
    #expect(Units.signedPercent(-0.08) == "\u{2212}0.08%")
    #expect(Units.signedPercent(5.81) == "+5.8%")
    #expect(Units.signedPercent(0) == "0%")
    #expect(Units.signedPercent(-0.0005) == "\u{2212}<0.01%")  // never "−0.00%"
    #expect(Units.signedPercent(34_382.6) == "+34,382.6%")
    #expect(Units.counted(1, "more row") == "1 more row")
  }

  /// Words carry U+2212; the machine form (`fixed`, used in JSON) an ASCII hyphen.
  @Test func oneMinusSignInWordsAndAsciiInData() {
    #expect(Units.minus == "\u{2212}")
    #expect(Units.fixed(-1.26, digits: 1) == "-1.3")
    #expect(Units.fixed(-0.5, digits: 2) == "-0.50")
    #expect(Units.grouped(-12_345.678, digits: 1) == "\u{2212}12,345.7")
    #expect(Units.grouped(-0.01, digits: 1) == "0.0")  // no "−0.0"
    #expect(Units.signedMiB(-3.2) == "\u{2212}3.20 MiB")
    #expect(Units.signedMiB(0.0001) == "±0 MiB")
  }

  @Test func seriesNumbers() {
    #expect(Units.mib(1204.5) == "1,204.5 MiB")
    #expect(Units.mib(512) == "512 MiB")
    #expect(Units.mib(3.25) == "3.25 MiB")
    #expect(Units.mib(0.125) == "0.125 MiB")
    #expect(Units.significant(5_590.4) == "5,590")
    #expect(Units.significant(0.99999) == "1.00")
    #expect(Units.interval("5,629", "5,668") == "5,629–5,668")
    #expect(Units.interval("\u{2212}7.96", "22.2") == "\u{2212}7.96 to 22.2")
    #expect(Units.roundedUp(1_234) == 1_300)
    #expect(Units.seconds(2.50) == "2.5 s")
    #expect(Units.duration(35) == "35 s")
    #expect(Units.duration(270) == "4.5 min")
    #expect(Units.duration(17 * 60) == "17 min")
    #expect(Units.duration(3.1 * 86_400) == "3.1 days")
    #expect(Units.pValue(0.0004) == "p < 0.001")
    #expect(Units.pValue(0.0042) == "p = 0.004")
    #expect(Units.pValue(0.012) == "p = 0.01")
    #expect(Units.pValueRelation(0.41) == "= 0.41")
  }

  /// Every number function is total: values from hostile inputs (10^17 shares, 9·10^18 deltas,
  /// 1e308 MiB, NaN) print, never trap (they converted Double to Int64 and trapped).
  @Test func hugeAndNonFiniteValuesNeverTrap() {
    #expect(Units.fixed(1e20, digits: 1) == "1e+20")
    #expect(Units.fixed(-1e300, digits: 0) == "-1e+300")
    #expect(Units.fixed(.infinity, digits: 2) == "inf")
    #expect(Units.fixed(.nan, digits: 2) == "nan")
    #expect(Units.fixed(9e15, digits: 3) == "9000000000000000")
    #expect(Units.fixed(123.456, digits: 2) == "123.46")
    #expect(Units.percentage(Int64.max, of: 1) == "9.223372036854776e+20%")
    #expect(Units.share(1e17) == "1e+19%")
    #expect(Units.signedPercent(9e20) == "+9e+20%")
    #expect(Units.signedPercent(-.infinity) == "\u{2212}inf%")
    #expect(Units.mib(1e308) == "1e+308 MiB")
    #expect(Units.bytes(Int64.max) == "9.22 EB")
    #expect(Units.duration(1e300).hasSuffix(" days"))
    #expect(Units.duration(45) == "45 s")
    #expect(Units.roundedUp(1e300) == 1_000_000_000_000_000_000)
    #expect(Units.roundedUp(1_234) == 1_300)
  }
}
