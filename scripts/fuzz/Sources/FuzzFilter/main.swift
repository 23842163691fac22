import FuzzSupport
import MemReportTestSupport

// The body is `FuzzHarness.filter` (Tests/MemReportTestSupport/FuzzHarnesses.swift).
fuzzMain { try FuzzHarness.filter($0) }
