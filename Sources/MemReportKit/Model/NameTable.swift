#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Interned strings: each distinct path, gem or class name is stored once and rows refer to it by
/// index, as pprof's string table does. Memory grows with distinct names, not with rows.
///
/// Lookups by bytes hash and compare the raw bytes, so a name already seen costs no allocation;
/// a `String` is built only for a new name.
public struct NameTable: Sendable {
  public private(set) var names: [String] = []
  /// The UTF-8 bytes of every name, back to back; `offsets[id]..<offsets[id + 1]` is name `id`.
  private var bytes: [UInt8] = []
  private var offsets: [Int] = [0]
  private var hashes: [UInt64] = []
  /// Open addressing: slot to id + 1 (0 is empty). Its size is a power of two, at most half full.
  private var slots: [Int32] = Array(repeating: 0, count: 1024)

  public init() {}

  /// The id of `name`, adding it when new.
  @discardableResult
  public mutating func intern(_ name: String) -> Int32 {
    var utf8 = name
    return utf8.withUTF8 { intern($0, decoded: name) }
  }

  /// The id of UTF-8 `bytes`, adding them when new (decoded leniently: invalid sequences become
  /// U+FFFD in the name, while the key stays the raw bytes).
  /// - Complexity: O(*n*) in the length of `bytes`, amortised.
  public mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    intern(key, decoded: nil)
  }

  private mutating func intern(_ key: UnsafeBufferPointer<UInt8>, decoded: String?) -> Int32 {
    let hash = Self.hash(key)
    let (existing, slot) = find(key, hash: hash)
    if let existing { return existing }
    let id = names.count
    names.append(decoded ?? String(decoding: key, as: UTF8.self))
    bytes.append(contentsOf: key)
    offsets.append(bytes.count)
    hashes.append(hash)
    slots[slot] = Int32(id + 1)
    if names.count * 2 > slots.count { grow() }
    return Int32(id)
  }

  /// The id of `key` if present, else the empty slot where it belongs.
  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (Int32?, Int) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return (nil, slot) }
      let id = Int(entry - 1)
      if hashes[id] == hash && equals(id, key) { return (Int32(id), slot) }
      slot = (slot + 1) & mask
    }
  }

  private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[id]
    let count = offsets[id + 1] - start
    guard count == key.count else { return false }
    if count == 0 { return true }
    return bytes.withUnsafeBufferPointer { all in
      memcmp(all.baseAddress! + start, key.baseAddress!, count) == 0
    }
  }

  private mutating func grow() {
    var bigger = [Int32](repeating: 0, count: slots.count * 2)
    let mask = bigger.count - 1
    for id in hashes.indices {
      var slot = Int(truncatingIfNeeded: hashes[id]) & mask
      while bigger[slot] != 0 { slot = (slot + 1) & mask }
      bigger[slot] = Int32(id + 1)
    }
    slots = bigger
  }

  /// FNV-1a over 8-byte words, then a final mix: fast on paths, deterministic across runs.
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var i = 0
    let n = key.count
    if let base = key.baseAddress {
      let raw = UnsafeRawPointer(base)
      while i + 8 <= n {
        h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
        h ^= h >> 29
        i += 8
      }
      while i < n {
        h = (h ^ UInt64(base[i])) &* 0x100_0000_01b3
        i += 1
      }
    }
    h ^= UInt64(n)
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return h
  }

  /// The id of `name` if it was interned.
  public func id(of name: String) -> Int32? {
    var name = name
    return name.withUTF8 { find($0, hash: Self.hash($0)).0 }
  }

  public subscript(id: Int32) -> String { names[Int(id)] }

  public var count: Int { names.count }
}
