import MemReportCore

/// derailed_benchmarks' fixed banner: its default `perf:rack_load` task prints these lines (1.7.0,
/// `load_tasks.rb`) before the preamble whenever the app is not Rails, even when the app's
/// perf.rake then adds the action that boots it:
///
/// ```
/// You're not using Rails
/// You need to tell derailed how to boot your app
/// In your perf.rake add:
///
/// namespace :perf do
///   task :rack_load do
///     # DERAILED_APP = your code here
///   end
/// end
/// ```
enum DerailedBanner {
  /// The banner's first line, which starts it.
  static let first: StaticString = "You're not using Rails"
  /// The lines that may follow it (trimmed).
  static let rest: [StaticString] = [
    "You need to tell derailed how to boot your app", "In your perf.rake add:",
    "namespace :perf do", "task :rack_load do", "# DERAILED_APP = your code here", "end",
  ]

  /// Whether `line` is a banner line: its first line, or a later one while inside it.
  static func continues(_ line: UnsafeBufferPointer<UInt8>, inBanner: Bool) -> Bool {
    if LineKind.equals(line, first) { return true }
    guard inBanner else { return false }
    return rest.contains { LineKind.equals(line, $0) }
  }
}
