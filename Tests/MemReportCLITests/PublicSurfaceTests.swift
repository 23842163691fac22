import Foundation
import MemReportCore
import MemReportKit
import Testing

/// A library user imports Foundation beside memreport: every public type name must resolve
/// without a module prefix (this file does not compile if one clashes, as `Measurement`,
/// `XMLNode` and `XMLDocument` once did); the count makes a change to the surface deliberate.
@Suite("The public surface")
struct PublicSurfaceTests {
  static let publicTypes: [Any.Type] = [
    ASCII.self, Aggregate.self, AggregateKey.self, AggregateRow.self, Aggregator.self,
    AllocationState.self, Detection.self, DiffGate.self, DiffOptions.self, DiffRow.self,
    DiffRun.self, DiffSection.self, DiffStatus.self, DiffTotal.self, FileFilter.self,
    FilterMatch.self, Grouping.self, HTMLTemplates.self, InputFile.self, InputHead.self,
    InputModel.self, (any InputReader).self, InputRegistry.self, KeyValue.self, LineCleaner.self,
    LineMap.self, MemOverTimeParser.self, MemOverTimeReader.self, MemReportError.self,
    MemoryProfilerParser.self, MemoryProfilerReader.self, MemorySeries.self, Metric.self,
    OptionNames.self, OutputFormat.self, ParseWarning.self, PathNormalizer.self, Producer.self,
    Profile.self, ProfileDiff.self, ProfileDiffBuilder.self, ProfileMetadata.self,
    (any ProfileReader).self, ProfileTransform.self, ReportOptions.self, ReportRun.self,
    Row.self, Section.self, SectionCoverage.self, SectionTitle.self, SeriesForm.self,
    (any SeriesReader).self, SeriesUnit.self, SideValue.self, StringGroup.self,
    StringLocation.self, StringReport.self, TotalAmount.self, Totals.self, TrendAnalysis.self,
    TrendClassifier.self, TrendComparison.self, TrendFit.self, TrendPattern.self,
    TrendProjection.self, TrendReport.self, TrendRun.self, TrendTest.self, TrendUncertainty.self,
    TrendVerdict.self, Units.self, VariantFeature.self,
  ]

  @Test func everyPublicTypeResolvesBesideFoundation() {
    #expect(Self.publicTypes.count == 72)
    #expect(Set(Self.publicTypes.map { String(describing: $0) }).count == 72)
  }
}
