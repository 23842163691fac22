// swift-tools-version:6.0
// A libFuzzer harness for MemReportKit, kept out of the main package: scripts/fuzz/run builds it
// with -sanitize=fuzzer,address.
import PackageDescription

let package = Package(
  name: "memreport-fuzz",
  // scripts/fuzz/run links .build-fuzz/memreport to the repository, so the identity is stable.
  dependencies: [.package(path: ".build-fuzz/memreport")],
  targets: [
    .executableTarget(
      name: "FuzzParser",
      dependencies: [.product(name: "MemReportKit", package: "memreport")],
      swiftSettings: [
        .unsafeFlags(["-sanitize=address", "-sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table"])
      ],
      linkerSettings: [
        // libFuzzer without its main(): FuzzParser's main calls LLVMFuzzerRunDriver.
        .unsafeFlags(["-sanitize=address", "-Xlinker", "/opt/swift/usr/lib/clang/21/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a", "-lstdc++"])
      ]
    )
  ]
)
