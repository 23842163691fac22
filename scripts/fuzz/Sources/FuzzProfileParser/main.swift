import FuzzSupport
import MemReportTestSupport

// The body is `FuzzHarness.profileParser` (Tests/MemReportTestSupport/FuzzHarnesses.swift).
fuzzMain(FuzzHarness.profileParser)
