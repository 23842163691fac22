import MemReportTestSupport

#if canImport(Glibc)
  import Glibc
#endif

// The libFuzzer driver every harness executable shares. The harnesses' bodies are
// `FuzzHarness` (Tests/MemReportTestSupport/FuzzHarnesses.swift), which the seed test runs too.
// Built only by scripts/fuzz/run (MEMREPORT_FUZZ=1).

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The harness being run (libFuzzer calls a C function, which cannot capture a closure).
nonisolated(unsafe) private var harness: (UnsafeBufferPointer<UInt8>) throws -> Void = { _ in }

/// Hands every input libFuzzer makes to `run`; a failed check aborts, so libFuzzer keeps the input
/// as a crash. Exits with libFuzzer's status.
package func fuzzMain(_ run: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void) -> Never {
  harness = run
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  exit(
    LLVMFuzzerRunDriver(&argc, &argv) { data, size in
      do {
        try harness(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
      } catch {
        fatalError("\(error)")
      }
      return 0
    })
}
