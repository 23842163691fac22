#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files `OutputFile` is writing, removed when the process is interrupted
/// (`SIGINT`, `SIGTERM`, `SIGHUP`, `SIGPIPE`) or crashes (a Swift trap is `SIGILL`/`SIGTRAP`), so no
/// hidden `.NAME.memreport-XXXXXX` is ever left next to a target.
///
/// The paths live in a fixed table of C strings allocated before any handler can run; the handler
/// only reads that table and calls `unlink` (async-signal-safe), then hands the signal on to the
/// handler that was installed before (Swift's backtracer) or to the default action.
enum TemporaryFiles {
  private static let capacity = 64
  private static let pathLimit = 4096

  private struct State {
    var slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
  }

  nonisolated(unsafe) private static var state: State? = nil
  nonisolated(unsafe) private static var previousActions =
    UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

  private static let fatalSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]
  private static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGPIPE]

  /// Records `path` as a file to remove on a signal; returns its slot, or nil when the table is full
  /// or the path too long (the file is then only removed by `commit`/`discard`).
  static func register(_ path: String) -> Int? {
    let slots = installedSlots()
    let bytes = FileName.cString(path)
    guard bytes.count <= pathLimit else { return nil }
    for index in 0..<capacity where slots[index] == nil {
      let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
      copy.initialize(from: bytes, count: bytes.count)
      slots[index] = copy
      return index
    }
    return nil
  }

  /// Forgets a slot once its file was renamed or removed.
  static func unregister(_ slot: Int?) {
    guard let slot, let slots = state?.slots, let copy = slots[slot] else { return }
    slots[slot] = nil
    copy.deallocate()
  }

  private static func installedSlots() -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
    if let state { return state.slots }
    let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    slots.initialize(repeating: nil, count: capacity)
    state = State(slots: slots)
    for signal in fatalSignals + stopSignals {
      // A signal ignored by whoever started us (nohup, a test runner) stays ignored.
      var current = sigaction()
      sigaction(signal, nil, &current)
      #if canImport(Glibc)
        let handler = current.__sigaction_handler.sa_handler
      #else
        let handler = current.__sigaction_u.__sa_handler
      #endif
      let ignored = handler.map { unsafeBitCast($0, to: Int.self) == 1 } ?? false  // SIG_IGN
      if ignored && current.sa_flags & SA_SIGINFO == 0 { continue }
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_sigaction = handle
      #else
        action.__sigaction_u.__sa_sigaction = handle
      #endif
      action.sa_flags = SA_SIGINFO
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, previousActions + Int(signal))
    }
    return slots
  }

  private static let handle:
    @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?)
      -> Void = { signal, info, context in
        if let slots = TemporaryFiles.state?.slots {
          for index in 0..<TemporaryFiles.capacity {
            if let path = slots[index] { unlink(path) }
          }
        }
        let previous = TemporaryFiles.previousActions[Int(signal)]
        #if canImport(Glibc)
          let chained =
            previous.sa_flags & SA_SIGINFO != 0
            ? previous.__sigaction_handler.sa_sigaction : nil
        #else
          let chained =
            previous.sa_flags & SA_SIGINFO != 0
            ? previous.__sigaction_u.__sa_sigaction : nil
        #endif
        if let chained {
          // Swift's backtracer (or whoever was there before) prints the crash report.
          var restore = previous
          sigaction(signal, &restore, nil)
          chained(signal, info, context)
          return
        }
        var restore = previous
        sigaction(signal, &restore, nil)
        raise(signal)
      }
}
