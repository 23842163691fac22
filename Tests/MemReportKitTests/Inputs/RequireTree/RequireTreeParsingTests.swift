import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// Parses a require-tree file as the CLI does.
func parseTrees(_ path: String) throws -> RequireTreeInput {
  let input = try InputFile.open(path)
  defer { input.close() }
  return try RequireTreeReader.read(input, progress: nil)
}

/// Reading derailed's `bundle:mem` / `perf:mem` trees. The expected numbers (node counts, names,
/// depths, KiB values, own costs) were read from the committed samples by an independent script,
/// `scripts/boot-check.py` (Python, a regular expression per line), not by the code under test.
@Suite("Require trees: parsing")
struct RequireTreeParsingTests {
  @Test func bundleMemSampleIsReadExactly() throws {
    let input = try parseTrees(TestFiles.sample("boot/shop-1.txt"))
    #expect(input.trees.count == 1 && input.warnings.isEmpty)
    let tree = input.trees[0]
    #expect(tree.nodes.count == 76)
    #expect(tree.topKiB == 38312)
    #expect(tree.nodes.map(\.depth).max() == 9)
    #expect(
      tree.nodes.filter { $0.depth == 1 }.map(\.name) == [
        "sinatra", "active_support/all", "sequel", "nokogiri", "mail", "addressable/uri", "redis",
        "httparty", "faraday",
      ])
    #expect(!tree.fromPerfMem && !tree.unitWasMB)
    #expect(tree.cutOff == RequireCutOff(mib: 0.3, source: .assumedDefault))
    let openssl = tree.nodes[5]
    #expect(openssl.name == "openssl" && openssl.depth == 5 && openssl.kib == 7688)
    #expect(openssl.parent == 4 && tree.nodes[4].name == "rack/protection/encrypted_cookie")
    #expect(
      openssl.alsoRequiredBy == [
        "net/smtp",
        "/usr/share/rubygems-integration/all/gems/redis-4.8.0/lib/redis/connection/ruby",
      ])
    // Two names and no "and N others": derailed had two or three other requirers.
    #expect(openssl.alsoRequiredByCount == 2 && openssl.alsoRequiredByMayBeMore)
    let mail = tree.nodes[62]
    #expect(mail.name == "mail" && mail.depth == 1 && mail.kib == 2100 && mail.line == 63)
  }

  @Test func cutOffZeroSampleHoldsEveryRequire() throws {
    let tree = try #require(parseTrees(TestFiles.sample("boot/shop-all-1.txt")).trees.first)
    #expect(tree.nodes.count == 1379 && tree.topKiB == 38424)
    #expect(tree.nodes.map(\.depth).max() == 15)
    #expect(tree.cutOff == RequireCutOff(mib: 0, source: .smallestShown))
    // `rails/all` raised LoadError inside derailed's measured require: its cost stayed 0.
    #expect(tree.nodes.contains { $0.name == "rails/all" && $0.depth == 1 && $0.kib == 0 })
    let also = try #require(tree.nodes.first { $0.name == "socket" && $0.alsoRequiredByCount > 2 })
    #expect(also.alsoRequiredBy.count == 2 && !also.alsoRequiredByMayBeMore)
  }

  @Test func perfMemPreambleBannerAndLogLineAreRead() throws {
    let input = try parseTrees(TestFiles.sample("boot/shop-perf-mem.txt"))
    #expect(input.warnings.isEmpty && input.trees.count == 1)
    let tree = input.trees[0]
    #expect(tree.fromPerfMem)
    #expect(tree.preamble == ["Booting: production", "Endpoint: \"/\""])
    #expect(tree.cutOff == RequireCutOff(mib: 0.3, source: .banner))
    #expect(tree.nodes.count == 89 && tree.topKiB == 37788)
    let one = try #require(
      parseTrees(TestFiles.sample("boot/shop-perf-mem-cut-off-1.txt")).trees.first)
    #expect(one.cutOff == RequireCutOff(mib: 1, source: .banner))
  }

  @Test func severalTreesInOneFile() throws {
    let input = try parseTrees(TestFiles.sample("boot/shop-three-runs.txt"))
    #expect(input.trees.map(\.index) == [1, 2, 3])
    #expect(input.trees.map(\.topKiB) == [38312, 38232, 38324])
  }

  /// Every pasted variant gives the same tree as the file derailed wrote.
  @Test(arguments: [
    "paste-markdown-crlf.md", "paste-ansi.txt", "paste-ragged.txt", "shop-1-derailed-1.0.0.txt",
  ])
  func pastedVariantsReadAsTheOriginal(_ name: String) throws {
    let original = try #require(parseTrees(TestFiles.sample("boot/shop-1.txt")).trees.first)
    let input = try parseTrees(TestFiles.sample("boot/\(name)"))
    let tree = try #require(input.trees.first)
    #expect(input.trees.count == 1)
    #expect(tree.nodes.map(\.name) == original.nodes.map(\.name))
    #expect(tree.nodes.map(\.depth) == original.nodes.map(\.depth))
    #expect(tree.nodes.map(\.kib) == original.nodes.map(\.kib))
    #expect(tree.nodes.map(\.parent) == original.nodes.map(\.parent))
    #expect(tree.unitWasMB == (name == "shop-1-derailed-1.0.0.txt"))
    if name == "paste-ragged.txt" {
      // Each guess is named with its line: tabs, odd indentation.
      #expect(input.warnings.contains { $0.line == 3 && $0.message.contains("tab") })
      #expect(
        input.warnings.contains { $0.line == 5 && $0.message.contains("odd indentation (9 spaces") }
      )
      #expect(input.warnings.count == 17)
    } else {
      #expect(input.warnings.isEmpty)
    }
  }

  @Test func badIndentWarnsWithTheLine() throws {
    let input = try parseTrees(TestFiles.fixture("boot/bad-indent.txt"))
    let nodes = input.trees[0].nodes
    #expect(nodes.map(\.name) == ["TOP", "good", "too/deep", "odd", "fine"])
    #expect(nodes.map(\.depth) == [0, 1, 2, 1, 1])
    #expect(nodes[2].parent == 1)
    #expect(input.warnings.map(\.line) == [3, 4])
    #expect(input.warnings[0].message.contains("deeper than line 2"))
    #expect(
      input.warnings[1].message.contains("odd indentation (3 spaces under TOP): read as depth 1"))
  }

  @Test func lineWithoutMiBIsSkippedWithItsLine() throws {
    let input = try parseTrees(TestFiles.fixture("boot/no-mib.txt"))
    #expect(input.trees[0].nodes.map(\.name) == ["TOP", "good", "fine"])
    #expect(input.warnings.map(\.line) == [3, 4])
    #expect(input.warnings.allSatisfy { $0.message.contains("no ': <number> MiB'") })
  }

  @Test func truncatedLastLineIsSkippedWithItsLine() throws {
    let input = try parseTrees(TestFiles.fixture("boot/truncated.txt"))
    #expect(input.trees[0].nodes.map(\.name) == ["TOP", "good", "child"])
    #expect(input.warnings.count == 1 && input.warnings[0].line == 4)
    #expect(input.warnings[0].message.contains("cut off"))
  }

  @Test func namesWithColonsNegativesAndHugeValues() throws {
    let input = try parseTrees(TestFiles.fixture("boot/names-and-negatives.txt"))
    let nodes = input.trees[0].nodes
    #expect(
      nodes.map(\.name) == [
        "TOP", "weird: 1.0 MiB thing", "key: value", "/abs/path/with spaces/lib/x.rb", "openssl.so",
        "big",
      ])
    #expect(
      nodes.map(\.kib) == [12288, 5632, -4, 428, 13712, Int64(RequireTreeParser.maxMiB * 1024)])
    #expect(nodes[1].alsoRequiredBy == ["a", "b"] && nodes[1].alsoRequiredByCount == 6)
    #expect(nodes[4].alsoRequiredBy == ["a: 1.0 MiB", "c"])
    #expect(input.warnings.count == 1 && input.warnings[0].line == 6)
  }

  @Test func notATreeIsRefused() throws {
    #expect(throws: MemReportError.self) {
      try RequireTreeParser.parse(bytes: Array("hello\nworld\n".utf8))
    }
    let head = InputHead(
      path: "x", bytes: Array("Booting: production\nTOP: 1.0 MiB\n".utf8), complete: true)
    #expect(RequireTreeReader.detect(head) == .mine(line: 2))
    let profile = InputHead(
      path: "x", bytes: Array("Total allocated: 10 bytes (1 objects)\n".utf8), complete: true)
    #expect(RequireTreeReader.detect(profile) == .notMine)
    #expect(
      InputRegistry.detect(head)?.reader == nil
        || InputRegistry.model(of: InputRegistry.detect(head)!.reader) == .requireTrees)
  }

  /// A tree 2,000 levels deep (4 MB of indentation) is read, analysed and diffed without
  /// recursion.
  @Test func deepTreeIsReadIteratively() throws {
    var bytes: [UInt8] = Array("TOP: 1.0 MiB\n".utf8)
    for depth in 1...2_000 {
      bytes += [UInt8](repeating: ASCII.space, count: 2 * depth)
      bytes += Array("r\(depth): 0.5 MiB\n".utf8)
    }
    let input = try RequireTreeParser.parse(bytes: bytes)
    let tree = input.trees[0]
    #expect(tree.nodes.count == 2_001 && tree.nodes.last?.depth == 2_000)
    let analysis = BootTreeAnalysis(tree)
    #expect(analysis.rows.last?.ownKiB == 512)
    let diff = BootDiff(before: [tree], after: [tree])
    #expect(diff.rows.count == 2_000 && diff.rows.allSatisfy { $0.status == .same })
  }
}
