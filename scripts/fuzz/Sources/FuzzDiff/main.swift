import FuzzSupport
import MemReportTestSupport

// The body is `FuzzHarness.diff` (Tests/MemReportTestSupport/FuzzHarnesses.swift).
fuzzMain { try FuzzHarness.diff($0) }
