import FuzzSupport
import MemReportTestSupport

// The body is `FuzzHarness.profileParser` (Tests/MemReportTestSupport/FuzzHarnesses.swift).
fuzzMain { try FuzzHarness.profileParser($0) }
