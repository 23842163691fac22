import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

/// The expectations of the variant samples (same profile printed other ways, and the large ones).
extension SampleParsingTests {
  static let variantSamples: [SampleExpectation] = [
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
}
