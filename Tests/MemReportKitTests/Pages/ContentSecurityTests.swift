import Testing

@testable import MemReportKit

/// The pages' Content-Security-Policy allows exactly the inlined script and stylesheet, by hash
/// (it allowed any inline script: 'unsafe-inline'); Chromium enforcing it is scripts/browser-check.
@Suite("Content-Security-Policy")
struct ContentSecurityTests {
  @Test func hashesAreSHA256InBase64() {
    // FIPS 180-2's test vector for "abc".
    #expect(PageChrome.source("abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='")
    #expect(PageChrome.source("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
  }

  @Test func pagesAllowOnlyTheirOwnScript() throws {
    let chrome = PageChrome(title: "t", inputs: [], templates: try HTMLTemplates.embedded())
    #expect(!chrome.csp.contains("script-src 'unsafe-inline'"))
    #expect(chrome.csp.contains("script-src \(PageChrome.source(chrome.js));"))
    #expect(chrome.csp.contains("style-src \(PageChrome.source(chrome.css));"))
    #expect(chrome.csp.hasPrefix("default-src 'none'; "))
  }
}
