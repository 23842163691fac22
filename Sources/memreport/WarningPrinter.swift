import MemReportCore
import MemReportKit

/// Prints the warnings of one input file on standard error as its reports are read: at most
/// `Diagnostics.warningsShown` for the whole file (a prose-heavy paste of several reports printed
/// 10 per report), then one line counting the rest.
final class WarningPrinter {
  private let path: String
  private let limit: Int
  private var shown = 0
  private var more = 0

  init(path: String, limit: Int = Diagnostics.warningsShown) {
    self.path = path
    self.limit = limit
  }

  /// Prints what is left of the budget from `warnings`, and counts the rest.
  func print(_ warnings: [ParseWarning]) {
    for item in warnings {
      guard shown < limit else {
        more += 1
        continue
      }
      shown += 1
      Diagnostics.warning((item.line > 0 ? "\(path):\(item.line)" : path) + ": " + item.message)
    }
  }

  /// The line counting the warnings not printed, if any.
  func finish() {
    guard more > 0 else { return }
    Diagnostics.warning(
      "\(path): \(more) more \(more == 1 ? "warning" : "warnings") (all in '--\(Flags.format) json')"
    )
  }
}
