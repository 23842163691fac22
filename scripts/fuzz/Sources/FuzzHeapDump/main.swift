import FuzzSupport
import MemReportTestSupport

// The body is `FuzzHarness.heapDump` (Tests/MemReportTestSupport/FuzzHarnesses+HeapDump.swift).
fuzzMain { try FuzzHarness.heapDump($0) }
