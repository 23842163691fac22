// swift-tools-version:6.0
import PackageDescription

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let package = Package(
  name: "memreport",
  products: [
    .executable(name: "memreport", targets: ["memreport"]),
    .library(name: "MemReportKit", targets: ["MemReportKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    // zlib (zlib1g-dev): gzip-compressed inputs are inflated as they are read.
    .systemLibrary(
      name: "CZlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
    ),
    // RE2 (libre2-dev) behind a C header: user patterns match in linear time.
    .target(
      name: "CRE2",
      linkerSettings: [.linkedLibrary("re2")]
    ),
    // SHA-256 (libssl-dev's libcrypto) for the pages' Content-Security-Policy hashes.
    .target(
      name: "CDigest",
      linkerSettings: [.linkedLibrary("crypto")]
    ),
    .target(
      name: "MemReportTemplates",
      path: "Templates",
      exclude: ["README.md"],
      resources: [
        .embedInCode("head.mustache"), .embedInCode("foot.mustache"),
        .embedInCode("table.mustache"),
        .embedInCode("report.mustache"), .embedInCode("diff.mustache"),
        .embedInCode("trend.mustache"),
        .embedInCode("boot-report.mustache"), .embedInCode("boot-diff.mustache"),
        .embedInCode("leaks.mustache"),
        .embedInCode("style.css"), .embedInCode("script.js"),
      ]
    ),
    // The kernel: byte I/O, units and number wording, JSON/Markdown/XML/SVG writing, statistics,
    // the name table, diagnostics. It knows no input kind, command or command-line flag.
    .target(
      name: "MemReportCore",
      dependencies: ["CLibXML2", "CZlib"]
    ),
    // Inputs/<Kind>/ (reader + model, one detection registry) and one folder per feature
    // (Report/, Diff/, Trend/): run, analysis, wording, JSON.
    .target(
      name: "MemReportKit",
      dependencies: [
        "MemReportCore", "MemReportTemplates", "CRE2", "CDigest",
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    .executableTarget(
      name: "memreport",
      dependencies: [
        "MemReportKit", "MemReportCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Tests mirror the source layout and share one helper target (sample paths, the CLI runner,
    // generated series).
    .target(
      name: "MemReportTestSupport",
      dependencies: ["MemReportKit", "MemReportCore"],
      path: "Tests/MemReportTestSupport"
    ),
    .testTarget(
      name: "MemReportCoreTests",
      dependencies: ["MemReportCore", "MemReportTestSupport"]
    ),
    .testTarget(
      name: "MemReportKitTests",
      dependencies: [
        "MemReportKit", "MemReportCore", "MemReportTemplates", "MemReportTestSupport",
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "MemReportCLITests",
      dependencies: ["memreport", "MemReportKit", "MemReportCore", "MemReportTestSupport"],
      exclude: ["Goldens"]
    ),
  ],
  cxxLanguageStandard: .cxx17
)

// MEMREPORT_FUZZ (set by scripts/fuzz/run) adds one libFuzzer harness per entry point and builds the
// library with the same AddressSanitizer and coverage instrumentation as the harnesses, so libFuzzer
// sees the parsers' and writers' branches, not only the harness's. An ordinary build never sees it.
if getenv("MEMREPORT_FUZZ") != nil {
  let coverage = "edge,trace-cmp,inline-8bit-counters,pc-table"
  let swiftFlags: [SwiftSetting] = [
    .unsafeFlags(["-sanitize=address", "-sanitize-coverage=\(coverage)"])
  ]
  let cFlags = ["-fsanitize=fuzzer-no-link,address"]
  for target in package.targets {
    switch target.name {
    case "MemReportCore", "MemReportTestSupport":
      target.swiftSettings = (target.swiftSettings ?? []) + swiftFlags
    case "MemReportKit":
      // Testable: FuzzHarness.diff builds `DiffRun`'s per-side state as `DiffRun.load` does.
      target.swiftSettings =
        (target.swiftSettings ?? []) + swiftFlags + [.unsafeFlags(["-enable-testing"])]
    case "CRE2":
      target.cSettings = (target.cSettings ?? []) + [.unsafeFlags(cFlags)]
      target.cxxSettings = (target.cxxSettings ?? []) + [.unsafeFlags(cFlags)]
    default: break
    }
  }
  package.targets.append(
    .target(
      name: "FuzzSupport", dependencies: ["MemReportTestSupport"],
      path: "scripts/fuzz/Sources/FuzzSupport", swiftSettings: swiftFlags))
  for harness in [
    "FuzzProfileParser", "FuzzSeries", "FuzzPatch", "FuzzDiff", "FuzzFilter", "FuzzRequireTree",
    "FuzzHeapDump",
  ] {
    package.targets.append(
      .executableTarget(
        name: harness,
        dependencies: ["FuzzSupport", "MemReportTestSupport"],
        path: "scripts/fuzz/Sources/\(harness)",
        swiftSettings: swiftFlags,
        linkerSettings: [
          // libFuzzer without its main(): each harness's main calls LLVMFuzzerRunDriver.
          .unsafeFlags([
            "-sanitize=address", "-Xlinker",
            "/opt/swift/usr/lib/clang/21/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a", "-lstdc++",
          ])
        ]
      ))
  }
}
