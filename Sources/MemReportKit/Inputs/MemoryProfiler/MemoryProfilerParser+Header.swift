#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import MemReportCore

/// The `Total allocated` / `Total retained` header and section titles.
extension MemoryProfilerParser {
  // MARK: - Header

  /// `Total allocated: 99059 bytes (1237 objects)` and its variants. Returns false when the line
  /// only starts with `T`.
  mutating func header(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws -> Bool {
    var c = ByteCursor(line)
    c.skipSpaces()
    guard c.consume("Total ") else { return false }
    let state: AllocationState
    if c.consume("allocated") {
      state = .allocated
    } else if c.consume("retained") {
      state = .retained
    } else if c.consume("freed") {
      throw MemReportError.unusableInput(
        path: path, line: number,
        reason:
          "this is heap-profiler output (Shopify's heap-profiler gem: 'Total freed'), not memory_profiler; memreport reads memory_profiler reports only"
      )
    } else {
      return false
    }
    let hasColon = c.consume(":")
    c.skipSpaces()
    var amount = TotalAmount()
    var shape: VariantFeature = .bytesAndObjectsHeader
    if let size = c.count() {
      c.skipSpaces()
      if size.scaled {
        amount.bytes = size.value
        amount.bytesApproximate = true
        scaled(size)
      } else if c.consume("bytes") {
        amount.bytes = size.value
      } else if hasColon {
        return malformedHeader(line, number: number)
      } else if c.isAtEnd {
        amount.objects = size.value
        shape = .objectsOnlyHeader
      } else {
        amount.bytes = size.value
        shape = .unlabelledHeader
      }
    } else if c.consume("bytes") {
      shape = .emptyHeader
    } else if !c.isAtEnd {
      return malformedHeader(line, number: number)
    } else {
      shape = .emptyHeader
    }
    c.skipSpaces()
    if c.consume("(") {
      c.skipSpaces()
      amount.objects = c.unsignedInteger()
      if amount.objects == nil && shape != .unlabelledHeader { shape = .emptyHeader }
      c.skipSpaces()
      _ = c.consume("objects") || c.consume("object")
      c.skipSpaces()
      guard c.consume(")") else { return malformedHeader(line, number: number) }
    }
    c.skipSpaces()
    guard c.isAtEnd else { return malformedHeader(line, number: number) }
    if state == .allocated {
      startReport(number: number, hasHeader: true)
    } else if profile == nil || profile?.totals.retained != TotalAmount()
      || !(profile?.sections.isEmpty ?? true)
    {
      startReport(number: number, hasHeader: true)
      warn(
        number, "a 'Total retained' line without 'Total allocated' before it starts a new report")
    }
    profile?.totals[state] = amount
    if profile?.totals.line == nil { profile?.totals.line = number }
    feature(shape)
    context = .header
    return true
  }

  mutating func malformedHeader(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
    warn(number, "skipped a 'Total' line in an unknown form", line)
    return true
  }

  // MARK: - Titles

  mutating func title(
    _ match: (title: LineKind.Title, exact: Bool, markdown: Bool), number: Int,
    line: UnsafeBufferPointer<UInt8>
  ) {
    closeSection()
    if match.markdown { feature(.markdown) }
    switch match.title {
    case .section(let title):
      if let profile,
        profile.section(title) != nil || profile.allocatedStrings != nil
          || profile.retainedStrings != nil
      {
        warn(number, "'\(title.text)' appears again: reading it as the start of another report")
        finishReport()
      }
      if profile == nil { startReport(number: number, hasHeader: false) }
      profile?.sections.append(Section(title: title, line: number))
      context = .section((profile?.sections.count ?? 1) - 1)
      awaitingDashes = number
      if !match.exact && !match.markdown {
        warn(number, "read this line as the title '\(title.text)'", line)
      }
    case .strings(let state):
      if let profile, profile.strings(state) != nil {
        warn(
          number, "the \(state.rawValue) string report appears again: reading it as another report")
        finishReport()
      }
      if profile == nil { startReport(number: number, hasHeader: false) }
      let report = StringReport(state: state, line: number)
      if state == .allocated {
        profile?.allocatedStrings = report
      } else {
        profile?.retainedStrings = report
      }
      context = .strings(state)
      awaitingDashes = number
      if !match.exact && !match.markdown {
        warn(number, "read this line as the title '\(report.title)'", line)
      }
    }
  }

  /// A title is followed by its dashes line; note the variant when it is not.
  mutating func checkDashesAfterTitle(_ line: UnsafeBufferPointer<UInt8>) {
    guard awaitingDashes != nil, !LineKind.isDashes(line) else { return }
    awaitingDashes = nil
    feature(.titleWithoutDashes)
  }

  mutating func noData(number: Int) {
    if case .section(let index) = context, sectionRows.isEmpty, let profile,
      !profile.sections[index].noData
    {
      self.profile?.sections[index].noData = true
      feature(.noData)
      awaitingDashes = nil
    } else {
      warn(number, "skipped a 'NO DATA' line outside an empty section")
    }
  }
}
