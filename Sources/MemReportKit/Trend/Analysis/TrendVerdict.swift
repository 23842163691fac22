import MemReportCore
/// What a memory-over-time series shows (the article's distinction: a leak never levels off,
/// bloat grows and then levels off).
public enum TrendVerdict: String, CaseIterable, Sendable {
  /// Memory keeps growing to the end at a rate that is both statistically and practically
  /// significant, and the growth is not slowing down.
  case leak
  /// Memory rose during a warm-up, then levelled off: the tail has no practically significant growth.
  case bloat
  /// Memory neither rose nor grows: flat from the start (within noise and the practical threshold).
  case stable
  /// The series is too short or too noisy to tell; the analysis says what to run instead.
  case inconclusive
}
