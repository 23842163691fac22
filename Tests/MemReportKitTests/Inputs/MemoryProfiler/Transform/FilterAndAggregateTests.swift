import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// Sums checked against the sample files by hand (awk over the printed rows).
@Suite("Filters and aggregation on the real samples")
struct FilterAndAggregateTests {
  func load(_ sample: String) throws -> Profile {
    try #require(try parseFile(TestFiles.sample(sample)).first)
  }

  func transform(allow: [String] = [], ignore: [String] = [], normalize: Bool = true) throws
    -> ProfileTransform
  {
    ProfileTransform(
      normalizer: PathNormalizer(enabled: normalize),
      filter: try FileFilter(allow: allow, ignore: ignore))
  }

  @Test func allowFilesKeepsTheAppsOwnRows() throws {
    let p = try transform(allow: ["shop/lib"]).apply(to: try load("default.txt"))
    let files = try #require(p.section("allocated memory by file"))
    // catalog 59136 + invoice 43016 + cart 32682 + product 20496, which is also the gem row `shop/lib`.
    #expect(files.listedTotal == 155_330)
    #expect(
      p.rowNames("allocated memory by file") == [
        "shop/lib/shop/catalog.rb", "shop/lib/shop/invoice.rb", "shop/lib/shop/cart.rb",
        "shop/lib/shop/product.rb",
      ])
    #expect(files.filtered && files.rowsFilteredOut == 5)
    #expect(files.isComplete(total: p.totals.allocated.bytes))  // the unfiltered list was complete
    let locations = try #require(p.section("allocated memory by location"))
    #expect(locations.listedTotal == 153_090)  // 14 of the 50 listed rows
    #expect(locations.rows.count == 14)
    #expect(!locations.isComplete(total: p.totals.allocated.bytes))
    // Gem and class rows carry no file: untouched.
    #expect(p.section("allocated memory by gem")?.filtered == false)
    #expect(p.section("allocated memory by gem")?.rows.count == 5)
    #expect(p.totals.allocated.bytes == 588_443)
    // 4 + 14 + 4 + 11 + 1 + 7 + 1 + 7 = 49 rows of the 8 file and location sections.
    #expect(p.filters == [FilterMatch(pattern: "shop/lib", kind: .allow, rows: 49)])
  }

  @Test func ignoreFilesIsARegexAgainstThePath() throws {
    let p = try transform(ignore: ["erb"]).apply(to: try load("default.txt"))
    // 588443 − erb.rb 328174 − (erb) 33042
    #expect(p.section("allocated memory by file")?.listedTotal == 227_227)
    #expect(p.filters.first?.rows ?? 0 > 0)
  }

  @Test func commaFormGivesTwoPatterns() throws {
    let filter = try FileFilter(allow: ["shop/lib,json"])
    #expect(filter.patterns.map(\.text) == ["shop/lib", "json"])
    let braces = try FileFilter(allow: ["a{1,3}b"])
    #expect(braces.patterns.map(\.text) == ["a{1,3}b"])
    let p = ProfileTransform(filter: filter).apply(to: try load("default.txt"))
    // shop/lib 155,330 + json 58,881
    #expect(p.section("allocated memory by file")?.listedTotal == 214_211)
  }

  @Test func invalidRegexNamesThePattern() {
    #expect(throws: MemReportError.self) { try FileFilter(allow: ["app/(models"]) }
    do {
      _ = try FileFilter(ignore: ["[oops"])
    } catch let error as MemReportError {
      guard case .usage = error else {
        Issue.record("expected a usage error, got \(error)")
        return
      }
      #expect(error.description.contains("'ignore [oops' is not a valid regular expression"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func aFilterThatMatchesNothingIsWarned() throws {
    let p = try transform(allow: ["codetriage"]).apply(to: try load("default.txt"))
    #expect(
      p.warnings.contains { $0.message == "'allow codetriage' matched no file or location row" })
    #expect(p.section("allocated memory by location")?.rows.isEmpty == true)
  }

  @Test func stringReportsAreFilteredAndRecounted() throws {
    let p = try transform(allow: ["shop/lib"]).apply(to: try load("default.txt"))
    let retained = try #require(p.retainedStrings)
    let size0 = try #require(retained.groups.first { $0.string == "\"size-0\"" })
    #expect(size0.count == 30)  // 31 before: the set.rb:522 copy is filtered out
    #expect(size0.locations.map { p.name(of: $0) } == ["shop/lib/shop/catalog.rb:12"])
    // No group keeps a location outside shop/lib, and every count is its locations' sum.
    for group in retained.groups + (p.allocatedStrings?.groups ?? []) {
      #expect(group.locations.allSatisfy { p.names[$0.fileID].hasPrefix("shop/lib/") })
      #expect(group.count == group.locations.reduce(0) { $0 + $1.count })
    }
    // The erb strings disappear entirely.
    #expect(p.allocatedStrings?.groups.contains { $0.string == "\"%>\"" } == false)
  }

  @Test func aggregateByFileIsALowerBoundFromTopN() throws {
    let p = try transform().apply(to: try load("default.txt"))
    let aggregate = try #require(Aggregator.aggregate(p, by: .file, state: .allocated))
    let erb = try #require(aggregate.rows.first { $0.name == "ruby/lib/erb.rb" })
    #expect(erb.bytes == 317_902)  // 29 of the listed memory rows
    #expect(erb.objects == 4_779)  // 33 of the listed object rows
    #expect(erb.lowerBound)
    #expect(!aggregate.exact)
    #expect(aggregate.coveredBytes == 573_347)
    #expect(aggregate.totalBytes == 588_443)
    #expect(aggregate.rows.first?.name == "ruby/lib/erb.rb")
  }

  @Test func aggregateByOrigin() throws {
    // The file list of default.txt is complete (its rows add up to 588,443 B): every origin is
    // exact from it, where the cut location list gave lower bounds (app ≥ 154,570 B).
    let p = try transform().apply(to: try load("default.txt"))
    let aggregate = try #require(Aggregator.aggregate(p, by: .origin, state: .allocated))
    let bytes = Dictionary(uniqueKeysWithValues: aggregate.rows.map { ($0.name, $0.bytes) })
    #expect(bytes == ["Ruby stdlib": 397_743, "app": 157_658, "other": 33_042])
    let objects = Dictionary(uniqueKeysWithValues: aggregate.rows.map { ($0.name, $0.objects) })
    #expect(objects == ["Ruby stdlib": 5_425, "app": 2_443, "other": 472])
    #expect(aggregate.exact)
    #expect(
      aggregate.rows.allSatisfy { $0.bytesSource == OriginSource(grouping: .file, exact: true) })
  }

  /// Issue 10 point 4: storefront.txt's app code allocates at many small sites, none among the
  /// 50 listed memory locations; the origin split read only that list and said "app ≥ 0 B" next
  /// to 1,293 objects from the objects list. Its file list is complete (35 files add up to
  /// 3,582,242 B), so app is exactly 274,278 B and 4,899 objects (checked with a Python sum of
  /// the printed file rows).
  @Test func originReadsTheCompleteFileListWhenTheLocationListMissesTheApp() throws {
    let p = try transform().apply(to: try load("storefront.txt"))
    let locations = try #require(p.section(SectionTitle(.allocated, .memory, .location)))
    #expect(!locations.rows.contains { PathClassifier.origin(of: p.names[$0.nameID]) == .app })
    let aggregate = try #require(Aggregator.aggregate(p, by: .origin, state: .allocated))
    let app = try #require(aggregate.rows.first { $0.name == "app" })
    #expect(app.bytes == 274_278)
    #expect(app.objects == 4_899)
    #expect(!app.lowerBound)
    #expect(app.bytesSource == OriginSource(grouping: .file, exact: true))
    #expect(app.objectsSource == OriginSource(grouping: .file, exact: true))
    let gems = try #require(aggregate.rows.first { $0.name == "gems" })
    #expect(gems.bytes == 2_534_816)
    #expect(aggregate.coveredBytes == 3_582_242)
  }

  /// storefront-top20.txt (top: 20): every list is cut, so each origin takes the largest lower
  /// bound of the three lists, and says which. Expected values are Python sums per list
  /// (location / file / gem): app bytes 0 / 250,550 / 244,890 and objects 388 / 4,037 / 4,339;
  /// other bytes 108,876 / 112,076 / unknown and objects 936 / 936 / unknown.
  @Test func originTakesEachOriginFromTheListWithTheMostOfIt() throws {
    let p = try transform().apply(to: try load("storefront-top20.txt"))
    let aggregate = try #require(Aggregator.aggregate(p, by: .origin, state: .allocated))
    let rows = Dictionary(uniqueKeysWithValues: aggregate.rows.map { ($0.name, $0) })
    // App bytes from the file list and its objects from the gem list: two lists in one row.
    #expect(rows["app"]?.bytes == 250_550)
    #expect(rows["app"]?.bytesSource == OriginSource(grouping: .file, exact: false))
    #expect(rows["app"]?.objects == 4_339)
    #expect(rows["app"]?.objectsSource == OriginSource(grouping: .gem, exact: false))
    #expect(rows["other"]?.bytes == 112_076)
    #expect(rows["other"]?.bytesSource == OriginSource(grouping: .file, exact: false))
    #expect(rows["other"]?.objects == 936)
    #expect(rows["other"]?.objectsSource == OriginSource(grouping: .location, exact: false))
    #expect(rows["gems"]?.bytes == 2_534_816)
    #expect(rows["Ruby stdlib"]?.bytes == 661_072)
    #expect(aggregate.rows.allSatisfy { $0.lowerBound })
    // Lower bounds from different lists never add up to more than the total.
    #expect(aggregate.coveredBytes <= 3_582_242)
    // With file filters the gem list (which carries no file) is not used.
    let filtered = try transform(allow: ["storefront"]).apply(to: try load("storefront-top20.txt"))
    let kept = try #require(Aggregator.aggregate(filtered, by: .origin, state: .allocated))
    #expect(kept.rows.allSatisfy { $0.bytesSource?.grouping != .gem })
  }

  @Test func gemNamesHaveAnOriginOnlyWhenTheNameSaysSo() {
    #expect(OriginSplit.origin(ofGem: "rack-2.2.22", versionsDropped: false) == .gems)
    #expect(OriginSplit.origin(ofGem: "rails-f45267bc4230", versionsDropped: false) == .gems)
    #expect(OriginSplit.origin(ofGem: "storefront/app", versionsDropped: false) == .app)
    #expect(OriginSplit.origin(ofGem: "uri", versionsDropped: false) == .stdlib)
    #expect(OriginSplit.origin(ofGem: "uri", versionsDropped: true) == nil)
    #expect(OriginSplit.origin(ofGem: "usr/lib", versionsDropped: false) == nil)
    #expect(OriginSplit.origin(ofGem: "other", versionsDropped: false) == nil)
    #expect(OriginSplit.origin(ofGem: "rubygems", versionsDropped: false) == nil)
  }

  @Test func aggregateByGemMatchesMemoryProfilersGemNames() throws {
    let p = try transform(normalize: false).apply(to: try load("default.txt"))
    let aggregate = try #require(Aggregator.aggregate(p, by: .gem, state: .allocated))
    let names = Set(aggregate.rows.map(\.name))
    let printed = Set(p.rowNames("allocated memory by gem"))
    #expect(names.isSubset(of: printed), "\(names) vs \(printed)")
    // The same on normalized paths.
    let normalized = try transform().apply(to: try load("default.txt"))
    let again = try #require(Aggregator.aggregate(normalized, by: .gem, state: .allocated))
    #expect(again.rows.map(\.name) == aggregate.rows.map(\.name))
    #expect(again.rows.map(\.bytes) == aggregate.rows.map(\.bytes))
  }

  @Test func completeListsGiveExactAggregates() throws {
    // top: 3000 with 2,668 retained locations: the list adds up to the total.
    let p = try transform().apply(to: try load("top3000.txt"))
    let aggregate = try #require(Aggregator.aggregate(p, by: .directory, state: .retained))
    #expect(aggregate.exact)
    #expect(aggregate.rows.allSatisfy { !$0.lowerBound })
    #expect(aggregate.rows.reduce(0) { $0 + $1.bytes } == 675_568)
  }

  @Test func gemUpgradesLineUpWithoutVersions() throws {
    let transform = ProfileTransform(
      normalizer: PathNormalizer(ignoreGemVersions: true), filter: try FileFilter())
    let p = transform.apply(to: try load("perf-objects.txt"))
    #expect(p.rowNames("allocated memory by gem").contains("rack"))
    #expect(p.rowNames("allocated memory by file").contains("rack/lib/rack/mock.rb"))
  }

  @Test func rowsThatNormalizeToOneKeyAreMerged() throws {
    let text = """
      Total allocated: 600 bytes (6 objects)
      Total retained:  0 bytes (0 objects)

      allocated memory by file
      -----------------------------------
             300  /home/a/.gem/ruby/3.1.0/gems/rack-2.2.4/lib/rack.rb
             200  /srv/vendor/bundle/ruby/3.1.0/gems/rack-2.2.4/lib/rack.rb
             250  /srv/shop/app/x.rb

      """
    let profile = try #require(try MemoryProfilerParser.parse(text: text).first)
    let p = ProfileTransform(filter: try FileFilter()).apply(to: profile)
    #expect(p.rowNames("allocated memory by file") == ["rack-2.2.4/lib/rack.rb", "shop/app/x.rb"])
    #expect(p.section("allocated memory by file")?.rows.map(\.value) == [500, 250])
  }
}
