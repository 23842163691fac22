/// String helpers the library uses without Foundation.
extension String {
  /// `self` with every occurrence of `target` replaced (no Foundation in the library).
  package func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard contains(target) else { return self }
    return pieces(separatedBy: target).joined(separator: replacement)
  }

  /// The parts between occurrences of `separator`.
  package func pieces(separatedBy separator: String) -> [Substring] {
    var parts: [Substring] = []
    var rest = self[...]
    while let range = rest.firstRange(of: separator) {
      parts.append(rest[..<range.lowerBound])
      rest = rest[range.upperBound...]
    }
    parts.append(rest)
    return parts
  }
}
