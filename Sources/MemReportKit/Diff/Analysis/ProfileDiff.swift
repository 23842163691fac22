import MemReportCore
/// A before/after comparison of memory_profiler reports: totals, every section and both string
/// reports keyed on (normalized) names, with statuses that respect the top-N cut.
///
/// Built pprof-style from two sides of one or more runs each, but keeping both sides' values next
/// to each other (`DiffRow`), so writers can show before, after, delta and delta%.
public struct ProfileDiff: Sendable {
  public var totals: [DiffTotal]
  /// Sections in memory_profiler's order, then the two string reports.
  public var sections: [DiffSection]
  /// Locations that look moved (same file, same values, nearby lines) when no patch was given.
  public var candidateMoves: [CandidateMove]
  /// Values were divided by each side's iteration count (derailed `Running N times`).
  public var perIteration: (before: Int, after: Int)?
  /// Locations mapped through a `git diff -U0` patch: how many moved, how many were edited.
  public var linesMoved = 0
  public var linesEdited = 0
  public var runs: (before: Int, after: Int)
  /// Per state and metric, the sum of the rows the file filters kept (`DiffRun` fills it when
  /// filters ran; a gate with `scope: .filtered` watches it).
  public var filteredTotals: [FilteredTotal] = []
  /// How far the two sides' keys meet (`DiffRun` fills it): a warning when they share almost
  /// none, or look like two checkouts of one app.
  public var overlap: KeyOverlap?

  /// A location that disappeared at one line and appeared, with the same values, nearby.
  public struct CandidateMove: Sendable, Equatable {
    public var from: String
    public var to: String
    public var bytes: Double
  }

  /// The total for a state and metric.
  public func total(_ state: AllocationState, _ metric: Metric) -> DiffTotal? {
    totals.first { $0.state == state && $0.metric == metric }
  }

  /// The filtered total for a state and metric.
  public func filteredTotal(_ state: AllocationState, _ metric: Metric) -> FilteredTotal? {
    filteredTotals.first { $0.state == state && $0.metric == metric }
  }

  /// The section of a kind.
  public func section(_ kind: DiffSection.Kind) -> DiffSection? {
    sections.first { $0.kind == kind }
  }

  /// The section the top movers and the chart show: allocated memory by location, else the first
  /// section with a change.
  public var lead: DiffSection? {
    section(.allocatedLocations) ?? sections.first { $0.moverCount > 0 }
  }

  /// The sections whose top movers a reader sees first: the lead, then retained memory by
  /// location when the retained total changed (a leak fixed or introduced is news even when
  /// allocations barely moved) and that section has movers.
  public var leads: [DiffSection] {
    var leads = lead.map { [$0] } ?? []
    let retained = DiffSection.Kind.section(SectionTitle(.retained, .memory, .location))
    let retainedChanged = total(.retained, .memory).map { $0.isReal } ?? true
    if retainedChanged, let section = section(retained), section.moverCount > 0,
      lead?.kind != retained
    {
      leads.append(section)
    }
    return leads
  }
}

/// Options for building a `ProfileDiff`.
public struct DiffOptions: Sendable {
  /// A `git diff -U0` patch to map old line numbers to new ones.
  public var lineMap: LineMap?
  /// Iteration counts given on the command line, overriding derailed's `Running N times`.
  public var iterationsBefore: Int?
  public var iterationsAfter: Int?
  /// How far apart (in lines) a candidate move may be.
  public var moveWindow = 20

  public init(lineMap: LineMap? = nil, iterationsBefore: Int? = nil, iterationsAfter: Int? = nil) {
    self.lineMap = lineMap
    self.iterationsBefore = iterationsBefore
    self.iterationsAfter = iterationsAfter
  }
}
