import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// What each committed sample holds, read off the files (and checked against memory_profiler's own
/// totals) for `SampleParsingTests`; the rest are in `SampleExpectations+Variants.swift`.
extension SampleParsingTests {
  static var expectations: [SampleExpectation] { mainSamples + variantSamples }

  static let mainSamples: [SampleExpectation] = [
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
  ]
}
