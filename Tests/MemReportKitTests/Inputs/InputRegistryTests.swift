import Foundation
import MemReportCore
import MemReportKit
import MemReportTestSupport
import Testing

@Suite("The detection registry")
struct InputRegistryTests {
  static func head(_ path: String) throws -> InputHead {
    let input = try InputFile.open(path)
    defer { input.close() }
    return try InputHead(input)
  }

  @Test(arguments: [
    ("default.txt", InputKind.memoryProfilerReport, 1), ("perf-objects.txt", .memoryProfilerReport, 3),
    ("colour.txt", .memoryProfilerReport, 1), ("mem-over-time/leak-stdout.txt", .memoryOverTimeSeries, 3),
  ])
  func samplesAreDetected(_ sample: String, _ kind: InputKind, _ line: Int) throws {
    let found = InputRegistry.detect(try Self.head(TestFiles.sample(sample)))
    #expect(found?.kind == kind)
    #expect(found?.line == line)
  }

  @Test func unknownInputIsLeftToTheParser() throws {
    for name in ["malformed/not-a-report.json", "../../../Samples/before-after.patch"] {
      let input = try InputFile.open(TestFiles.fixture(name))
      defer { input.close() }
      #expect(try InputRegistry.check(input, reads: [.memoryOverTimeSeries]) == nil, "\(name)")
    }
  }

  @Test func anotherKindIsNamed() throws {
    let input = try InputFile.open(TestFiles.fixture("malformed/series.txt"))
    defer { input.close() }
    let error = #expect(throws: MemReportError.self) {
      try InputRegistry.check(input, reads: [.memoryProfilerReport])
    }
    guard case .otherInputKind(_, let line, let found, let reason) = error else {
      Issue.record("expected otherInputKind, got \(String(describing: error))")
      return
    }
    #expect(line == 1)
    #expect(found == InputKind.memoryOverTimeSeries.rawValue)
    #expect(reason == "this looks like a memory-over-time series (derailed perf:mem_over_time), not a memory_profiler report")
  }
}
