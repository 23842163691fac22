import MemReportCore
/// Every sentence of one report (one `Profile` of a memory_profiler output), built once as the
/// report is read: the headline a reader should see first, the facts about how it was produced,
/// the notes on how its rows were rewritten, the totals, each section's coverage, the regrouped
/// rows of `--by`, the string reports and the warnings line. The text and HTML writers only lay it
/// out; the JSON writer writes the numbers. Words shared with `diff` (coverage, paths, filters)
/// come from `ProfileWording`; numbers are spelled by `Units`. Input text (paths, preamble values,
/// warnings) is kept as read: the page cleans what it shows.
struct ReportDocument {
  /// One total as a headline number with a line under it (a card of the page).
  struct Card {
    var label: String
    var value: String
    var sub: String
  }

  /// A section with rows to show (or whose rows the filters removed).
  struct SectionBlock {
    var section: Section
    var coverage: SectionCoverage
    /// `50 locations listed: 71.3% of 12.3 MB allocated`.
    var sentence: String
    /// `not filtered: gem rows carry no file`, when filters ran and this section's rows have no file.
    var notFiltered: String?
    /// The section lost rows (an elision or a truncated paste).
    var incomplete: String?
  }

  /// A chart of the allocated memory of one grouping's top rows.
  struct ChartBlock {
    /// `top-locations`.
    var name: String
    var section: Section
    /// `Allocated memory by location`.
    var title: String
    var sentence: String

    /// `Top 12 by location. 50 locations listed: 71.3% of 12.3 MB allocated.`
    func caption(bars: Int) -> String {
      "Top \(bars) by \(section.title.grouping.rawValue). \(sentence)."
    }
  }

  /// The `state` location rows regrouped by `--by`.
  struct AggregateBlock {
    var aggregate: Aggregate
    /// `allocated by gem`, and as a heading, `Allocated by gem`.
    var title: String
    var heading: String
    /// `from the 50 listed locations (97.4% of 12.3 MB allocated): each value is a lower bound`.
    var source: String
    /// The same said shortly under a table: `From the 50 listed locations: each value is a lower bound.`
    var tableNote: String
    /// `≥ ` before each value of a top-N list, whose groups have at least that much.
    var bound: String
    /// For `--by origin`: `app code: at least 1.2 MB of 12.3 MB allocated, from the file list`.
    var appCode: String?
    /// For `--by origin`, one per row: `from the file list`, or `bytes from the file list, objects
    /// from the location list`: the list each value was read from.
    var rowNotes: [String] = []

    /// `≥ ` before a row's `metric` value when it is a lower bound.
    func bound(_ row: AggregateRow, _ metric: Metric) -> String {
      guard aggregate.key == .origin else { return bound }
      let source = metric == .memory ? row.bytesSource : row.objectsSource
      return (source?.exact ?? !row.lowerBound) ? "" : "≥ "
    }
  }

  /// Where the allocated bytes come from: app, gems, Ruby stdlib, other.
  struct Origin {
    struct Part {
      var name: String
      /// `≥ 1.2 MB`.
      var value: String
      /// `9.8% of total`.
      var share: String
      /// `app: ≥ 1.2 MB`.
      var title: String
    }

    var aggregate: Aggregate
    /// `From the 50 listed locations (97.4% of the total): each value is a lower bound.`
    var note: String
    var parts: [Part]
    /// `app ≥ 1.2 MB, gems ≥ 9.7 MB`: the parts in one line.
    var label: String { parts.map { "\($0.name) \($0.value)" }.joined(separator: ", ") }
  }

  /// One string report.
  struct StringsBlock {
    var report: StringReport
    /// `50 strings listed; counts are objects`.
    var sentence: String
  }

  static let totalsUnknown = "Totals unknown: the report has no 'Total allocated' header."
  // The page's headings (and its table of contents).
  static let originHeading = "Where allocations come from"
  static let chartsHeading = "Top allocations"
  static let retainedHeading = "What stays in memory"
  static let icicleHeading = "Gem → file → line"
  static let sectionsHeading = "Sections"
  static let icicleCaption =
    "Widths are bytes of the listed locations of 'allocated memory by location'; hover for values."
  static let stringsShownAsPrinted =
    "Strings are shown as Ruby printed them; hover a shortened one for all of it."

  /// The numbers the words are about.
  var profile: Profile
  /// `before.txt: report 2 (lines 80–160)`.
  var title: String
  /// The text report's first line: the title and the retained memory, `before.txt: report 2
  /// (lines 80–160): 50.4 kB retained of 588 kB allocated (8.6%)`.
  var firstLine: String
  /// The leak lens: `largest retained site: x.rb:12 (20.1 kB, 39.9% of retained); per request
  /// (Running 5 times): 1 retained object, 40.0 kB`; `nil` when nothing is retained or unknown.
  var leak: String?
  /// `80–160`.
  var lines: String
  /// The answer first: totals, the largest allocation site, app code.
  var headline: String
  /// `memory_profiler; Running 5 times; Booting: production; seen: …`: the facts in one line.
  var summary: String
  /// Produced by, Run, Variant, Paths, Filters, Coverage.
  var facts: [Fact]
  /// `paths: …`, `filters: …`: how the rows were rewritten.
  var notes: [String]
  /// `Total allocated`, `Total retained`; none when the report has no totals header.
  var totals: [Fact]
  var cards: [Card]
  var origin: Origin?
  var charts: [ChartBlock]
  /// The chart of the top retained locations, when the report lists any.
  var retainedChart: ChartBlock?
  var aggregates: [AggregateBlock]
  var sections: [SectionBlock]
  /// Titles of the sections with no row to show.
  var withoutRows: [String]
  /// `NO DATA: all 16 sections`, over the sections memory_profiler printed as NO DATA.
  var noData: String?
  var strings: [StringsBlock]
  /// `2 warnings about this report (on standard error; all in --format json)`.
  var warningNote: String?
  /// `2 warnings while reading (…): line 3: …; line 9: …` (the first three).
  var warningSummary: String?

  /// - Parameter answer: also work out the headline and the origin split (a page shows them; the
  ///   text report does not, and skips their pass over every location row).
  /// - Complexity: O(*r* log *r*) for *r* location rows (the origin and `--by` groups).
  init(_ profile: Profile, source: String, aggregateBy: AggregateKey?, answer: Bool = true) {
    self.profile = profile
    let m = profile.metadata
    title = "\(source): report \(m.index) (lines \(m.firstLine)–\(m.lastLine))"
    lines = "\(m.firstLine)–\(m.lastLine)"
    let isDump = m.producer == .heapDump
    firstLine =
      title + ": "
      + (isDump ? Self.live(profile.totals.allocated) : Self.retained(profile.totals))
    let leak = Self.leak(profile)
    self.leak = leak
    let origins = answer ? Aggregator.aggregate(profile, by: .origin, state: .allocated) : nil
    headline = Self.headline(profile, origin: origins)
    if let leak {
      headline += " " + leak.prefix(1).uppercased() + leak.dropFirst() + "."
    }
    let run = Self.run(m)
    let features = m.features.subtracting([.derailedPreamble]).sorted().map(\.rawValue).joined(
      separator: ", ")
    summary = ([m.producer.rawValue] + run + (features.isEmpty ? [] : ["seen: " + features]))
      .joined(separator: "; ")
    notes = m.notes
    if let normalizer = profile.normalizer {
      notes.append("paths: " + ProfileWording.paths(normalizer))
    }
    if !profile.filters.isEmpty {
      notes.append("filters: " + ProfileWording.filters(profile.filters))
    }
    facts = [Fact(label: "Produced by", value: m.producer.rawValue)]
    if !run.isEmpty { facts.append(Fact(label: "Run", value: run.joined(separator: ", "))) }
    if !features.isEmpty { facts.append(Fact(label: "Variant", value: features)) }
    if let normalizer = profile.normalizer {
      facts.append(Fact(label: "Paths", value: ProfileWording.paths(normalizer)))
    }
    if !profile.filters.isEmpty {
      facts.append(Fact(label: "Filters", value: ProfileWording.filters(profile.filters)))
    }
    if let section = profile.section(SectionTitle(.allocated, .memory, .location)) {
      let coverage = SectionCoverage(section: section, in: profile)
      facts.append(Fact(label: "Coverage", value: ProfileWording.coverage(coverage, of: section)))
    }
    totals =
      profile.totals.line == nil
      ? []
      : isDump
        ? [Self.total(.allocated, profile.totals.allocated, label: "Live heap")]
        : AllocationState.allCases.map { Self.total($0, profile.totals[$0]) }
    cards = isDump ? Self.heapCards(profile.totals.allocated) : Self.cards(profile.totals)
    if isDump {
      headline = headline.replacingOccurrences(of: " allocated in ", with: " live in ")
      for note in m.notes {
        let read = "heap dump: "
        facts.append(
          note.hasPrefix(read)
            ? Fact(label: "Heap dump", value: String(note.dropFirst(read.count)))
            : Fact(label: "Left out", value: note))
      }
    }
    origin = origins.flatMap(Self.origin)
    charts = [(Grouping.location, "top-locations"), (.file, "top-files"), (.gem, "top-gems")]
      .compactMap { grouping, name in
        guard let section = profile.section(SectionTitle(.allocated, .memory, grouping)),
          !section.rows.isEmpty
        else { return nil }
        return ChartBlock(
          name: name, section: section, title: "Allocated memory by \(grouping.rawValue)",
          sentence: ProfileWording.coverage(
            SectionCoverage(section: section, in: profile), of: section))
      }
    retainedChart = profile.section(SectionTitle(.retained, .memory, .location)).flatMap {
      section in
      guard !section.rows.isEmpty else { return nil }
      return ChartBlock(
        name: "retained-locations", section: section, title: "Retained memory by location",
        sentence: ProfileWording.coverage(
          SectionCoverage(section: section, in: profile), of: section))
    }
    aggregates =
      aggregateBy.map { key in
        AllocationState.allCases.compactMap { state in
          guard let aggregate = Aggregator.aggregate(profile, by: key, state: state),
            !aggregate.rows.isEmpty
          else { return nil }
          return Self.aggregate(aggregate)
        }
      } ?? []
    let shown = profile.sections.filter { !$0.rows.isEmpty || $0.filtered }
    sections = shown.map { Self.section($0, of: profile) }
    withoutRows = profile.sections.filter { $0.rows.isEmpty && !$0.filtered }.map(\.title.text)
    let empty = profile.sections.filter(\.noData).map(\.title.text)
    noData =
      empty.isEmpty
      ? nil
      : "NO DATA: "
        + (empty.count == profile.sections.count
          ? "all \(empty.count) sections" : empty.joined(separator: ", "))
    strings = AllocationState.allCases.compactMap { profile.strings($0) }.map {
      StringsBlock(
        report: $0,
        sentence: Units.counted($0.groups.count, "string") + " listed; counts are objects"
          + (isDump
            ? "; values with two or more live copies, most bytes freed by sharing one copy first"
            : ""))
    }
    let warnings = profile.warnings
    if !warnings.isEmpty {
      warningNote =
        Units.counted(warnings.count, "warning")
        + " about this report (on standard error; all in \(OptionNames.current.jsonFormat))"
      warningSummary =
        Units.counted(warnings.count, "warning")
        + " while reading (lines skipped or read in a particular way): "
        + warnings.prefix(3).map { "line \($0.line): \($0.message)" }.joined(separator: "; ")
        + (warnings.count > 3 ? "; … (all in \(OptionNames.current.jsonFormat))" : "")
    }
  }

  // MARK: Sentences

  /// `12.3 MB allocated in 98,765 objects; 1.2 MB retained (9.8% of it). Largest allocation site:
  /// … (1.1 MB, 8.9%). App code: at least 2.3 MB (18.7%).`
  static func headline(_ profile: Profile, origin: Aggregate?) -> String {
    let t = profile.totals
    guard let allocated = t.allocated.bytes else {
      return "This report has no byte totals (an old or headerless report): see the sections below."
    }
    let approx = t.allocated.bytesApproximate ? "≈" : ""
    var text = "\(approx)\(Units.bytes(allocated)) allocated"
    if let objects = t.allocated.objects { text += " in \(Units.count(objects)) objects" }
    if let retained = t.retained.bytes {
      text +=
        "; \(approx)\(Units.bytes(retained)) retained (\(Units.percentage(retained, of: allocated)) of it)"
    }
    text += "."
    // A heap dump's objects from before tracing started have no site: name the largest known one.
    let isDump = profile.metadata.producer == .heapDump
    if let section = profile.section(SectionTitle(.allocated, .memory, .location)),
      let top = section.rows.first(where: {
        !isDump || profile.name(of: $0) != HeapSummary.noAllocationInfo
      })
    {
      text +=
        " Largest \(isDump ? "known " : "")allocation site: \(profile.name(of: top)) (\(Units.bytes(top.value)), \(Units.percentage(top.value, of: allocated)))."
    }
    if let origin,
      let app = origin.rows.first(where: { $0.name == PathClassifier.Origin.app.rawValue }),
      app.bytes > 0
    {
      let from = app.bytesSource.map { "; from " + ProfileWording.source($0) } ?? ""
      text +=
        " App code: \(app.lowerBound ? "at least " : "")\(Units.bytes(app.bytes)) (\(Units.percentage(app.bytes, of: allocated))\(from))."
    } else if origin != nil {
      text += " App code: not in the listed locations, files or gems."
    }
    return text
  }

  /// `50.4 kB retained of 588 kB allocated (8.6%)`, `nothing retained of 3.43 MB allocated`, or
  /// `retained memory unknown`: what the text report's first line says after the title.
  static func retained(_ t: Totals) -> String {
    guard let retained = t.retained.bytes else {
      return t.retained.objects.map {
        "\(Units.counted(Int($0), "object")) retained (bytes unknown)"
      }
        ?? "retained memory unknown"
    }
    let approx = t.retained.bytesApproximate ? "≈" : ""
    let of = t.allocated.bytes.map { " of \(approx)\(Units.bytes($0)) allocated" } ?? ""
    if retained == 0 { return "nothing retained" + of }
    let share = t.allocated.bytes.map { " (\(Units.percentage(retained, of: $0)))" } ?? ""
    return "\(approx)\(Units.bytes(retained)) retained\(of)\(share)"
  }

  /// `2.72 MB live in 18,935 objects`: a heap dump's first line after the title (a dump's objects
  /// are its "allocated" sections: what the heap held when it was dumped).
  static func live(_ amount: TotalAmount) -> String {
    "\(Units.bytes(amount.bytes ?? 0)) live in \(Units.counted(Int(clamping: amount.objects ?? 0), "object"))"
  }

  /// The leak lens in one line: the largest retained site and, when derailed ran the app N times,
  /// what each request retained.
  static func leak(_ profile: Profile) -> String? {
    let t = profile.totals.retained
    guard (t.bytes ?? 0) > 0 || (t.objects ?? 0) > 0 else { return nil }
    var parts: [String] = []
    if let section = profile.section(SectionTitle(.retained, .memory, .location)),
      let top = section.rows.first, top.value > 0
    {
      let approx = section.approximate ? "≈" : ""
      let share = t.bytes.map { ", \(Units.percentage(top.value, of: $0)) of retained" } ?? ""
      parts.append(
        "largest retained site: \(profile.name(of: top)) (\(approx)\(Units.bytes(top.value))\(share))"
      )
    }
    if let n = profile.metadata.iterations, n > 0 {
      var each: [String] = []
      if let objects = t.objects {
        let per = perRequest(objects, n)
        each.append(per + (per == "1" ? " retained object" : " retained objects"))
      }
      if let bytes = t.bytes {
        each.append((t.bytesApproximate ? "≈" : "") + Units.bytes(bytes / Int64(n)))
      }
      if !each.isEmpty {
        parts.append(
          "per request (Running \(Units.count(Int64(n))) times): " + each.joined(separator: ", "))
      }
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }

  /// `1`, `2.4`, `1,234`: `total / n` with one decimal when it is not whole.
  static func perRequest(_ total: Int64, _ n: Int) -> String {
    let n64 = Int64(n)
    if total % n64 == 0 || total > 1_000_000_000_000 { return Units.count(total / n64) }
    return Units.grouped(Double(total) / Double(n64), digits: 1)
  }

  /// `Running 5 times`, `Booting: production`, …: how the profiled code was run.
  static func run(_ m: ProfileMetadata) -> [String] {
    var run: [String] = []
    if let n = m.iterations { run.append("Running \(Units.count(Int64(n))) times") }
    for key in ["Booting", "Method", "Endpoint", "Gem groups"] {
      if let value = m.preamble[key] { run.append("\(key): \(value)") }
    }
    return run
  }

  /// `Total allocated`: `12.3 MB (12,345,678 bytes), 98,765 objects`.
  static func total(_ state: AllocationState, _ amount: TotalAmount, label: String? = nil) -> Fact {
    var text: String
    if let bytes = amount.bytes {
      text = (amount.bytesApproximate ? "≈" : "") + Units.bytes(bytes)
      if !amount.bytesApproximate && bytes >= 1000 { text += " (\(Units.count(bytes)) bytes)" }
    } else {
      text = "bytes unknown"
    }
    text +=
      ", "
      + (amount.objects.map { "\(Units.count($0)) object\($0 == 1 ? "" : "s")" }
        ?? "objects unknown")
    return Fact(label: label ?? "Total \(state.rawValue)", value: text)
  }

  /// A heap dump's cards: the live heap.
  static func heapCards(_ amount: TotalAmount) -> [Card] {
    [
      Card(
        label: "Live memory", value: Units.bytes(amount.bytes ?? 0),
        sub: Units.count(amount.bytes ?? 0) + " bytes (memsize)"),
      Card(
        label: "Live objects", value: Units.count(amount.objects ?? 0),
        sub: "every object of the dump"),
    ]
  }

  static func cards(_ t: Totals) -> [Card] {
    func bytes(_ a: TotalAmount) -> String {
      a.bytes.map { (a.bytesApproximate ? "≈" : "") + Units.bytes($0) } ?? "unknown"
    }
    let exact =
      t.allocated.bytes.map {
        t.allocated.bytesApproximate ? "printed scaled: approximate" : Units.count($0) + " bytes"
      } ?? ""
    let retainedShare =
      t.retained.bytes.flatMap { r in
        t.allocated.bytes.map { Units.percentage(r, of: $0) + " of allocated" }
      } ?? ""
    let retainedObjects =
      t.retained.objects.flatMap { r in
        t.allocated.objects.map { Units.percentage(r, of: $0) + " of allocated" }
      } ?? ""
    return [
      Card(label: "Allocated memory", value: bytes(t.allocated), sub: exact),
      Card(
        label: "Allocated objects", value: t.allocated.objects.map(Units.count) ?? "unknown",
        sub: "every allocation while profiling"),
      Card(label: "Retained memory", value: bytes(t.retained), sub: retainedShare),
      Card(
        label: "Retained objects", value: t.retained.objects.map(Units.count) ?? "unknown",
        sub: retainedObjects),
    ]
  }

  static func origin(_ aggregate: Aggregate) -> Origin? {
    guard aggregate.coveredBytes > 0 else { return nil }
    let rows = aggregate.rows.filter { $0.bytes > 0 }
    let parts = rows.map { row in
      let bound = row.lowerBound ? "≥ " : ""
      return Origin.Part(
        name: row.name, value: bound + Units.bytes(row.bytes),
        share: Units.percentage(row.bytes, of: aggregate.totalBytes) + " of total",
        title: "\(row.name): \(bound)\(Units.bytes(row.bytes)), "
          + ProfileWording.sources(bytes: row.bytesSource, objects: nil))
    }
    let froms = rows.map { ProfileWording.sources(bytes: $0.bytesSource, objects: nil) }
    let exact = aggregate.exact ? "exact." : "values marked ≥ are lower bounds."
    let note: String
    if let first = froms.first, froms.allSatisfy({ $0 == first }) {
      note = "Bytes " + first + ": " + exact
    } else {
      note =
        "Bytes of each origin from the list that holds the most of it: "
        + zip(rows, froms).map { "\($0.name) \($1)" }.joined(separator: ", ") + "; " + exact
    }
    var aggregate = aggregate
    aggregate.rows = rows
    return Origin(aggregate: aggregate, note: note, parts: parts)
  }

  static func aggregate(_ aggregate: Aggregate) -> AggregateBlock {
    let state = aggregate.state.rawValue
    let n = aggregate.sourceRows.memory
    let locations = "\(Units.count(Int64(n))) \(ProfileWording.noun(.location, n))"
    let sources = "the \(Units.count(Int64(n))) listed \(ProfileWording.noun(.location, n))"
    let approx = aggregate.approximate ? "≈" : ""
    var source: String
    var tableNote: String
    if aggregate.exact {
      source = "from \(sources), a complete list: exact"
      tableNote = "From all \(locations): exact."
    } else {
      let share =
        aggregate.totalBytes.map {
          " (\(Units.percentage(aggregate.coveredBytes, of: $0)) of \(approx)\(Units.bytes($0)) \(state))"
        } ?? ""
      source = "from \(sources)\(share): each value is a lower bound"
      tableNote = "From \(sources): each value is a lower bound."
    }
    var appCode: String?
    var rowNotes: [String] = []
    if aggregate.key == .origin {
      let notes = aggregate.rows.map {
        ProfileWording.sources(bytes: $0.bytesSource, objects: $0.objectsSource)
      }
      let exact =
        aggregate.exact
        ? (aggregate.approximate ? ": the whole list, printed scaled (≈)" : ": exact")
        : ": ≥ marks a lower bound"
      if let first = notes.first, notes.allSatisfy({ $0 == first }) {
        // One list for every value: say it once.
        source = first + exact
      } else {
        source = ProfileWording.originSources + exact
        rowNotes = notes
      }
      tableNote = source.prefix(1).uppercased() + source.dropFirst() + "."
      if let total = aggregate.totalBytes {
        let app = aggregate.rows.first(where: { $0.name == PathClassifier.Origin.app.rawValue })
        if let app, app.bytes > 0 {
          let bound = app.lowerBound ? "at least " : ""
          let from = app.bytesSource.map { ProfileWording.source($0) } ?? sources
          appCode =
            "app code: \(bound)\(approx)\(Units.bytes(app.bytes)) of \(approx)\(Units.bytes(total)) \(state), from \(from)"
        } else {
          appCode =
            "app code: not in the listed locations, files or gems of \(approx)\(Units.bytes(total)) \(state)"
        }
      }
    }
    return AggregateBlock(
      aggregate: aggregate, title: "\(state) by \(aggregate.key.rawValue)",
      heading: "\(state.capitalized) by \(aggregate.key.rawValue)", source: source,
      tableNote: tableNote,
      bound: aggregate.exact ? "" : "≥ ", appCode: appCode, rowNotes: rowNotes)
  }

  static func section(_ section: Section, of profile: Profile) -> SectionBlock {
    let coverage = SectionCoverage(section: section, in: profile)
    let grouping = section.title.grouping
    return SectionBlock(
      section: section, coverage: coverage,
      sentence: ProfileWording.coverage(coverage, of: section),
      notFiltered: !profile.filters.isEmpty && !grouping.hasPaths
        ? ProfileWording.notFiltered(grouping) : nil,
      incomplete: section.incomplete
        ? "rows are missing here (an elision or a truncated paste): sums are lower bounds" : nil)
  }
}
