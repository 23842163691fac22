import MemReportCore
/// Recognisers for the lines of a report that are not rows: titles, header words, preamble
/// facts and the noise that pastes carry. Each works on one cleaned line of bytes.
enum LineKind {
  /// A section or string-report title, possibly mangled (`## allocated memory by gem`,
  /// `allocated]objects by gem`, indented, with a trailing colon).
  enum Title: Equatable {
    case section(SectionTitle)
    case strings(AllocationState)
  }

  /// Reads `line` as a title. `exact` is true when it is printed exactly as memory_profiler does.
  static func title(_ line: UnsafeBufferPointer<UInt8>) -> (
    title: Title, exact: Bool, markdown: Bool
  )? {
    guard line.count <= 80 else { return nil }
    var words: [[UInt8]] = []
    var word: [UInt8] = []
    var start = 0
    var markdown = false
    while start < line.count, line[start] == ASCII.space { start += 1 }
    if start < line.count, line[start] == ASCII.hash { markdown = true }
    for i in start..<line.count {
      let b = line[i]
      if ASCII.isLetter(b) {
        word.append(ASCII.lowercased(b))
      } else {
        if ASCII.isDigit(b) || b >= 0x80 { return nil }
        if !word.isEmpty {
          words.append(word)
          word.removeAll(keepingCapacity: true)
        }
      }
      if words.count > 5 { return nil }
    }
    if !word.isEmpty { words.append(word) }
    let text = words.map { String(decoding: $0, as: UTF8.self) }
    let trimmed = String(decoding: UnsafeBufferPointer(rebasing: line[start...]), as: UTF8.self)
    if text.count == 4, text[2] == "by", let state = AllocationState(rawValue: text[0]),
      let metric = Metric(rawValue: text[1]), let grouping = Grouping(rawValue: text[3])
    {
      let title = SectionTitle(state, metric, grouping)
      return (.section(title), trimmed == title.text, markdown)
    }
    if text.count == 3 || (text.count == 5 && text[3] == "total" && text[4] == "shared"),
      text[1] == "string", text[2] == "report", let state = AllocationState(rawValue: text[0])
    {
      let canonical = StringReport.title(state)
      return (.strings(state), trimmed == canonical, markdown)
    }
    return nil
  }

  /// A line of only dashes (the 35-dash rule under a title; any length from 3 is accepted).
  static func isDashes(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var count = 0
    for b in line {
      if b == ASCII.dash { count += 1 } else if b != ASCII.space { return false }
    }
    return count >= 3
  }

  static func equals(_ line: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
    var trimmed = ByteCursor(line)
    trimmed.skipSpaces()
    return trimmed.consume(literal) && trimmed.isAtEnd
  }

  /// A derailed preamble fact (`Running 5 times`, `Endpoint: "/"`, ...): its name and value.
  static func preambleFact(_ line: UnsafeBufferPointer<UInt8>) -> (name: String, value: String)? {
    var cursor = ByteCursor(line)
    cursor.skipSpaces()
    let start = cursor.position
    if cursor.consume("Running "), let n = cursor.unsignedInteger(), cursor.consume(" times"),
      cursor.isAtEnd
    {
      return ("Running", String(n))
    }
    cursor.position = start
    if cursor.consume("Warming up app: "), let n = cursor.unsignedInteger(),
      cursor.consume(" times")
    {
      return ("Warming up app", String(n))
    }
    cursor.position = start
    if cursor.consume("Measuring objects created by gems in groups ") {
      return ("Gem groups", String(decoding: cursor.rest, as: UTF8.self))
    }
    for name: StaticString in [
      "Booting: ", "Endpoint: ", "Method: ", "HTTP headers: ", "Port: ", "Server: ", "PID: ",
    ] {
      cursor.position = start
      if cursor.consume(name) {
        var value = String(decoding: cursor.rest, as: UTF8.self)
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
          value = String(value.dropFirst().dropLast())
        }
        let key = name.description.dropLast(2)
        return (String(key), value)
      }
    }
    return nil
  }

  /// Lines that pastes carry around and inside reports.
  enum Noise {
    case fence, heading, elision, prompt, rubyWarning, number, other

    var message: String {
      switch self {
      case .fence: return "skipped a Markdown code fence"
      case .heading: return "skipped a Markdown heading"
      case .elision: return "skipped an elision: rows may be missing here"
      case .prompt: return "skipped a shell prompt or command"
      case .rubyWarning: return "skipped a Ruby warning"
      case .number: return "skipped a bare number"
      case .other: return "skipped a line that is not part of a memory_profiler report"
      }
    }

    var feature: VariantFeature? {
      switch self {
      case .fence, .heading: return .markdown
      case .elision: return .elisions
      case .prompt: return .shellNoise
      default: return nil
      }
    }
  }

  static func noise(_ line: UnsafeBufferPointer<UInt8>) -> Noise {
    let text = String(decoding: line, as: UTF8.self).trimmingSpaces()
    if text.hasPrefix("```") || text.hasPrefix("~~~") { return .fence }
    if isElision(text) { return .elision }
    if text.hasPrefix("#") { return .heading }
    if isPrompt(text) { return .prompt }
    if text.contains("warning:") { return .rubyWarning }
    if Double(text) != nil { return .number }
    return .other
  }

  private static func isElision(_ text: String) -> Bool {
    var body = Substring(text)
    if body.hasPrefix("#") { body = body.dropFirst().drop(while: { $0 == " " }) }
    if body.hasPrefix("..") || body.hasPrefix("…") { return true }
    let upper = body.uppercased()
    return upper.hasPrefix("[REDACTED") || upper.hasPrefix("[REDUCTED") || upper.hasPrefix("[SNIP")
      || upper == "SNIP" || upper.hasPrefix("(SNIP") || upper.hasPrefix("<SNIP")
  }

  private static func isPrompt(_ text: String) -> Bool {
    let prefixes = ["$ ", "% ", "> ", "# ", "❯ ", "➜ ", "λ ", "pry(", "[1] pry", "irb(", "=> "]
    if prefixes.contains(where: { text.hasPrefix($0) }) || text == "$" { return true }
    if text.hasPrefix("(") && text.contains(") ") && (text.contains("$ ") || text.contains("% ")) {
      return true  // (base) user@host:~$ cmd
    }
    if let at = text.firstIndex(of: "@"), text[at...].contains(":"),
      text[at...].split(separator: " ", maxSplits: 1).first?.hasSuffix("$") ?? false
    {
      return true  // user@host:~/app$ cmd
    }
    for command in [
      "bundle exec ", "derailed ", "ruby ", "rake ", "bin/rails ", "rails ",
      "ruby-memory-profiler ",
    ]
    where text.hasPrefix(command) {
      return true
    }
    return false
  }
}

extension String {
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
