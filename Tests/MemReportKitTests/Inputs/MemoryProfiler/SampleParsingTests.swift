import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// What each committed sample holds, read off the sample files themselves (not from memreport's
/// output): totals, and per section the row count, first and last row and the sum of the values.
struct SampleExpectation: CustomStringConvertible, Sendable {
  struct SectionFacts: Sendable {
    var title: String
    var rows: Int
    var first: (String, Int64)
    var last: (String, Int64)
    var sum: Int64
    init(_ title: String, _ rows: Int, first: (String, Int64), last: (String, Int64), sum: Int64) {
      self.title = title
      self.rows = rows
      self.first = first
      self.last = last
      self.sum = sum
    }
  }
  var file: String
  var allocated: (Int64, Int64)
  var retained: (Int64, Int64)
  var sections: [SectionFacts]
  var allocatedStrings: (Int, first: String, count: Int64, locations: Int)?
  var retainedStrings: (Int, first: String, count: Int64, locations: Int)?
  var description: String { file }
}

@Suite("Committed samples parse exactly")
struct SampleParsingTests {
  static let expectations: [SampleExpectation] = [
    SampleExpectation(
      file: "default.txt", allocated: (588443, 8340), retained: (50387, 773),
      sections: [
        .init(
          "allocated memory by gem", 5, first: ("erb", 328174), last: ("set", 10688), sum: 588443),
        .init(
          "allocated memory by file", 9, first: ("/usr/lib/ruby/3.1.0/erb.rb", 328174),
          last: ("/work/main/Samples/workloads/shop.rb", 2328), sum: 588443),
        .init(
          "allocated memory by location", 50, first: ("/usr/lib/ruby/3.1.0/erb.rb:905", 65050),
          last: ("/usr/lib/ruby/3.1.0/erb.rb:605", 1200), sum: 573347),
        .init(
          "allocated memory by class", 19, first: ("String", 373025), last: ("Shop::Catalog", 40),
          sum: 588443),
        .init("allocated objects by gem", 5, first: ("erb", 4902), last: ("set", 125), sum: 8340),
        .init(
          "allocated objects by file", 9, first: ("/usr/lib/ruby/3.1.0/erb.rb", 4902),
          last: ("/work/main/Samples/workloads/shop.rb", 37), sum: 8340),
        .init(
          "allocated objects by location", 50, first: ("/usr/lib/ruby/3.1.0/erb.rb:575", 720),
          last: ("/usr/lib/ruby/3.1.0/erb.rb:827", 30), sum: 8079),
        .init(
          "allocated objects by class", 19, first: ("String", 6364), last: ("Shop::Catalog", 1),
          sum: 8340),
        .init(
          "retained memory by gem", 5, first: ("shop/lib", 37104), last: ("erb", 576), sum: 50387),
        .init(
          "retained memory by file", 6,
          first: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb", 37104),
          last: ("/work/main/Samples/workloads/shop.rb", 248), sum: 50387),
        .init(
          "retained memory by location", 16, first: ("(erb):1", 10416),
          last: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:15", 40), sum: 50387),
        .init(
          "retained memory by class", 6, first: ("String", 30019), last: ("Shop::Catalog", 40),
          sum: 50387),
        .init("retained objects by gem", 5, first: ("shop/lib", 723), last: ("erb", 3), sum: 773),
        .init(
          "retained objects by file", 6,
          first: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb", 723),
          last: ("/work/main/Samples/workloads/shop.rb", 3), sum: 773),
        .init(
          "retained objects by location", 16,
          first: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:12", 240),
          last: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:9", 1), sum: 773),
        .init(
          "retained objects by class", 6, first: ("String", 518), last: ("Shop::Catalog", 1),
          sum: 773),
      ],
      allocatedStrings: (50, first: "\"\\n\"", count: 450, locations: 6),
      retainedStrings: (50, first: "\"size-0\"", count: 31, locations: 2)),
    SampleExpectation(
      file: "scale-bytes.txt", allocated: (588440, 8340), retained: (50390, 773),
      sections: [
        .init(
          "allocated memory by gem", 5, first: ("erb", 328170), last: ("set", 10690), sum: 588440),
        .init(
          "allocated memory by file", 9, first: ("/usr/lib/ruby/3.1.0/erb.rb", 328170),
          last: ("/work/main/Samples/workloads/shop.rb", 2330), sum: 588450),
        .init(
          "allocated memory by location", 50, first: ("/usr/lib/ruby/3.1.0/erb.rb:905", 65050),
          last: ("/usr/lib/ruby/3.1.0/erb.rb:605", 1200), sum: 573360),
        .init(
          "allocated memory by class", 19, first: ("String", 373020), last: ("Shop::Catalog", 40),
          sum: 588444),
        .init("allocated objects by gem", 5, first: ("erb", 4902), last: ("set", 125), sum: 8340),
        .init(
          "allocated objects by file", 9, first: ("/usr/lib/ruby/3.1.0/erb.rb", 4902),
          last: ("/work/main/Samples/workloads/shop.rb", 37), sum: 8340),
        .init(
          "allocated objects by location", 50, first: ("/usr/lib/ruby/3.1.0/erb.rb:575", 720),
          last: ("/usr/lib/ruby/3.1.0/erb.rb:827", 30), sum: 8079),
        .init(
          "allocated objects by class", 19, first: ("String", 6364), last: ("Shop::Catalog", 1),
          sum: 8340),
        .init(
          "retained memory by gem", 5, first: ("shop/lib", 37100), last: ("erb", 576), sum: 50381),
        .init(
          "retained memory by file", 6,
          first: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb", 37100),
          last: ("/work/main/Samples/workloads/shop.rb", 248), sum: 50389),
        .init(
          "retained memory by location", 16, first: ("(erb):1", 10420),
          last: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:15", 40), sum: 50387),
        .init(
          "retained memory by class", 6, first: ("String", 30020), last: ("Shop::Catalog", 40),
          sum: 50390),
        .init("retained objects by gem", 5, first: ("shop/lib", 723), last: ("erb", 3), sum: 773),
        .init(
          "retained objects by file", 6,
          first: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb", 723),
          last: ("/work/main/Samples/workloads/shop.rb", 3), sum: 773),
        .init(
          "retained objects by location", 16,
          first: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:12", 240),
          last: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:9", 1), sum: 773),
        .init(
          "retained objects by class", 6, first: ("String", 518), last: ("Shop::Catalog", 1),
          sum: 773),
      ],
      allocatedStrings: (50, first: "\"\\n\"", count: 450, locations: 6),
      retainedStrings: (50, first: "\"size-0\"", count: 31, locations: 2)),
    SampleExpectation(
      file: "normalize-paths.txt", allocated: (588443, 8340), retained: (50387, 773),
      sections: [
        .init(
          "allocated memory by gem", 5, first: ("erb", 328174), last: ("set", 10688), sum: 588443),
        .init(
          "allocated memory by file", 9, first: ("ruby/lib/erb.rb", 328174),
          last: ("/work/main/Samples/workloads/shop.rb", 2328), sum: 588443),
        .init(
          "allocated memory by location", 50, first: ("ruby/lib/erb.rb:905", 65050),
          last: ("ruby/lib/erb.rb:605", 1200), sum: 573347),
        .init(
          "allocated memory by class", 19, first: ("String", 373025), last: ("Shop::Catalog", 40),
          sum: 588443),
        .init("allocated objects by gem", 5, first: ("erb", 4902), last: ("set", 125), sum: 8340),
        .init(
          "allocated objects by file", 9, first: ("ruby/lib/erb.rb", 4902),
          last: ("/work/main/Samples/workloads/shop.rb", 37), sum: 8340),
        .init(
          "allocated objects by location", 50, first: ("ruby/lib/erb.rb:575", 720),
          last: ("ruby/lib/erb.rb:827", 30), sum: 8079),
        .init(
          "allocated objects by class", 19, first: ("String", 6364), last: ("Shop::Catalog", 1),
          sum: 8340),
        .init(
          "retained memory by gem", 5, first: ("shop/lib", 37104), last: ("erb", 576), sum: 50387),
        .init(
          "retained memory by file", 6, first: ("shop/lib/shop/catalog.rb", 37104),
          last: ("/work/main/Samples/workloads/shop.rb", 248), sum: 50387),
        .init(
          "retained memory by location", 16, first: ("(erb):1", 10416),
          last: ("shop/lib/shop/catalog.rb:15", 40), sum: 50387),
        .init(
          "retained memory by class", 6, first: ("String", 30019), last: ("Shop::Catalog", 40),
          sum: 50387),
        .init("retained objects by gem", 5, first: ("shop/lib", 723), last: ("erb", 3), sum: 773),
        .init(
          "retained objects by file", 6, first: ("shop/lib/shop/catalog.rb", 723),
          last: ("/work/main/Samples/workloads/shop.rb", 3), sum: 773),
        .init(
          "retained objects by location", 16, first: ("shop/lib/shop/catalog.rb:12", 240),
          last: ("shop/lib/shop/catalog.rb:9", 1), sum: 773),
        .init(
          "retained objects by class", 6, first: ("String", 518), last: ("Shop::Catalog", 1),
          sum: 773),
      ],
      allocatedStrings: (50, first: "\"\\n\"", count: 450, locations: 6),
      retainedStrings: (50, first: "\"size-0\"", count: 31, locations: 2)),
    SampleExpectation(
      file: "raw-for-normalize.txt", allocated: (588443, 8340), retained: (50387, 773),
      sections: [
        .init(
          "allocated memory by gem", 5, first: ("erb", 328174), last: ("set", 10688), sum: 588443),
        .init(
          "allocated memory by file", 9, first: ("/usr/lib/ruby/3.1.0/erb.rb", 328174),
          last: ("/work/main/Samples/workloads/shop.rb", 2328), sum: 588443),
        .init(
          "allocated memory by location", 50, first: ("/usr/lib/ruby/3.1.0/erb.rb:905", 65050),
          last: ("/usr/lib/ruby/3.1.0/erb.rb:605", 1200), sum: 573347),
        .init(
          "allocated memory by class", 19, first: ("String", 373025), last: ("Shop::Catalog", 40),
          sum: 588443),
        .init("allocated objects by gem", 5, first: ("erb", 4902), last: ("set", 125), sum: 8340),
        .init(
          "allocated objects by file", 9, first: ("/usr/lib/ruby/3.1.0/erb.rb", 4902),
          last: ("/work/main/Samples/workloads/shop.rb", 37), sum: 8340),
        .init(
          "allocated objects by location", 50, first: ("/usr/lib/ruby/3.1.0/erb.rb:575", 720),
          last: ("/usr/lib/ruby/3.1.0/erb.rb:827", 30), sum: 8079),
        .init(
          "allocated objects by class", 19, first: ("String", 6364), last: ("Shop::Catalog", 1),
          sum: 8340),
        .init(
          "retained memory by gem", 5, first: ("shop/lib", 37104), last: ("erb", 576), sum: 50387),
        .init(
          "retained memory by file", 6,
          first: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb", 37104),
          last: ("/work/main/Samples/workloads/shop.rb", 248), sum: 50387),
        .init(
          "retained memory by location", 16, first: ("(erb):1", 10416),
          last: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:15", 40), sum: 50387),
        .init(
          "retained memory by class", 6, first: ("String", 30019), last: ("Shop::Catalog", 40),
          sum: 50387),
        .init("retained objects by gem", 5, first: ("shop/lib", 723), last: ("erb", 3), sum: 773),
        .init(
          "retained objects by file", 6,
          first: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb", 723),
          last: ("/work/main/Samples/workloads/shop.rb", 3), sum: 773),
        .init(
          "retained objects by location", 16,
          first: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:12", 240),
          last: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:9", 1), sum: 773),
        .init(
          "retained objects by class", 6, first: ("String", 518), last: ("Shop::Catalog", 1),
          sum: 773),
      ],
      allocatedStrings: (50, first: "\"\\n\"", count: 450, locations: 6),
      retainedStrings: (50, first: "\"size-0\"", count: 31, locations: 2)),
    SampleExpectation(
      file: "no-detailed.txt", allocated: (588443, 8340), retained: (50387, 773),
      sections: [

      ],
      allocatedStrings: (50, first: "\"\\n\"", count: 450, locations: 6),
      retainedStrings: (50, first: "\"size-0\"", count: 31, locations: 2)),
    SampleExpectation(
      file: "top3000.txt", allocated: (2024464, 8001), retained: (675568, 2668),
      sections: [
        .init(
          "allocated memory by gem", 1, first: ("other", 2024464), last: ("other", 2024464),
          sum: 2024464),
        .init(
          "allocated memory by file", 2,
          first: ("/work/main/Samples/workloads/many_locations_generated.rb", 2024272),
          last: ("/work/main/Samples/workloads/many_locations.rb", 192), sum: 2024464),
        .init(
          "allocated memory by location", 3000,
          first: ("/work/main/Samples/workloads/many_locations_generated.rb:10209", 895),
          last: ("/work/main/Samples/workloads/many_locations_generated.rb:10625", 251),
          sum: 1713076),
        .init(
          "allocated memory by class", 3, first: ("String", 1864272), last: ("Hash", 192),
          sum: 2024464),
        .init(
          "allocated objects by gem", 1, first: ("other", 8001), last: ("other", 8001), sum: 8001),
        .init(
          "allocated objects by file", 2,
          first: ("/work/main/Samples/workloads/many_locations_generated.rb", 8000),
          last: ("/work/main/Samples/workloads/many_locations.rb", 1), sum: 8001),
        .init(
          "allocated objects by location", 3000,
          first: ("/work/main/Samples/workloads/many_locations.rb:31", 1),
          last: ("/work/main/Samples/workloads/many_locations_generated.rb:15397", 1), sum: 3000),
        .init(
          "allocated objects by class", 3, first: ("Array", 4000), last: ("Hash", 1), sum: 8001),
        .init(
          "retained memory by gem", 1, first: ("other", 675568), last: ("other", 675568),
          sum: 675568),
        .init(
          "retained memory by file", 1,
          first: ("/work/main/Samples/workloads/many_locations_generated.rb", 675568),
          last: ("/work/main/Samples/workloads/many_locations_generated.rb", 675568), sum: 675568),
        .init(
          "retained memory by location", 2668,
          first: ("/work/main/Samples/workloads/many_locations_generated.rb:10697", 895),
          last: ("/work/main/Samples/workloads/many_locations_generated.rb:9990", 40), sum: 675568),
        .init(
          "retained memory by class", 2, first: ("String", 622208), last: ("Array", 53360),
          sum: 675568),
        .init(
          "retained objects by gem", 1, first: ("other", 2668), last: ("other", 2668), sum: 2668),
        .init(
          "retained objects by file", 1,
          first: ("/work/main/Samples/workloads/many_locations_generated.rb", 2668),
          last: ("/work/main/Samples/workloads/many_locations_generated.rb", 2668), sum: 2668),
        .init(
          "retained objects by location", 2668,
          first: ("/work/main/Samples/workloads/many_locations_generated.rb:10001", 1),
          last: ("/work/main/Samples/workloads/many_locations_generated.rb:9990", 1), sum: 2668),
        .init(
          "retained objects by class", 2, first: ("Array", 1334), last: ("String", 1334), sum: 2668),
      ],
      allocatedStrings: (3000, first: "\"location 0 \"", count: 1, locations: 1),
      retainedStrings: (1334, first: "\"location 0 \"", count: 1, locations: 1)),
    SampleExpectation(
      file: "retained.txt", allocated: (2280972, 38733), retained: (1358824, 23338),
      sections: [
        .init(
          "allocated memory by gem", 2, first: ("retained/lib", 1672288), last: ("other", 608684),
          sum: 2280972),
        .init(
          "allocated memory by file", 3,
          first: ("/work/main/Samples/workloads/retained/lib/session_store.rb", 873440),
          last: ("/work/main/Samples/workloads/retained.rb", 608684), sum: 2280972),
        .init(
          "allocated memory by location", 16,
          first: ("/work/main/Samples/workloads/retained/lib/session_store.rb:10", 336000),
          last: ("/work/main/Samples/workloads/retained.rb:16", 40), sum: 2280972),
        .init(
          "allocated memory by class", 7, first: ("String", 1407452), last: ("SessionStore", 40),
          sum: 2280972),
        .init(
          "allocated objects by gem", 2, first: ("retained/lib", 27309), last: ("other", 11424),
          sum: 38733),
        .init(
          "allocated objects by file", 3,
          first: ("/work/main/Samples/workloads/retained/lib/session_store.rb", 14001),
          last: ("/work/main/Samples/workloads/retained.rb", 11424), sum: 38733),
        .init(
          "allocated objects by location", 16,
          first: ("/work/main/Samples/workloads/retained/lib/session_store.rb:26", 6000),
          last: ("/work/main/Samples/workloads/retained/lib/session_store.rb:19", 1), sum: 38733),
        .init(
          "allocated objects by class", 7, first: ("String", 28061), last: ("SessionStore", 1),
          sum: 38733),
        .init(
          "retained memory by gem", 2, first: ("retained/lib", 1198744), last: ("other", 160080),
          sum: 1358824),
        .init(
          "retained memory by file", 3,
          first: ("/work/main/Samples/workloads/retained/lib/session_store.rb", 873440),
          last: ("/work/main/Samples/workloads/retained.rb", 160080), sum: 1358824),
        .init(
          "retained memory by location", 12,
          first: ("/work/main/Samples/workloads/retained/lib/session_store.rb:10", 336000),
          last: ("/work/main/Samples/workloads/retained.rb:16", 40), sum: 1358824),
        .init(
          "retained memory by class", 7, first: ("String", 506680), last: ("SessionStore", 40),
          sum: 1358824),
        .init(
          "retained objects by gem", 2, first: ("retained/lib", 19336), last: ("other", 4002),
          sum: 23338),
        .init(
          "retained objects by file", 3,
          first: ("/work/main/Samples/workloads/retained/lib/session_store.rb", 14001),
          last: ("/work/main/Samples/workloads/retained.rb", 4002), sum: 23338),
        .init(
          "retained objects by location", 12,
          first: ("/work/main/Samples/workloads/retained/lib/session_store.rb:26", 6000),
          last: ("/work/main/Samples/workloads/retained/lib/session_store.rb:19", 1), sum: 23338),
        .init(
          "retained objects by class", 7, first: ("String", 12667), last: ("SessionStore", 1),
          sum: 23338),
      ],
      allocatedStrings: (50, first: "\"12\"", count: 63, locations: 5),
      retainedStrings: (50, first: "\"/products/0\"", count: 50, locations: 1)),
    SampleExpectation(
      file: "hostile-strings.txt", allocated: (3817, 84), retained: (2145, 46),
      sections: [
        .init(
          "allocated memory by gem", 1, first: ("other", 3817), last: ("other", 3817), sum: 3817),
        .init(
          "allocated memory by file", 2,
          first: ("/work/main/Samples/workloads/hostile_strings.rb", 2512),
          last: ("weird dir/<b>odd</b> & \"q\" 'file':name.rb", 1305), sum: 3817),
        .init(
          "allocated memory by location", 3,
          first: ("/work/main/Samples/workloads/hostile_strings.rb:40", 2320),
          last: ("/work/main/Samples/workloads/hostile_strings.rb:38", 192), sum: 3817),
        .init(
          "allocated memory by class", 2, first: ("String", 3625), last: ("Hash", 192), sum: 3817),
        .init("allocated objects by gem", 1, first: ("other", 84), last: ("other", 84), sum: 84),
        .init(
          "allocated objects by file", 2,
          first: ("/work/main/Samples/workloads/hostile_strings.rb", 59),
          last: ("weird dir/<b>odd</b> & \"q\" 'file':name.rb", 25), sum: 84),
        .init(
          "allocated objects by location", 3,
          first: ("/work/main/Samples/workloads/hostile_strings.rb:40", 58),
          last: ("/work/main/Samples/workloads/hostile_strings.rb:38", 1), sum: 84),
        .init("allocated objects by class", 2, first: ("String", 83), last: ("Hash", 1), sum: 84),
        .init(
          "retained memory by gem", 1, first: ("other", 2145), last: ("other", 2145), sum: 2145),
        .init(
          "retained memory by file", 2,
          first: ("/work/main/Samples/workloads/hostile_strings.rb", 1320),
          last: ("weird dir/<b>odd</b> & \"q\" 'file':name.rb", 825), sum: 2145),
        .init(
          "retained memory by location", 2,
          first: ("/work/main/Samples/workloads/hostile_strings.rb:40", 1320),
          last: ("weird dir/<b>odd</b> & \"q\" 'file':name.rb:2", 825), sum: 2145),
        .init(
          "retained memory by class", 1, first: ("String", 2145), last: ("String", 2145), sum: 2145),
        .init("retained objects by gem", 1, first: ("other", 46), last: ("other", 46), sum: 46),
        .init(
          "retained objects by file", 2,
          first: ("/work/main/Samples/workloads/hostile_strings.rb", 33),
          last: ("weird dir/<b>odd</b> & \"q\" 'file':name.rb", 13), sum: 46),
        .init(
          "retained objects by location", 2,
          first: ("/work/main/Samples/workloads/hostile_strings.rb:40", 33),
          last: ("weird dir/<b>odd</b> & \"q\" 'file':name.rb:2", 13), sum: 46),
        .init("retained objects by class", 1, first: ("String", 46), last: ("String", 46), sum: 46),
      ],
      allocatedStrings: (13, first: "\"<script>alert(1)</script>\"", count: 12, locations: 2),
      retainedStrings: (13, first: "\"<script>alert(1)</script>\"", count: 6, locations: 2)),
    SampleExpectation(
      file: "before.txt", allocated: (951056, 17017), retained: (246284, 4056),
      sections: [
        .init(
          "allocated memory by gem", 3, first: ("workloads/app", 923216), last: ("other", 656),
          sum: 951056),
        .init(
          "allocated memory by file", 4,
          first: ("/work/main/Samples/workloads/app/models/repo.rb", 923216),
          last: ("/work/main/Samples/workloads/repo_app.rb", 656), sum: 951056),
        .init(
          "allocated memory by location", 17,
          first: ("/work/main/Samples/workloads/app/models/repo.rb:28", 646080),
          last: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:15", 40), sum: 951056),
        .init(
          "allocated memory by class", 7, first: ("String", 799528), last: ("Shop::Catalog", 40),
          sum: 951056),
        .init(
          "allocated objects by gem", 3, first: ("workloads/app", 16460), last: ("other", 2),
          sum: 17017),
        .init(
          "allocated objects by file", 4,
          first: ("/work/main/Samples/workloads/app/models/repo.rb", 16460),
          last: ("/work/main/Samples/workloads/repo_app.rb", 2), sum: 17017),
        .init(
          "allocated objects by location", 17,
          first: ("/work/main/Samples/workloads/app/models/repo.rb:28", 12000),
          last: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:9", 1), sum: 17017),
        .init(
          "allocated objects by class", 7, first: ("String", 15817), last: ("Shop::Catalog", 1),
          sum: 17017),
        .init(
          "retained memory by gem", 3, first: ("workloads/app", 242860), last: ("other", 656),
          sum: 246284),
        .init(
          "retained memory by file", 3,
          first: ("/work/main/Samples/workloads/app/models/repo.rb", 242860),
          last: ("/work/main/Samples/workloads/repo_app.rb", 656), sum: 246284),
        .init(
          "retained memory by location", 9,
          first: ("/work/main/Samples/workloads/app/models/repo.rb:12", 152000),
          last: ("/work/main/Samples/workloads/app/models/repo.rb:10", 40), sum: 246284),
        .init(
          "retained memory by class", 5, first: ("String", 152068), last: ("Repo", 40), sum: 246284),
        .init(
          "retained objects by gem", 3, first: ("workloads/app", 4004), last: ("other", 2),
          sum: 4056),
        .init(
          "retained objects by file", 3,
          first: ("/work/main/Samples/workloads/app/models/repo.rb", 4004),
          last: ("/work/main/Samples/workloads/repo_app.rb", 2), sum: 4056),
        .init(
          "retained objects by location", 9,
          first: ("/work/main/Samples/workloads/app/models/repo.rb:12", 3000),
          last: ("/work/main/Samples/workloads/repo_app.rb:23", 1), sum: 4056),
        .init(
          "retained objects by class", 5, first: ("String", 3050), last: ("Repo", 1), sum: 4056),
      ],
      allocatedStrings: (50, first: "\"repos/owner-0\"", count: 177, locations: 1),
      retainedStrings: (50, first: "\"owner-0\"", count: 59, locations: 1)),
    SampleExpectation(
      file: "after.txt", allocated: (569360, 8019), retained: (264984, 4056),
      sections: [
        .init(
          "allocated memory by gem", 3, first: ("workloads/app", 541520), last: ("other", 656),
          sum: 569360),
        .init(
          "allocated memory by file", 4,
          first: ("/work/main/Samples/workloads/app/models/repo.rb", 541520),
          last: ("/work/main/Samples/workloads/repo_app.rb", 656), sum: 569360),
        .init(
          "allocated memory by location", 17,
          first: ("/work/main/Samples/workloads/app/models/repo.rb:30", 264384),
          last: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:15", 40), sum: 569360),
        .init(
          "allocated memory by class", 7, first: ("String", 417448), last: ("Shop::Catalog", 40),
          sum: 569360),
        .init(
          "allocated objects by gem", 3, first: ("workloads/app", 7462), last: ("other", 2),
          sum: 8019),
        .init(
          "allocated objects by file", 4,
          first: ("/work/main/Samples/workloads/app/models/repo.rb", 7462),
          last: ("/work/main/Samples/workloads/repo_app.rb", 2), sum: 8019),
        .init(
          "allocated objects by location", 17,
          first: ("/work/main/Samples/workloads/app/models/repo.rb:14", 4400),
          last: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:9", 1), sum: 8019),
        .init(
          "allocated objects by class", 7, first: ("String", 6817), last: ("Shop::Catalog", 1),
          sum: 8019),
        .init(
          "retained memory by gem", 3, first: ("workloads/app", 261560), last: ("other", 656),
          sum: 264984),
        .init(
          "retained memory by file", 3,
          first: ("/work/main/Samples/workloads/app/models/repo.rb", 261560),
          last: ("/work/main/Samples/workloads/repo_app.rb", 656), sum: 264984),
        .init(
          "retained memory by location", 9,
          first: ("/work/main/Samples/workloads/app/models/repo.rb:14", 152000),
          last: ("/work/main/Samples/workloads/app/models/repo.rb:12", 40), sum: 264984),
        .init(
          "retained memory by class", 5, first: ("String", 170768), last: ("Repo", 40), sum: 264984),
        .init(
          "retained objects by gem", 3, first: ("workloads/app", 4004), last: ("other", 2),
          sum: 4056),
        .init(
          "retained objects by file", 3,
          first: ("/work/main/Samples/workloads/app/models/repo.rb", 4004),
          last: ("/work/main/Samples/workloads/repo_app.rb", 2), sum: 4056),
        .init(
          "retained objects by location", 9,
          first: ("/work/main/Samples/workloads/app/models/repo.rb:14", 3000),
          last: ("/work/main/Samples/workloads/repo_app.rb:23", 1), sum: 4056),
        .init(
          "retained objects by class", 5, first: ("String", 3050), last: ("Repo", 1), sum: 4056),
      ],
      allocatedStrings: (50, first: "\"10\"", count: 61, locations: 2),
      retainedStrings: (50, first: "\"owner-0\"", count: 59, locations: 1)),
    SampleExpectation(
      file: "colour.txt", allocated: (588443, 8340), retained: (50387, 773),
      sections: [
        .init(
          "allocated memory by gem", 5, first: ("erb", 328174), last: ("set", 10688), sum: 588443),
        .init(
          "allocated memory by file", 9, first: ("/usr/lib/ruby/3.1.0/erb.rb", 328174),
          last: ("/work/main/Samples/workloads/shop.rb", 2328), sum: 588443),
        .init(
          "allocated memory by location", 50, first: ("/usr/lib/ruby/3.1.0/erb.rb:905", 65050),
          last: ("/usr/lib/ruby/3.1.0/erb.rb:605", 1200), sum: 573347),
        .init(
          "allocated memory by class", 19, first: ("String", 373025), last: ("Shop::Catalog", 40),
          sum: 588443),
        .init("allocated objects by gem", 5, first: ("erb", 4902), last: ("set", 125), sum: 8340),
        .init(
          "allocated objects by file", 9, first: ("/usr/lib/ruby/3.1.0/erb.rb", 4902),
          last: ("/work/main/Samples/workloads/shop.rb", 37), sum: 8340),
        .init(
          "allocated objects by location", 50, first: ("/usr/lib/ruby/3.1.0/erb.rb:575", 720),
          last: ("/usr/lib/ruby/3.1.0/erb.rb:827", 30), sum: 8079),
        .init(
          "allocated objects by class", 19, first: ("String", 6364), last: ("Shop::Catalog", 1),
          sum: 8340),
        .init(
          "retained memory by gem", 5, first: ("shop/lib", 37104), last: ("erb", 576), sum: 50387),
        .init(
          "retained memory by file", 6,
          first: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb", 37104),
          last: ("/work/main/Samples/workloads/shop.rb", 248), sum: 50387),
        .init(
          "retained memory by location", 16, first: ("(erb):1", 10416),
          last: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:15", 40), sum: 50387),
        .init(
          "retained memory by class", 6, first: ("String", 30019), last: ("Shop::Catalog", 40),
          sum: 50387),
        .init("retained objects by gem", 5, first: ("shop/lib", 723), last: ("erb", 3), sum: 773),
        .init(
          "retained objects by file", 6,
          first: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb", 723),
          last: ("/work/main/Samples/workloads/shop.rb", 3), sum: 773),
        .init(
          "retained objects by location", 16,
          first: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:12", 240),
          last: ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb:9", 1), sum: 773),
        .init(
          "retained objects by class", 6, first: ("String", 518), last: ("Shop::Catalog", 1),
          sum: 773),
      ],
      allocatedStrings: (50, first: "\"\\n\"", count: 450, locations: 6),
      retainedStrings: (50, first: "\"size-0\"", count: 31, locations: 2)),
    SampleExpectation(
      file: "perf-objects.txt", allocated: (323455, 230), retained: (200210, 5),
      sections: [
        .init(
          "allocated memory by gem", 3, first: ("Samples/app", 303735), last: ("uri", 6880),
          sum: 323455),
        .init(
          "allocated memory by file", 7, first: ("/work/main/Samples/apps/leak/config.ru", 303735),
          last: ("/usr/lib/ruby/3.1.0/uri/generic.rb", 400), sum: 323455),
        .init(
          "allocated memory by location", 33,
          first: ("/work/main/Samples/apps/leak/config.ru:18", 202090),
          last: ("/usr/share/rubygems-integration/all/gems/rack-2.2.22/lib/rack/utils.rb:511", 200),
          sum: 323455),
        .init(
          "allocated memory by class", 9, first: ("String", 303815), last: ("Method", 360),
          sum: 323455),
        .init(
          "allocated objects by gem", 3, first: ("rack-2.2.22", 120), last: ("Samples/app", 45),
          sum: 230),
        .init(
          "allocated objects by file", 7,
          first: ("/usr/share/rubygems-integration/all/gems/rack-2.2.22/lib/rack/mock.rb", 95),
          last: ("/usr/share/rubygems-integration/all/gems/rack-2.2.22/lib/rack/response.rb", 10),
          sum: 230),
        .init(
          "allocated objects by location", 33,
          first: ("/work/main/Samples/apps/leak/config.ru:18", 20),
          last: ("/work/main/Samples/apps/leak/config.ru:19", 5), sum: 230),
        .init(
          "allocated objects by class", 9, first: ("String", 95), last: ("URI::Generic", 5),
          sum: 230),
        .init(
          "retained memory by gem", 1, first: ("Samples/app", 200210),
          last: ("Samples/app", 200210), sum: 200210),
        .init(
          "retained memory by file", 1, first: ("/work/main/Samples/apps/leak/config.ru", 200210),
          last: ("/work/main/Samples/apps/leak/config.ru", 200210), sum: 200210),
        .init(
          "retained memory by location", 1,
          first: ("/work/main/Samples/apps/leak/config.ru:18", 200210),
          last: ("/work/main/Samples/apps/leak/config.ru:18", 200210), sum: 200210),
        .init(
          "retained memory by class", 1, first: ("String", 200210), last: ("String", 200210),
          sum: 200210),
        .init(
          "retained objects by gem", 1, first: ("Samples/app", 5), last: ("Samples/app", 5), sum: 5),
        .init(
          "retained objects by file", 1, first: ("/work/main/Samples/apps/leak/config.ru", 5),
          last: ("/work/main/Samples/apps/leak/config.ru", 5), sum: 5),
        .init(
          "retained objects by location", 1,
          first: ("/work/main/Samples/apps/leak/config.ru:18", 5),
          last: ("/work/main/Samples/apps/leak/config.ru:18", 5), sum: 5),
        .init("retained objects by class", 1, first: ("String", 5), last: ("String", 5), sum: 5),
      ],
      allocatedStrings: (25, first: "\"\"", count: 20, locations: 4),
      retainedStrings: (
        5,
        first:
          "\"request 1 abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij\"",
        count: 1, locations: 1
      )),

  ]

  @Test(arguments: expectations)
  func sampleParsesExactly(_ expected: SampleExpectation) throws {
    let profiles = try parseFile(TestFiles.sample(expected.file))
    #expect(profiles.count == 1)
    let profile = try #require(profiles.first)
    #expect(profile.totals.allocated.bytes == expected.allocated.0)
    #expect(profile.totals.allocated.objects == expected.allocated.1)
    #expect(profile.totals.retained.bytes == expected.retained.0)
    #expect(profile.totals.retained.objects == expected.retained.1)
    #expect(profile.sections.map(\.title.text) == expected.sections.map(\.title))
    for facts in expected.sections {
      let section = try #require(profile.section(facts.title))
      #expect(section.rows.count == facts.rows, "\(facts.title)")
      let first = try #require(section.rows.first)
      let last = try #require(section.rows.last)
      #expect(profile.name(of: first) == facts.first.0, "\(facts.title)")
      #expect(first.value == facts.first.1, "\(facts.title)")
      #expect(profile.name(of: last) == facts.last.0, "\(facts.title)")
      #expect(last.value == facts.last.1, "\(facts.title)")
      #expect(section.listedTotal == facts.sum, "\(facts.title)")
    }
    for (report, facts) in [
      (profile.allocatedStrings, expected.allocatedStrings),
      (profile.retainedStrings, expected.retainedStrings),
    ] {
      if let facts {
        let report = try #require(report)
        #expect(report.groups.count == facts.0)
        #expect(report.groups.first?.string == facts.first)
        #expect(report.groups.first?.count == facts.count)
        #expect(report.groups.first?.locations.count == facts.locations)
        // A group's count is the sum of its locations' counts in every real report.
        for group in report.groups {
          #expect(group.count == group.locations.reduce(0) { $0 + $1.count }, "\(group.string)")
        }
      } else {
        #expect(report == nil)
      }
    }
    // Real samples parse without a single warning.
    #expect(profile.warnings.isEmpty, "\(profile.warnings)")
  }

  @Test func scaledSampleIsMarkedApproximate() throws {
    let profile = try #require(try parseFile(TestFiles.sample("scale-bytes.txt")).first)
    #expect(profile.totals.allocated.bytesApproximate)
    #expect(profile.metadata.features.contains(.scaledTwoDecimals))
    #expect(profile.section("allocated memory by gem")?.approximate == true)
    #expect(profile.section("allocated objects by gem")?.approximate == false)
    // 588.44 kB printed; the exact figure in the plain twin is 588,443.
    #expect(profile.totals.allocated.bytes == 588_440)
  }

  @Test func featuresOfEachVariant() throws {
    func features(_ file: String) throws -> Set<VariantFeature> {
      try #require(try parseFile(TestFiles.sample(file)).first).metadata.features
    }
    #expect(
      try features("default.txt").isSuperset(of: [
        .bytesAndObjectsHeader, .sixteenSections, .allocatedStringReport, .retainedStringReport,
      ]))
    #expect(try features("normalize-paths.txt").contains(.normalizedPaths))
    #expect(try !features("raw-for-normalize.txt").contains(.normalizedPaths))
    #expect(try features("no-detailed.txt").contains(.notDetailed))
    #expect(try features("colour.txt").contains(.ansiColour))
    #expect(try !features("default.txt").contains(.ansiColour))
  }

  @Test func colourSampleEqualsPlainSample() throws {
    let plain = try #require(try parseFile(TestFiles.sample("default.txt")).first)
    let colour = try #require(try parseFile(TestFiles.sample("colour.txt")).first)
    #expect(plain.totals == colour.totals)
    for (a, b) in zip(plain.sections, colour.sections) {
      #expect(a.rows.map { plain.name(of: $0) } == b.rows.map { colour.name(of: $0) })
      #expect(a.rows.map(\.value) == b.rows.map(\.value))
    }
    #expect(
      plain.allocatedStrings?.groups.map(\.string) == colour.allocatedStrings?.groups.map(\.string))
  }

  @Test func derailedPreambleIsMetadata() throws {
    let profile = try #require(try parseFile(TestFiles.sample("perf-objects.txt")).first)
    #expect(profile.metadata.producer == .derailedPerfObjects)
    #expect(profile.metadata.iterations == 5)
    #expect(profile.metadata.preamble["Endpoint"] == "/")
    #expect(profile.metadata.firstLine == 3)
  }

  @Test func hostileStringsKeepTheirPrintedForm() throws {
    let profile = try #require(try parseFile(TestFiles.sample("hostile-strings.txt")).first)
    let strings = profile.allocatedStrings?.groups.map(\.string) ?? []
    #expect(strings.contains("\"<script>alert(1)</script>\""))
    #expect(strings.contains("\"\\xFF\\xFE abc\""))
    // A file name with a colon, quotes and markup splits on its last colon.
    let rows = profile.section("retained memory by location")?.rows ?? []
    let odd = try #require(rows.last)
    #expect(profile.names[odd.nameID] == "weird dir/<b>odd</b> & \"q\" 'file':name.rb")
    #expect(odd.line == 2)
  }

  @Test func topThousandsOfRowsAreKept() throws {
    let profile = try #require(try parseFile(TestFiles.sample("top3000.txt")).first)
    let section = try #require(profile.section("allocated memory by location"))
    #expect(section.rows.count == 3000)
    #expect(section.cutoff == 251)
    // 3,000 rows are not all of the 8,000 allocations: the list is cut off.
    #expect(!section.isComplete(total: profile.totals.allocated.bytes))
    let files = try #require(profile.section("allocated memory by file"))
    #expect(files.isComplete(total: profile.totals.allocated.bytes))
  }
}
