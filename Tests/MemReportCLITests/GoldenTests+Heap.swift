/// Issue 13: heap dumps through `report`, `diff` and `leaks`, every format.
extension GoldenTests {
  static let heapCases: [Case] = {
    var cases: [Case] = []
    let formats = [
      ("text", "txt"), ("json", "json"), ("markdown", "md"), ("csv", "csv"), ("html", "html"),
    ]
    let leak = (0...2).map { "Samples/heap/leak-\($0).ndjson.gz" }
    let plateau = (0...2).map { "Samples/heap/plateau-\($0).ndjson.gz" }
    let hostile = "Tests/MemReportKitTests/Fixtures/heap/hostile.ndjson"
    for (format, ext) in formats {
      cases.append(
        Case(
          name: "heap-report-leak-2", ext: ext,
          arguments: ["report", leak[2], "--format", format]))
      cases.append(
        Case(
          name: "heap-leaks-leak", ext: ext,
          arguments: ["leaks"] + leak + ["--format", format, "--fail-on-retained", "1MB"]))
    }
    for (format, ext) in [("text", "txt"), ("markdown", "md"), ("html", "html")] {
      cases.append(
        Case(
          name: "heap-report-hostile", ext: ext, arguments: ["report", hostile, "--format", format])
      )
      cases.append(
        Case(
          name: "heap-leaks-hostile", ext: ext,
          arguments: [
            "leaks", "Tests/MemReportKitTests/Fixtures/heap/root-only.ndjson", hostile, hostile,
            "--format", format,
          ]))
    }
    cases += [
      Case(name: "heap-leaks-leak-heapy", ext: "txt", arguments: ["leaks", "--heapy"] + leak),
      Case(name: "heap-leaks-plateau", ext: "txt", arguments: ["leaks"] + plateau),
      Case(
        name: "heap-leaks-plateau-include-measurement", ext: "txt",
        arguments: ["leaks", "--include-measurement"] + plateau),
      Case(
        name: "heap-report-plateau-since-include-measurement", ext: "txt",
        arguments: ["report", "Samples/heap/plateau-2-since.ndjson", "--include-measurement"]),
      Case(
        name: "heap-diff-leak-0-2", ext: "txt",
        arguments: ["diff", leak[0], leak[2], "--top", "5"]),
      Case(
        name: "heap-report-leak-2-by-gem-app", ext: "txt",
        arguments: ["report", leak[2], "--allow-files", "workload|views", "--by", "file"]),
    ]
    return cases
  }()
}
