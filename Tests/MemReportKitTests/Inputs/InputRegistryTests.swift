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
    ("default.txt", MemoryProfilerReader.name, 1),
    ("perf-objects.txt", MemoryProfilerReader.name, 3),
    ("colour.txt", MemoryProfilerReader.name, 1),
    ("mem-over-time/leak-stdout.txt", MemOverTimeReader.name, 3),
    ("boot/shop-1.txt", RequireTreeReader.name, 1),
    ("boot/shop-perf-mem.txt", RequireTreeReader.name, 3),
    ("boot/paste-markdown-crlf.md", RequireTreeReader.name, 4),
    ("boot/paste-ansi.txt", RequireTreeReader.name, 1),
  ])
  func samplesAreDetected(_ sample: String, _ reader: String, _ line: Int) throws {
    let found = InputRegistry.detect(try Self.head(TestFiles.sample(sample)))
    #expect(found?.reader.name == reader)
    #expect(found?.line == line)
  }

  @Test func everyReaderHasAModelAndAUniqueName() {
    let names = InputRegistry.readers.map { $0.name }
    #expect(Set(names).count == names.count)
    for reader in InputRegistry.readers {
      #expect(InputRegistry.model(of: reader) != nil, "\(reader.name)")
      #expect(InputRegistry.reader(named: reader.name) != nil)
    }
    #expect(InputRegistry.model(of: MemoryProfilerReader.self) == .profiles)
    #expect(InputRegistry.model(of: MemOverTimeReader.self) == .series)
    #expect(InputRegistry.model(of: RequireTreeReader.self) == .requireTrees)
  }

  /// What no reader claims goes to the model's first reader, whose parser says what it found.
  @Test func unknownInputIsLeftToTheParser() throws {
    for name in ["malformed/not-a-report.json", "../../../Samples/before-after.patch"] {
      let input = try InputFile.open(TestFiles.fixture(name))
      defer { input.close() }
      #expect(try InputRegistry.seriesReader(for: input) == MemOverTimeReader.self, "\(name)")
    }
  }

  @Test func anotherKindIsNamed() throws {
    let input = try InputFile.open(TestFiles.fixture("malformed/series.txt"))
    defer { input.close() }
    let error = #expect(throws: MemReportError.self) {
      try InputRegistry.profileReader(for: input)
    }
    guard case .otherInputKind(_, let line, let found, let reason) = error else {
      Issue.record("expected otherInputKind, got \(String(describing: error))")
      return
    }
    #expect(line == 1)
    #expect(found == MemOverTimeReader.name)
    #expect(
      reason
        == "this looks like a memory-over-time series (derailed perf:mem_over_time), not a memory_profiler report"
    )
  }
}
