import Testing
@testable import MemReportKit
import MemReportCore
import MemReportTestSupport

@Suite("Path normalization")
struct PathNormalizerTests {
  let normalizer = PathNormalizer()

  @Test(arguments: [
    // macOS home gems (rbenv), from a real perf:objects paste
    (
      "/Users/jason/.rbenv/versions/3.1.0/lib/ruby/gems/3.1.0/gems/activesupport-7.0.4/lib/active_support/parameter_filter.rb",
      "activesupport-7.0.4/lib/active_support/parameter_filter.rb"
    ),
    // Linux vendor/bundle
    (
      "/srv/app/vendor/bundle/ruby/3.3.0/gems/pg-1.5.4/lib/pg/connection.rb",
      "pg-1.5.4/lib/pg/connection.rb"
    ),
    // Debian's rubygems-integration (the committed samples)
    (
      "/usr/share/rubygems-integration/all/gems/rack-2.2.22/lib/rack/mock.rb",
      "rack-2.2.22/lib/rack/mock.rb"
    ),
    // bundler git gems
    (
      "/home/u/.bundle/ruby/3.1.0/bundler/gems/rails-f45267bc4230/activesupport/lib/active_support.rb",
      "rails-f45267bc4230/activesupport/lib/active_support.rb"
    ),
    // stdlib, Ruby 3 form
    ("/usr/lib/ruby/3.1.0/set.rb", "ruby/lib/set.rb"),
    ("/Users/jason/.rbenv/versions/3.1.0/lib/ruby/3.1.0/json/common.rb", "ruby/lib/json/common.rb"),
    // app code keeps the folder before app/lib/bin
    ("/home/u/shop/app/models/user.rb", "shop/app/models/user.rb"),
    (
      "/Users/jason/Downloads/foo/app/controllers/welcome_controller.rb",
      "foo/app/controllers/welcome_controller.rb"
    ),
    ("/work/main/Samples/workloads/shop/lib/shop/catalog.rb", "shop/lib/shop/catalog.rb"),
    // nothing matches: left as it is
    ("/work/main/Samples/workloads/shop.rb", "/work/main/Samples/workloads/shop.rb"),
    ("demo.rb", "demo.rb"),
    ("(eval)", "(eval)"),
    ("(no name)", "(no name)"),
    ("<internal:kernel>", "<internal:kernel>"),
    // Windows drive paths, with forward and back slashes
    ("C:/Ruby26-x64/lib/ruby/2.6.0/set.rb", "ruby/lib/set.rb"),
    ("C:/Ruby26-x64/lib/ruby/gems/2.6.0/gems/rack-2.0.7/lib/rack.rb", "rack-2.0.7/lib/rack.rb"),
    ("C:\\Users\\me\\shop\\app\\models\\user.rb", "shop/app/models/user.rb"),
    // what memory_profiler gets wrong
    (
      "<internal:/usr/lib/ruby/vendor_ruby/rubygems/core_ext/kernel_require.rb>",
      "<internal:usr/lib/ruby/vendor_ruby/rubygems/core_ext/kernel_require.rb>"
    ),
    (
      "usr/lib/ruby/vendor_ruby/rubygems/core_ext/kernel_require.rb>",
      "<internal:usr/lib/ruby/vendor_ruby/rubygems/core_ext/kernel_require.rb>"
    ),
    ("(eval at /srv/shop/app/models/repo.rb:3)", "(eval at shop/app/models/repo.rb:3)"),
    // already normalized: unchanged
    ("activesupport-7.0.4/lib/active_support/x.rb", "activesupport-7.0.4/lib/active_support/x.rb"),
    ("ruby/lib/set.rb", "ruby/lib/set.rb"),
    ("shop/app/models/user.rb", "shop/app/models/user.rb"),
  ])
  func memoryProfilerRules(_ raw: String, _ expected: String) {
    #expect(normalizer.normalize(raw) == expected)
    #expect(normalizer.normalize(expected) == expected, "normalizing twice changes nothing")
  }

  @Test func explicitRoot() {
    let n = PathNormalizer(root: "/srv/myapp/")
    #expect(n.normalize("/srv/myapp/services/billing.rb") == "services/billing.rb")
    #expect(n.normalize("/srv/myapp/app/models/a.rb") == "app/models/a.rb")
    // not under the root, no rule matches
    #expect(n.normalize("/srv/myapp2/x.rb") == "/srv/myapp2/x.rb")
    #expect(n.normalize("/usr/lib/ruby/3.1.0/set.rb") == "ruby/lib/set.rb")
  }

  @Test func gemVersionsDropped() {
    let n = PathNormalizer(ignoreGemVersions: true)
    #expect(
      n.normalize("/srv/gems/actionpack-4.2.3/lib/action_dispatch.rb")
        == "actionpack/lib/action_dispatch.rb")
    #expect(
      n.normalize("/x/bundler/gems/rails-f45267bc4230/activesupport/lib/a.rb")
        == "rails/activesupport/lib/a.rb")
    #expect(
      n.normalize("/x/gems/nokogiri-1.13.10-x86_64-linux/lib/nokogiri.rb")
        == "nokogiri/lib/nokogiri.rb")
    #expect(n.normalize("/x/gems/net-http-0.4.1/lib/net/http.rb") == "net-http/lib/net/http.rb")
    #expect(n.gemName("activesupport-7.0.4") == "activesupport")
    #expect(n.gemName("shop/lib") == "shop/lib")
    #expect(n.gemName("2.2.1/lib") == "2.2.1/lib")
  }

  @Test func rawReportAndItsNormalizePathsTwinHaveTheSameKeys() throws {
    let raw = try #require(try parseFile(TestFiles.sample("raw-for-normalize.txt")).first)
    let twin = try #require(try parseFile(TestFiles.sample("normalize-paths.txt")).first)
    let transform = ProfileTransform(filter: try FileFilter())
    let normalizedRaw = transform.apply(to: raw)
    let normalizedTwin = transform.apply(to: twin)
    var compared = 0
    for (a, b) in zip(normalizedRaw.sections, twin.sections) where a.title.grouping.hasPaths {
      #expect(
        a.rows.map { normalizedRaw.name(of: $0) } == b.rows.map { twin.name(of: $0) },
        "\(a.title.text)")
      #expect(a.rows.map(\.value) == b.rows.map(\.value))
      compared += a.rows.count
    }
    #expect(compared > 100)
    for state in AllocationState.allCases {
      let a = try #require(normalizedRaw.strings(state)).groups.flatMap {
        $0.locations.map { normalizedRaw.name(of: $0) }
      }
      let b = try #require(twin.strings(state)).groups.flatMap {
        $0.locations.map { twin.name(of: $0) }
      }
      #expect(a == b)
      #expect(!a.isEmpty)
    }
    // The twin, already normalized, passes through unchanged.
    for (a, b) in zip(normalizedTwin.sections, twin.sections) {
      #expect(a.rows.map { normalizedTwin.name(of: $0) } == b.rows.map { twin.name(of: $0) })
    }
  }
}
