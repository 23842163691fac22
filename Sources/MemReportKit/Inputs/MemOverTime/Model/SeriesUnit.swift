import MemReportCore
/// The unit of the numbers in a memory-over-time input. derailed writes MiB (2^20 bytes);
/// `ps -o rss=` prints KiB; other tools print decimal kB or MB.
public enum SeriesUnit: String, CaseIterable, Sendable {
  case kibibytes = "KiB"
  case mebibytes = "MiB"
  case gibibytes = "GiB"
  case kilobytes = "kB"
  case megabytes = "MB"

  /// MiB in one of this unit.
  public var mebibytes: Double {
    switch self {
    case .kibibytes: return 1.0 / 1024
    case .mebibytes: return 1
    case .gibibytes: return 1024
    case .kilobytes: return 1000.0 / 1_048_576
    case .megabytes: return 1_000_000.0 / 1_048_576
    }
  }

  /// Reads a unit name: `KiB`, `MiB`, `GiB` in any case, `kB`/`KB`/`kb`, `MB`/`mb`; also the
  /// spelled-out `kibibytes`/`mebibytes`/`gibibytes`. `nil` for anything else.
  public init?(name: String) {
    switch name.lowercased() {
    case "kib", "kibibytes", "kibibyte": self = .kibibytes
    case "mib", "mebibytes", "mebibyte": self = .mebibytes
    case "gib", "gibibytes", "gibibyte": self = .gibibytes
    case "kb", "kilobytes", "kilobyte": self = .kilobytes
    case "mb", "megabytes", "megabyte": self = .megabytes
    default: return nil
    }
  }

  /// A size such as `512MiB`, `512 MiB`, `1.5GiB`, `500MB` or a plain `512` (MiB), in MiB.
  /// `nil` when the text is not a positive finite size.
  public static func size(_ text: String) -> Double? {
    let trimmed = text.trimmingSpaces()
    var numberEnd = trimmed.startIndex
    while numberEnd < trimmed.endIndex, trimmed[numberEnd].isASCII,
      trimmed[numberEnd].isNumber || trimmed[numberEnd] == "."
    {
      numberEnd = trimmed.index(after: numberEnd)
    }
    guard numberEnd > trimmed.startIndex, let value = Double(trimmed[..<numberEnd]), value.isFinite,
      value > 0
    else { return nil }
    let unitText = String(trimmed[numberEnd...]).trimmingSpaces()
    if unitText.isEmpty { return value }
    guard let unit = SeriesUnit(name: unitText) else { return nil }
    return value * unit.mebibytes
  }
}
