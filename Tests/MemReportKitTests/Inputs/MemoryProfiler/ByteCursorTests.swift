import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

@Suite("Counts and scaled sizes")
struct ByteCursorTests {
  func count(_ text: String) -> ParsedCount? {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { buffer in
      var cursor = ByteCursor(UnsafeBufferPointer(buffer))
      return cursor.count()
    }
  }

  @Test func plainAndScaledCounts() {
    #expect(count("99059") == ParsedCount(value: 99059, scaled: false, decimals: 0))
    #expect(count("6425420040") == ParsedCount(value: 6_425_420_040, scaled: false, decimals: 0))
    #expect(count("0 B") == ParsedCount(value: 0, scaled: true, decimals: 0))
    #expect(count("40.00 B") == ParsedCount(value: 40, scaled: true, decimals: 2))
    #expect(count("1.94 MB") == ParsedCount(value: 1_940_000, scaled: true, decimals: 2))
    #expect(count("1000.00 kB") == ParsedCount(value: 1_000_000, scaled: true, decimals: 2))
    #expect(count("421.4 MB") == ParsedCount(value: 421_400_000, scaled: true, decimals: 1))
    #expect(count("7.7 kB") == ParsedCount(value: 7700, scaled: true, decimals: 1))
    #expect(count("786.25 GB") == ParsedCount(value: 786_250_000_000, scaled: true, decimals: 2))
  }

  @Test func notCounts() {
    #expect(count("1.5") == nil)  // a decimal needs a unit
    #expect(count("1.94 KB") == nil)  // kB is lower case; KB is no memory_profiler unit
    #expect(count("abc") == nil)
    #expect(count("99999999999999999999") == nil)  // overflow
    #expect(count("1000.00 YB") == nil)  // 10^27 does not fit
  }
}
