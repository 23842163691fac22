import MemReportCore
import MemReportKit

#if canImport(Glibc)
  import Glibc
#endif

// libFuzzer entry: every input must parse (or be rejected with a MemReportError), survive the
// path transform and a diff against itself, and render to text, JSON and HTML without crashing;
// the HTML must be well-formed XML. Built by scripts/fuzz/run.

/// Collects writer output in memory.
struct Sink: TextOutputStream {
  var text = ""
  mutating func write(_ string: String) { text += string }
}

nonisolated(unsafe) let templates = try? HTMLTemplates.embedded()

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })

func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data else { return 0 }
  let bytes = UnsafeBufferPointer(start: data, count: size)
  do {
    let parsed = try MemoryProfilerParser.parse(bytes: bytes, path: "fuzz")
    let transform = ProfileTransform(filter: try FileFilter(ignore: ["gems"]))
    let profiles = parsed.map { transform.apply(to: $0) }
    for format in OutputFormat.reportFormats {
      guard var writer = format.reportWriter(options: ReportOptions(top: 5, templates: templates))
      else { continue }
      var sink = Sink()
      try writer.begin(source: "fuzz", into: &sink)
      for profile in profiles { try writer.write(profile, into: &sink) }
      try writer.end(reports: profiles.count, into: &sink)
      if format == .html && !MarkupDocument.isWellFormed(sink.text) {
        fatalError("HTML is not well-formed XML")
      }
    }
    let diff = ProfileDiffBuilder.build(before: profiles, after: profiles)
    for total in diff.totals where (total.delta ?? 0) != 0 {
      fatalError("a diff with itself changed \(total.state) \(total.metric)")
    }
  } catch is MemReportError {
  } catch {
    fatalError("unexpected error type: \(error)")
  }
  return 0
}
