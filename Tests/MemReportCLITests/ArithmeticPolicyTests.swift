import Foundation
import MemReportTestSupport
import Testing

/// The arithmetic policy (MemReportCore/Arithmetic/Saturating.swift) end to end: values at the
/// parser's limit print in every command and format, sums never wrap, and a value beyond the limit
/// is a warning and a skipped value, never a trap.
@Suite("Hostile numbers never trap")
struct ArithmeticPolicyTests {
  static let maxCounts = TestFiles.fixture("hostile/max-counts.txt")
  static let formats = ["text", "json", "html", "markdown", "csv"]

  /// Every memory row is 2^53 bytes against a 1-byte total: shares of 10^17 %, sums far past
  /// 2^63 (they wrapped to negative totals), an icicle of such rows.
  @Test(arguments: formats)
  func reportAndDiffOfMaximalRows(format: String) throws {
    let report = try CLIRunner.run(["report", Self.maxCounts, "--format", format])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(!report.stdout.isEmpty)
    for by in ["file", "gem", "origin", "directory"] where format == "text" {
      #expect(try CLIRunner.run(["report", Self.maxCounts, "--by", by]).status == 0)
    }
    let diff = try CLIRunner.run([
      "diff", Self.maxCounts, TestFiles.sample("default.txt"), "--format", format,
    ])
    #expect(diff.status == 0, "\(diff.stderr)")
    let same = try CLIRunner.run(["diff", Self.maxCounts, Self.maxCounts, "--format", format])
    #expect(same.status == 0, "\(same.stderr)")
  }

  @Test func sumsSaturateInsteadOfWrapping() throws {
    let r = try CLIRunner.run(["report", Self.maxCounts, "--format", "json"])
    // No total or share is negative.
    #expect(!r.stdout.contains("\"listed\": -"))
    #expect(!r.stdout.contains("−"))
  }

  /// `Total allocated: 922337203685477580.7 B` trapped in the scaled-number rounding in every
  /// command; it is now a skipped line with a warning naming it.
  @Test func aScaledTotalBeyondTheLimitIsSkipped() throws {
    let file = TestFiles.fixture("hostile/scaled-overflow.txt")
    for format in Self.formats {
      let r = try CLIRunner.run(["report", file, "--format", format])
      #expect(r.status == 0, "\(r.stderr)")
    }
    let r = try CLIRunner.run(["report", file])
    #expect(
      r.stderr.hasPrefix(
        "memreport: warning: \(file):1: skipped a 'Total' line in an unknown form: 'Total allocated: 922337203685477580.7 B (1 objects)'"
      ))
    #expect(r.stdout.contains("Total allocated: bytes unknown, objects unknown"))
  }
}
