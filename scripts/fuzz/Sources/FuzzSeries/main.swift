import FuzzSupport
import MemReportTestSupport

// The body is `FuzzHarness.series` (Tests/MemReportTestSupport/FuzzHarnesses.swift).
fuzzMain { try FuzzHarness.series($0) }
