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
        .embedInCode("style.css"), .embedInCode("script.js"),
      ]
    ),
    // The kernel: byte I/O, units and number wording, JSON/Markdown/XML/SVG writing, statistics,
    // the name table, diagnostics. It knows no input kind, command or command-line flag.
    .target(
      name: "MemReportCore",
      dependencies: ["CLibXML2"]
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

// scripts/fuzz/run sets MEMREPORT_FUZZ to add the libFuzzer harness, which lives in this package so
// it reaches package-level writers; its sanitizer flags never touch an ordinary build.
if getenv("MEMREPORT_FUZZ") != nil {
  package.targets.append(
    .executableTarget(
      name: "FuzzParser",
      dependencies: ["MemReportKit", "MemReportCore"],
      path: "scripts/fuzz/Sources/FuzzParser",
      swiftSettings: [
        .unsafeFlags([
          "-sanitize=address", "-sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table",
        ])
      ],
      linkerSettings: [
        // libFuzzer without its main(): FuzzParser's main calls LLVMFuzzerRunDriver.
        .unsafeFlags([
          "-sanitize=address", "-Xlinker",
          "/opt/swift/usr/lib/clang/21/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a", "-lstdc++",
        ])
      ]
    ))
}
