/// Issue 12: derailed require trees through `report` and `diff`, every format.
extension GoldenTests {
  static let bootCases: [Case] = {
    var cases: [Case] = []
    let formats = [
      ("text", "txt"), ("json", "json"), ("markdown", "md"), ("csv", "csv"), ("html", "html"),
    ]
    for sample in ["shop-1", "shop-perf-mem", "api-all-1", "paste-ragged", "shop-three-runs"] {
      let path = "Samples/boot/\(sample).txt"
      for (format, ext) in formats {
        cases.append(
          Case(
            name: "boot-report-\(sample)", ext: ext,
            arguments: ["report", path, "--format", format]))
      }
    }
    cases += [
      Case(
        name: "boot-report-paste-markdown-crlf", ext: "txt",
        arguments: ["report", "Samples/boot/paste-markdown-crlf.md", "--format", "text"]),
      Case(
        name: "boot-report-derailed-1.0.0", ext: "txt",
        arguments: ["report", "Samples/boot/shop-1-derailed-1.0.0.txt", "--min-cost", "1"]),
      Case(
        name: "boot-report-shop-all-1-min-cost-2", ext: "txt",
        arguments: ["report", "Samples/boot/shop-all-1.txt", "--min-cost", "2"]),
      Case(
        name: "boot-report-three-runs-2", ext: "txt",
        arguments: ["report", "Samples/boot/shop-three-runs.txt#2"]),
      Case(
        name: "boot-report-bad-indent", ext: "txt",
        arguments: ["report", "Tests/MemReportKitTests/Fixtures/boot/bad-indent.txt"]),
      Case(
        name: "boot-report-hostile", ext: "txt",
        arguments: [
          "report", "Tests/MemReportKitTests/Fixtures/boot/hostile.txt", "--min-cost", "0",
        ]),
      Case(
        name: "boot-report-hostile", ext: "md",
        arguments: [
          "report", "Tests/MemReportKitTests/Fixtures/boot/hostile.txt", "--format", "markdown",
          "--min-cost", "0",
        ]),
      Case(
        name: "boot-report-hostile", ext: "csv",
        arguments: [
          "report", "Tests/MemReportKitTests/Fixtures/boot/hostile.txt", "--format", "csv",
        ]),
      Case(
        name: "boot-report-hostile", ext: "html",
        arguments: [
          "report", "Tests/MemReportKitTests/Fixtures/boot/hostile.txt", "--format", "html",
        ]),
    ]
    let runs = [
      "diff", "--before", "Samples/boot/shop-1.txt", "Samples/boot/shop-2.txt",
      "Samples/boot/shop-3.txt", "Samples/boot/shop-4.txt", "Samples/boot/shop-5.txt", "--after",
      "Samples/boot/shop-without-mail-1.txt", "Samples/boot/shop-without-mail-2.txt",
      "Samples/boot/shop-without-mail-3.txt", "Samples/boot/shop-without-mail-4.txt",
      "Samples/boot/shop-without-mail-5.txt",
    ]
    let single = ["diff", "Samples/boot/shop-1.txt", "Samples/boot/shop-2.txt"]
    let all = ["diff", "Samples/boot/shop-all-1.txt", "Samples/boot/shop-without-mail-all-1.txt"]
    for (format, ext) in formats {
      cases.append(
        Case(name: "boot-diff-without-mail", ext: ext, arguments: runs + ["--format", format]))
      cases.append(
        Case(name: "boot-diff-two-runs", ext: ext, arguments: single + ["--format", format]))
      cases.append(Case(name: "boot-diff-all", ext: ext, arguments: all + ["--format", format]))
    }
    cases += [
      // The mail gem added back: TOP grows 5.3%, a real change, so a 5% gate fails (exit 1).
      Case(
        name: "boot-diff-add-mail-gate-5", ext: "txt",
        arguments: [
          "diff", "--before", "Samples/boot/shop-without-mail-1.txt",
          "Samples/boot/shop-without-mail-2.txt", "Samples/boot/shop-without-mail-3.txt",
          "Samples/boot/shop-without-mail-4.txt", "Samples/boot/shop-without-mail-5.txt",
          "--after", "Samples/boot/shop-1.txt", "Samples/boot/shop-2.txt",
          "Samples/boot/shop-3.txt", "Samples/boot/shop-4.txt", "Samples/boot/shop-5.txt",
          "--fail-on-increase", "5%",
        ]),
      // Noise never fails the gate, even at 0%.
      Case(
        name: "boot-diff-noise-gate-0", ext: "txt",
        arguments: [
          "diff", "Samples/boot/shop-2.txt", "Samples/boot/shop-1.txt", "--fail-on-increase", "0%",
        ]),
      Case(
        name: "boot-diff-perf-mem-vs-bundle-mem", ext: "txt",
        arguments: ["diff", "Samples/boot/shop-1.txt", "Samples/boot/shop-perf-mem.txt"]),
      Case(
        name: "boot-diff-api-runs", ext: "md",
        arguments: [
          "diff", "--before", "Samples/boot/api-1.txt", "--after", "Samples/boot/api-2.txt",
          "--format", "markdown",
        ]),
    ]
    return cases
  }()
}
