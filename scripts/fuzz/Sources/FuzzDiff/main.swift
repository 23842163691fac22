import FuzzSupport
import MemReportTestSupport

// The body is `FuzzHarness.diff` (Tests/MemReportTestSupport/FuzzHarnesses.swift).
fuzzMain(FuzzHarness.diff)
