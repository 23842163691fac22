import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// Keys that cannot meet (two checkouts, different programs), and the diff chart's labels.
@Suite("memreport diff: key overlap and chart layout")
struct KeyOverlapTests {
  let normalize = ProfileTransform(filter: FileFilter.none)

  func diff(_ a: String, _ b: String) throws -> ProfileDiff {
    func load(_ sample: String) throws -> Profile {
      normalize.apply(to: try #require(try parseFile(TestFiles.sample(sample)).first))
    }
    return ProfileDiffBuilder.build(before: [try load(a)], after: [try load(b)])
  }

  @Test func commonEndingsAreWholeComponents() {
    #expect(KeyOverlap.commonSuffixLength("shop/lib/x.rb", "srv/app/shop/lib/x.rb") == 13)
    #expect(KeyOverlap.commonSuffixLength("/a/shop/x.rb", "/b/srv/app/shop/x.rb") == 9)
    // `cart.rb` and `mycart.rb` share 'cart.rb' but not as a component.
    #expect(KeyOverlap.commonSuffixLength("a/cart.rb", "b/mycart.rb") == 0)
    #expect(KeyOverlap.file(ofLocation: "a/b.rb:12") == "a/b.rb")
    #expect(KeyOverlap.file(ofLocation: "(eval at a.rb:3)") == "(eval at a.rb:3)")
  }

  /// Samples/checkout-{a,b}.txt: the shop workload from /tmp/memreport-checkouts/a and
  /// /tmp/memreport-checkouts/b/srv/app. Its four shop/lib files (catalog 59,136 B, invoice
  /// 43,016, cart 32,682, product 20,496: 155,330 B) differ only by 'srv/app/'; shop.rb moved
  /// too, but alone under its prefixes; erb.rb, json/common.rb, (erb) and set.rb are shared:
  /// 328,174 + 58,881 + 33,042 + 10,688 = 430,785 of 588,443 B listed.
  @Test func twoCheckoutsOfTheShop() throws {
    let d = try diff("checkout-a.txt", "checkout-b.txt")
    let raw: (Int, String) -> String? = { side, key in
      side == 0 ? "/tmp/memreport-checkouts/a/" + key : "/tmp/memreport-checkouts/b/" + key
    }
    let overlap = try #require(KeyOverlap.analyse(d, rawPath: raw))
    #expect(overlap.sharedBytes == 430_785)
    #expect(overlap.listedBytes == 588_443)
    #expect(!overlap.isLow)
    let checkout = try #require(overlap.checkout)
    #expect(checkout.beforePrefix == "")
    #expect(checkout.afterPrefix == "srv/app/")
    #expect(checkout.files == 4)
    #expect(checkout.bytes == 155_330)
    #expect(checkout.example.before == "shop/lib/shop/catalog.rb")
    #expect(checkout.example.after == "srv/app/shop/lib/shop/catalog.rb")
    #expect(checkout.rootBefore == "/tmp/memreport-checkouts/a")
    #expect(checkout.rootAfter == "/tmp/memreport-checkouts/b/srv/app")
  }

  @Test func aRealChangeIsNoCheckout() throws {
    let overlap = try #require(KeyOverlap.analyse(try diff("before.txt", "after.txt")))
    #expect(overlap.checkout == nil)
    #expect(overlap.share == 1)
    let programs = try #require(KeyOverlap.analyse(try diff("default.txt", "retained.txt")))
    #expect(programs.sharedBytes == 0)
    #expect(programs.isLow)
    #expect(programs.checkout == nil)
  }

  /// Two files moved into a subfolder end alike only in their names: a change, not a checkout.
  @Test func filesMovedToAnotherFolderAreNoCheckout() throws {
    func side(_ value: Double) -> SideValue { SideValue(exact: [value]) }
    let rows = [
      DiffRow(name: "shop/app/models/a.rb", before: side(500), after: side(0), status: .gone),
      DiffRow(name: "shop/app/models/b.rb", before: side(400), after: side(0), status: .gone),
      DiffRow(
        name: "shop/app/models/concerns/a.rb", before: side(0), after: side(500), status: .new),
      DiffRow(
        name: "shop/app/models/concerns/b.rb", before: side(0), after: side(400), status: .new),
    ]
    let moved = ProfileDiff(
      totals: [],
      sections: [
        DiffSection(kind: .section(SectionTitle(.allocated, .memory, .file)), rows: rows)
      ],
      candidateMoves: [], perIteration: nil, runs: (1, 1))
    let overlap = try #require(KeyOverlap.analyse(moved))
    #expect(overlap.checkout == nil)
    #expect(overlap.isLow)  // nothing shared: still worth a word
    // The same files under another leading folder are a checkout.
    let checkout = ProfileDiff(
      totals: [],
      sections: [
        DiffSection(
          kind: .section(SectionTitle(.allocated, .memory, .file)),
          rows: rows.map { row in
            var name = row.name.replacingOccurrences(of: "concerns/", with: "")
            if row.status == .new { name = "srv/" + name }
            return DiffRow(name: name, before: row.before, after: row.after, status: row.status)
          })
      ],
      candidateMoves: [], perIteration: nil, runs: (1, 1))
    let found = try #require(KeyOverlap.analyse(checkout)?.checkout)
    #expect(found.beforePrefix == "")
    #expect(found.afterPrefix == "srv/")
    #expect(found.rootAfter == "srv")
    #expect(found.rootBefore == nil)
  }

  /// A value label never runs into its row's name: where it would, it goes to the other side of
  /// the centre line (the bound rows' `≥ top N ≤ −1.23 MB` is 18 characters).
  @Test func valueLabelsKeepClearOfNames() throws {
    func side(_ value: Double?, bound: Double = 0) -> SideValue {
      let values = [value ?? .nan]
      let bounds = [bound]
      return values.withUnsafeBufferPointer { v in
        bounds.withUnsafeBufferPointer { SideValue(values: v, bounds: $0) }
      }
    }
    let rows = [
      DiffRow(
        name: "activesupport-7.1.3/lib/active_support/core_ext/object/json.rb:42",
        before: side(1_234_567), after: side(nil, bound: 900), status: .outsideTopN),
      DiffRow(name: "app/models/user.rb:10", before: side(0), after: side(400_000), status: .new),
      DiffRow(
        name: "app/models/repo.rb:12", before: side(9_000), after: side(1_000), status: .changed),
    ]
    let chart = try #require(
      DivergingBarChart.make(DiffSection(kind: .allocatedLocations, rows: rows)))
    let texts = chart.body.filter { $0.name == "text" }
    func attribute(_ node: MarkupNode, _ name: String) -> String? {
      node.attributes.first { $0.0 == name }?.1
    }
    let labelRight = Double(chart.width) * 0.4 - 8
    for node in texts where attribute(node, "class") == "muted" {
      guard let x = Double(attribute(node, "x") ?? ""), let text = node.text else { continue }
      let anchor = attribute(node, "text-anchor")
      let left = anchor == "end" ? x - Double(text.count) * 7.6 : x
      #expect(left > labelRight, "\(text) at \(x) runs into the names ending at \(labelRight)")
      #expect(left + Double(text.count) * 7.6 <= Double(chart.width))
    }
    // The long name keeps its gem and its file name.
    #expect(texts.contains { $0.text == "activesupport-7.1.3/…/json.rb:42" })
  }
}
