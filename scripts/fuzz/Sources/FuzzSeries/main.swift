import FuzzSupport
import MemReportTestSupport

// The body is `FuzzHarness.series` (Tests/MemReportTestSupport/FuzzHarnesses.swift).
fuzzMain(FuzzHarness.series)
