import FuzzSupport
import MemReportTestSupport

// The body is `FuzzHarness.requireTree` (Tests/MemReportTestSupport/FuzzHarnesses+RequireTree.swift).
fuzzMain(FuzzHarness.requireTree)
