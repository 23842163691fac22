import Foundation
import MemReportCore
import MemReportTestSupport
import Testing

@Suite("Input files")
struct InputFileTests {
  /// The read-ahead is handed out again before the rest, so the parser sees every byte once.
  @Test func headIsReadAgain() throws {
    let input = try InputFile.open(TestFiles.sample("top3000.txt"))
    defer { input.close() }
    let head = try input.head(limit: 1000)
    #expect(head.count == 1000)
    let all = try input.readAll()
    let expected = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample("top3000.txt")))
    #expect(all.count == expected.count)
    #expect(Data(all) == expected)
  }
}

/// UTF-16 files (Windows PowerShell's `>`) were refused as "binary data"; they are decoded to
/// UTF-8 as they are read. Encoded here with Foundation, an independent encoder.
@Suite("UTF-16 input")
struct UTF16InputTests {
  static func read(_ data: Data) throws -> (bytes: [UInt8], wasUTF16: Bool) {
    let url = try CLIRunner.temporaryFolder().appendingPathComponent("input.txt")
    try data.write(to: url)
    let input = try InputFile.open(url.path)
    defer { input.close() }
    _ = try input.head(limit: 3)  // a read-ahead shorter than the sniffed bytes
    return (try input.readAll(), input.wasUTF16)
  }

  static let text = "Total allocated: 10 bytes (1 objects)\r\ncafé ✓ 𝄞 \"x\"\n"

  @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf16])
  func decodesBothOrdersWithAndWithoutAMark(encoding: String.Encoding) throws {
    let data = try #require(Self.text.data(using: encoding))
    let (bytes, wasUTF16) = try Self.read(data)
    #expect(wasUTF16)
    #expect(String(decoding: bytes, as: UTF8.self) == Self.text)
  }

  @Test func leavesOtherInputAlone() throws {
    for text in ["ab", "\0\0\0\0 binary", "Total", "", "\u{FEFF}UTF-8 with a mark"] {
      let (bytes, wasUTF16) = try Self.read(Data(text.utf8))
      #expect(!wasUTF16, "\(text)")
      #expect(bytes == Array(text.utf8), "\(text)")
    }
  }

  @Test func unpairedSurrogatesAndAnOddByteAreReplacementCharacters() throws {
    // "a", a lone high surrogate, "b", a lone low surrogate, then one odd byte.
    let (bytes, _) = try Self.read(
      Data([0xFF, 0xFE, 0x61, 0, 0x00, 0xD8, 0x62, 0, 0x00, 0xDC, 0x63]))
    #expect(String(decoding: bytes, as: UTF8.self) == "a\u{FFFD}b\u{FFFD}\u{FFFD}")
  }
}
