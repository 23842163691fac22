import FuzzSupport
import MemReportTestSupport

// The body is `FuzzHarness.patch` (Tests/MemReportTestSupport/FuzzHarnesses.swift).
fuzzMain(FuzzHarness.patch)
