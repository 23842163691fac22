import FuzzSupport
import MemReportTestSupport

// The body is `FuzzHarness.filter` (Tests/MemReportTestSupport/FuzzHarnesses.swift).
fuzzMain(FuzzHarness.filter)
