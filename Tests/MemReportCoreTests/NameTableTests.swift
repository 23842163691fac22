import MemReportCore
import Testing

/// Names are kept as bytes; sorting `file:line` keys from them must give the order of the strings.
@Suite("Name table")
struct NameTableTests {
  @Test func internsOnceAndReadsBack() {
    var table = NameTable()
    let names = ["app/a.rb", "app/a.rb-x", "", "gems/é.rb", "app/a.rb"]
    let ids = names.map { table.intern($0) }
    #expect(ids == [0, 1, 2, 3, 0])
    #expect(table.count == 4)
    #expect(Array(table.names) == ["app/a.rb", "app/a.rb-x", "", "gems/é.rb"])
    for i in 0..<5_000 { table.intern("f\(i).rb") }  // grows several times
    let last: Int32? = 4 + 4_999
    #expect(table.id(of: "f4999.rb") == last)
    #expect(table[3] == "gems/é.rb")
  }

  /// Every pair of `file` + suffix compared from bytes agrees with Swift's String order (ASCII
  /// and UTF-8 names, where both orders are scalar order), prefixes and `:9` against `:10` included.
  @Test func suffixedOrderIsStringOrder() {
    var table = NameTable()
    let files = ["a", "a-b", "a:", "a.rb", "a.rbx", "b", "", "é", "a.rb:1"]
    for file in files { table.intern(file) }
    let suffixes: [(text: String, line: Int32?)] = [
      ("", nil), (":", -1), (":9", 9), (":10", 10), (":-3", -3), (":2147483647", .max),
    ]
    func suffix(_ line: Int32??) -> NameSuffix {
      var s = NameSuffix()
      guard let line else { return s }
      s.append(UInt8(ascii: ":"))
      if let line, line != -1 { s.appendDecimal(line) }
      return s
    }
    for (i, a) in files.enumerated() {
      for (j, b) in files.enumerated() {
        for sa in suffixes {
          for sb in suffixes {
            let expected = (a + sa.text) < (b + sb.text)
            let got = table.precedes(
              Int32(i), suffix(sa.text.isEmpty ? nil : .some(sa.line)), Int32(j),
              suffix(sb.text.isEmpty ? nil : .some(sb.line)))
            #expect(got == expected, "\(a + sa.text) < \(b + sb.text)")
          }
        }
      }
    }
  }
}
