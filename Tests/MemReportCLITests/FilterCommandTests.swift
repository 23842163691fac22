import Foundation
import Testing
import MemReportTestSupport

@Suite("memreport report filters and --by, end to end")
struct FilterCommandTests {
  @Test func appFilesOfAPerfObjectsReport() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("perf-objects.txt"), "--allow-files", "apps/leak", "--by", "file",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("filters: --allow-files apps/leak (kept 12 rows)"))
    #expect(
      r.stdout.contains(
        "allocated by file\nfrom the 3 listed locations, a complete list: exact\n  304 kB  93.9%  45 obj  Samples/apps/leak/config.ru"
      ))
    #expect(
      r.stdout.contains(
        "1 of 7 files kept by the filters: 93.9% of 323 kB allocated (exact: the unfiltered list was complete)"
      ))
    #expect(r.stdout.contains("not filtered: gem rows carry no file"))
    #expect(r.stdout.contains("   202 kB  62.5%  Samples/apps/leak/config.ru:18"))
    #expect(!r.stdout.contains("rack-2.2.22/lib"))
  }

  @Test func lowerBoundsAreSaidSo() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("default.txt"), "--by", "origin", "--top", "3",
    ])
    #expect(r.status == 0)
    #expect(
      r.stdout.contains(
        "from the 50 listed locations (97.4% of 588 kB allocated): each value is a lower bound"))
    #expect(r.stdout.contains("   ≥ 386 kB  65.6%  5,292 obj  Ruby stdlib"))
    #expect(
      r.stdout.contains(
        "  app code: at least 155 kB of 588 kB allocated, from the 50 listed locations"))
  }

  @Test func jsonCarriesFiltersAndAggregate() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("default.txt"), "--format", "json", "--allow-files",
      "shop/lib,nothing-here",
      "--by", "file",
    ])
    #expect(r.status == 0)
    #expect(r.stderr.contains("'--allow-files nothing-here' matched no file or location row"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let report = try #require((json["reports"] as? [[String: Any]])?.first)
    let filters = try #require(report["filters"] as? [[String: Any]])
    #expect(filters.map { $0["pattern"] as? String } == ["shop/lib", "nothing-here"])
    // 4 + 14 + 4 + 11 + 1 + 7 + 1 + 7 rows of the 8 file and location sections
    #expect(filters.map { $0["rows"] as? Int } == [49, 0])
    #expect(report["aggregateBy"] as? String == "file")
    let aggregate = try #require(report["aggregate"] as? [[String: Any]])
    #expect(aggregate.first?["name"] as? String == "shop/lib/shop/catalog.rb")
    #expect(aggregate.first?["lowerBound"] as? Bool == true)
    let bytes = aggregate.compactMap { $0["bytes"] as? Int }.reduce(0, +)
    #expect(bytes == 153_090)  // the 14 shop/lib rows of the 50 listed locations
    let normalization = try #require(report["normalization"] as? [String: Any])
    #expect(normalization["normalizePaths"] as? Bool == true)
  }

  @Test func invalidPatternIsAUsageError() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("default.txt"), "--allow-files", "app/(models",
    ])
    #expect(r.status == 64)
    #expect(r.stderr.contains("'--allow-files app/(models' is not a valid regular expression"))
  }
}
