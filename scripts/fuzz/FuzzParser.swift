// libFuzzer entry: every input must parse (or be rejected with a MemReportError) and render to
// text and JSON without crashing. Built by scripts/fuzz/run together with MemReportKit's sources.

/// Collects writer output in memory.
struct Sink: TextOutputStream {
  var count = 0
  mutating func write(_ string: String) { count += string.utf8.count }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  do {
    let profiles = try MemoryProfilerParser.parse(bytes: bytes, path: "fuzz")
    for format in OutputFormat.reportFormats {
      guard var writer = format.reportWriter(options: ReportOptions(top: 5)) else { continue }
      var sink = Sink()
      writer.begin(source: "fuzz", into: &sink)
      for profile in profiles { writer.write(profile, into: &sink) }
      writer.end(reports: profiles.count, into: &sink)
    }
  } catch is MemReportError {
  } catch {
    fatalError("unexpected error type: \(error)")
  }
  return 0
}
