import Dispatch
import MemReportCore

extension HeapSummary {
  /// A regular, uncompressed file at least this large is read in two halves on two threads.
  static let partsThreshold = 32 << 20

  /// Reads `input` whole: in two halves at once when it is a large regular file (each half
  /// aggregates on its own; the halves are merged), else in one pass.
  static func read(_ input: InputFile, progress: ((Int) -> Void)?) throws -> HeapSummary {
    if let split = try splitOffset(input) {
      return try readInParts(input.path, split: split, progress: progress)
    }
    var summary = HeapSummary()
    summary.stats = try HeapDumpParser.parse(input, progress: progress) { record, p, offset in
      summary.add(record, p, offset: offset)
    }
    return summary
  }

  /// Where to cut `input` in two halves for two threads (the start of a line near the middle);
  /// `nil` when it is read in one pass: small, a pipe, gzip or UTF-16.
  static func splitOffset(_ input: InputFile) throws -> Int? {
    _ = try input.head(limit: 4)  // decides gzip / UTF-16
    guard let size = input.size, size >= partsThreshold, input.path != "-", !input.wasGzip,
      !input.wasUTF16
    else { return nil }
    return try lineStart(after: size / 2, in: input)
  }

  /// The offset of the first line that starts after `offset`; `nil` when no newline follows
  /// within a line's limit.
  private static func lineStart(after offset: Int, in input: InputFile) throws -> Int? {
    var at = offset
    while at - offset <= HeapDumpParser.maxLineLength {
      let chunk = try input.bytes(at: at, count: 1 << 16)
      if chunk.isEmpty { return nil }
      if let newline = chunk.firstIndex(of: ASCII.newline) { return at + newline + 1 }
      at += chunk.count
    }
    return nil
  }

  private static func readInParts(_ path: String, split: Int, progress: ((Int) -> Void)?) throws
    -> HeapSummary
  {
    nonisolated(unsafe) var parts = [HeapSummary(), HeapSummary()]
    nonisolated(unsafe) var errors: [(any Error)?] = [nil, nil]
    // The first half reports progress for both (they read at about the same speed).
    nonisolated(unsafe) let report = progress
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      do {
        let input = try InputFile.open(path)
        defer { input.close() }
        var summary = HeapSummary()
        summary.baseOffset = part == 0 ? 0 : split
        summary.isContinuation = part == 1
        summary.deferStrings = part == 1
        if part == 1 { try input.seek(to: split) }
        let onProgress: ((Int) -> Void)? =
          part == 0 && report != nil
          ? { bytes in report?(bytes * 2) } : nil
        summary.stats = try HeapDumpParser.parse(
          input, progress: onProgress, byteLimit: part == 0 ? split : nil,
          continuation: part == 1
        ) { record, p, offset in
          summary.add(record, p, offset: offset)
        }
        parts[part] = summary
      } catch {
        errors[part] = error
      }
    }
    if let error = errors[0] ?? errors[1] { throw error }
    // Taken out of the array first, so merging mutates the only copy.
    var merged = parts[0]
    let rest = parts[1]
    parts = []
    merged.merge(rest)
    let input = try InputFile.open(path)
    defer { input.close() }
    try merged.strings.fillTexts(from: input)
    return merged
  }

  /// Adds `other` (the part of the same dump that follows this one).
  mutating func merge(_ other: HeapSummary) {
    var map = [Int32](repeating: -1, count: other.names.count)
    for id in 0..<other.names.count {
      map[id] = other.names.withBytes(Int32(id)) { names.intern($0) }
    }
    for (key, amount) in other.groups {
      var moved = key
      if moved.file >= 0 { moved.file = map[Int(moved.file)] }
      if moved.detail >= 0 { moved.detail = map[Int(moved.detail)] }
      groups[moved, default: HeapAmount()].add(amount)
    }
    for (address, id) in other.classNames { classNames[address] = map[Int(id)] }
    strings.merge(other.strings, files: map)
    for entry in other.deferred {
      strings.add(entry, file: entry.file >= 0 ? map[Int(entry.file)] : -1)
    }
    stats.append(other.stats)
  }
}

extension HeapReadStats {
  /// Adds the stats of the part of the dump that follows (its line numbers come after ours).
  mutating func append(_ o: HeapReadStats) {
    skippedLines += o.skippedLines.map { $0 + lines }
    skippedLines = Array(skippedLines.prefix(HeapReadStats.skippedLinesKept))
    lines += o.lines
    objects += o.objects
    roots += o.roots
    shapes += o.shapes
    skipped += o.skipped
    withoutAddress += o.withoutAddress
    truncatedLastLine = o.truncatedLastLine
    longestLine = max(longestLine, o.longestLine)
    if let g = o.maxGeneration { maxGeneration = max(maxGeneration ?? g, g) }
    traced += o.traced
  }
}

extension DuplicateStrings {
  /// Adds the tallies of the part of the dump that follows (`files` maps its name ids to ours).
  mutating func merge(_ other: DuplicateStrings, files: [Int32]) {
    func file(_ id: Int32) -> Int32 { id >= 0 ? files[Int(id)] : -1 }
    tallies.reserveCapacity(tallies.count + other.tallies.count)
    for (hash, theirs) in other.tallies {
      guard var mine = tallies[hash] else {
        var moved = theirs
        moved.setFirst(
          file: file(theirs.firstFile), line: theirs.firstLine, offset: theirs.firstOffset)
        if theirs.text >= 0 { moved.text = other.texts.withBytes(theirs.text) { texts.intern($0) } }
        tallies[hash] = moved
        continue
      }
      if mine.copies == 1 {
        // Our single copy becomes a site of a duplicate.
        sites[SiteKey(hash: hash, file: mine.firstFile, line: mine.firstLine), default: 0] += 1
      }
      if theirs.copies == 1 {
        sites[
          SiteKey(hash: hash, file: file(theirs.firstFile), line: theirs.firstLine), default: 0] +=
          1
      }
      mine.add(theirs)
      if mine.text < 0 && theirs.text >= 0 {
        mine.text = other.texts.withBytes(theirs.text) { texts.intern($0) }
      }
      tallies[hash] = mine
    }
    for (site, count) in other.sites {
      sites[SiteKey(hash: site.hash, file: file(site.file), line: site.line), default: 0] += count
    }
  }

  /// Reads the text of every value that became a duplicate only when two parts were merged (one
  /// copy in each): from its first copy's line.
  mutating func fillTexts(from input: InputFile) throws {
    for (hash, tally) in tallies where tally.copies >= 2 && tally.text < 0 && tally.firstOffset >= 0
    {
      var line: [UInt8] = []
      var at = Int(tally.firstOffset)
      while line.count <= HeapDumpParser.maxLineLength {
        let chunk = try input.bytes(at: at, count: line.isEmpty ? 1 << 10 : 1 << 16)
        if let newline = chunk.firstIndex(of: ASCII.newline) {
          line += chunk[..<newline]
          break
        }
        if chunk.isEmpty { break }
        line += chunk
        at += chunk.count
      }
      let text: Int32? = line.withUnsafeBufferPointer { bytes in
        guard let base = bytes.baseAddress, let record = HeapRecordScanner.scan(bytes),
          let value = record.value
        else { return nil }
        return value.hasEscape(in: base)
          ? JSONStringBytes.decode(base, value).withUnsafeBufferPointer { texts.intern($0) }
          : texts.intern(UnsafeBufferPointer(start: base + value.start, count: value.count))
      }
      if let text { tallies[hash]?.text = text }
    }
  }
}
