import FuzzSupport
import MemReportTestSupport

// The body is `FuzzHarness.requireTree` (Tests/MemReportTestSupport/FuzzHarnesses+RequireTree.swift).
fuzzMain { try FuzzHarness.requireTree($0) }
