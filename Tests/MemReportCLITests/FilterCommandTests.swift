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
    // storefront-top20.txt: every list is cut at 20 rows; each origin is read from the list with
    // the most of it, and each row says which.
    let r = try CLIRunner.run([
      "report", TestFiles.sample("storefront-top20.txt"), "--by", "origin", "--top", "3",
    ])
    #expect(r.status == 0)
    #expect(
      r.stdout.contains(
        "each origin from the list that holds the most of it (location, file or gem list): ≥ marks a lower bound"
      ))
    #expect(r.stdout.contains("  ≥ 2.53 MB  70.8%  ≥ 30,653 obj  gems         from the gem list"))
    // Bytes and objects of one row from two lists, and the row says so.
    #expect(
      r.stdout.contains(
        "   ≥ 251 kB   7.0%   ≥ 4,339 obj  app          bytes from the file list, objects from the gem list"
      ))
    #expect(r.stdout.contains("  … 1 more group\n"))
    #expect(
      r.stdout.contains("  app code: at least 251 kB of 3.58 MB allocated, from the file list"))
  }

  /// Issue 10 point 4: "app ≥ 0 B, 1,293 obj" and "app code: at least 0 B" on storefront.txt,
  /// whose complete file list holds 274 kB of app code.
  @Test func appCodeComesFromTheCompleteFileList() throws {
    let r = try CLIRunner.run([
      "report", TestFiles.sample("storefront.txt"), "--by", "origin", "--top", "4",
    ])
    #expect(r.status == 0)
    #expect(r.stdout.contains("from the complete file list: exact"))
    #expect(r.stdout.contains("   274 kB   7.7%   4,899 obj  app"))
    #expect(
      r.stdout.contains("  app code: 274 kB of 3.58 MB allocated, from the complete file list"))
    #expect(!r.stdout.contains("≥ 0 B"))
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
