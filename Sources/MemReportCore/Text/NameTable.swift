#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Interned strings: each distinct path, gem or class name is stored once and rows refer to it by
/// index, as pprof's string table does. Memory grows with distinct names, not with rows.
///
/// A name is kept only as its bytes, back to back in one array (no `String` per name, no stored
/// hash): about its length plus 8 bytes of offset and 8 to 16 of hash slot. A `String` is made
/// when a name is read (`table[id]`), so callers that only compare or re-intern use the bytes.
package struct NameTable: Sendable {
  /// The UTF-8 bytes of every name, back to back; `offsets[id]..<offsets[id + 1]` is name `id`.
  private var bytes: [UInt8] = []
  private var offsets: [Int] = [0]
  /// Open addressing: each slot holds the upper 32 bits of a name's hash and its id + 1 (0 is
  /// empty), so most mismatches are rejected without touching the name's bytes. The size is a power
  /// of two, at most two thirds full.
  private var slots: [UInt64] = Array(repeating: 0, count: 1024)

  package init() {}

  /// The id of `name`, adding it when new.
  @discardableResult
  package mutating func intern(_ name: String) -> Int32 {
    var utf8 = name
    return utf8.withUTF8 { intern($0) }
  }

  /// The id of UTF-8 `bytes`, adding them when new. The bytes are the key; reading the name
  /// decodes them leniently (each byte of an invalid sequence becomes `\xNN`, so names stay as
  /// distinct as their bytes).
  /// - Complexity: O(*n*) in the length of `bytes`, amortised.
  @discardableResult
  package mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = Self.hash(key)
    let (existing, slot) = find(key, hash: hash)
    if let existing { return existing }
    let id = offsets.count - 1
    bytes.append(contentsOf: key)
    offsets.append(bytes.count)
    slots[slot] = Self.slotValue(hash: hash, id: id)
    if (id + 1) * 3 > slots.count * 2 { grow() }
    return Int32(id)
  }

  /// The id of `key` if present, else the empty slot where it belongs.
  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (Int32?, Int) {
    let mask = slots.count - 1
    let tag = hash >> 32
    var slot = Int(truncatingIfNeeded: hash) & mask
    return slots.withUnsafeBufferPointer { table in
      while true {
        let entry = table[slot]
        if entry == 0 { return (nil, slot) }
        if entry >> 32 == tag {
          let id = Int(entry & 0xFFFF_FFFF) - 1
          if equals(id, key) { return (Int32(id), slot) }
        }
        slot = (slot + 1) & mask
      }
    }
  }

  private static func slotValue(hash: UInt64, id: Int) -> UInt64 {
    (hash >> 32) << 32 | UInt64(id + 1)
  }

  private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[id]
    let count = offsets[id + 1] - start
    guard count == key.count else { return false }
    if count == 0 { return true }
    return bytes.withUnsafeBufferPointer { all in
      guard let base = all.baseAddress, let other = key.baseAddress else { return false }
      return memcmp(base + start, other, count) == 0
    }
  }

  /// Doubles the slots, hashing every name again from its bytes.
  private mutating func grow() {
    var bigger = [UInt64](repeating: 0, count: slots.count * 2)
    let mask = bigger.count - 1
    for id in 0..<count {
      let hash = withBytes(Int32(id)) { Self.hash($0) }
      var slot = Int(truncatingIfNeeded: hash) & mask
      while bigger[slot] != 0 { slot = (slot + 1) & mask }
      bigger[slot] = Self.slotValue(hash: hash, id: id)
    }
    slots = bigger
  }

  /// Calls `body` with the bytes of name `id`.
  package func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows
    -> R
  {
    let start = offsets[Int(id)]
    let end = offsets[Int(id) + 1]
    return try bytes.withUnsafeBufferPointer {
      try body(UnsafeBufferPointer(rebasing: $0[start..<end]))
    }
  }

  /// Whether name `a` sorts before name `b` (bytewise, which is Unicode scalar order for UTF-8).
  package func precedes(_ a: Int32, _ b: Int32) -> Bool {
    precedes(a, NameSuffix(), b, NameSuffix())
  }

  /// Whether name `a` followed by `sa` sorts before name `b` followed by `sb` (bytewise), without
  /// making either string: diffs sort millions of `file:line` keys this way.
  package func precedes(_ a: Int32, _ sa: NameSuffix, _ b: Int32, _ sb: NameSuffix) -> Bool {
    let startA = offsets[Int(a)]
    let countA = offsets[Int(a) + 1] - startA
    let startB = offsets[Int(b)]
    let countB = offsets[Int(b) + 1] - startB
    return bytes.withUnsafeBufferPointer { all in
      guard let base = all.baseAddress else { return sa.precedes(sb) }
      let shared = min(countA, countB)
      if shared > 0 {
        let c = memcmp(base + startA, base + startB, shared)
        if c != 0 { return c < 0 }
      }
      // One name is a prefix of the other: the rest of the longer name meets the other's suffix.
      var i = shared
      let n = countA + sa.count
      let m = countB + sb.count
      while i < n && i < m {
        let x = i < countA ? base[startA + i] : sa[i - countA]
        let y = i < countB ? base[startB + i] : sb[i - countB]
        if x != y { return x < y }
        i += 1
      }
      return n < m
    }
  }

  /// Two multiply-rotate lanes over 16-byte blocks, then a final mix: fast on paths (the lanes
  /// run in parallel) and deterministic across runs.
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let k1: UInt64 = 0x9E37_79B9_7F4A_7C15
    let k2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    var a: UInt64 = 0x243F_6A88_85A3_08D3
    var b: UInt64 = 0x1319_8A2E_0370_7344
    let n = key.count
    var i = 0
    if let base = key.baseAddress {
      let raw = UnsafeRawPointer(base)
      while i + 16 <= n {
        a = ((a ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k1).rotated(31)
        b = ((b ^ raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* k2).rotated(29)
        i += 16
      }
      if i + 8 <= n {
        a = ((a ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k1).rotated(31)
        i += 8
      }
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while i < n {
        tail |= UInt64(base[i]) << shift
        shift += 8
        i += 1
      }
      b = ((b ^ tail) &* k2).rotated(29)
    }
    var h = a ^ b.rotated(17) ^ UInt64(n)
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    h = h &* 0xc4ce_b9fe_1a85_ec53
    h ^= h >> 33
    return h
  }

  /// The id of `name` if it was interned.
  package func id(of name: String) -> Int32? {
    var name = name
    return name.withUTF8 { find($0, hash: Self.hash($0)).0 }
  }

  /// Name `id`, decoded.
  package subscript(id: Int32) -> String { withBytes(id) { UTF8Text.decode($0).text } }

  /// Every name, in id order, decoded as read.
  package var names: LazyMapCollection<Range<Int>, String> {
    (0..<count).lazy.map { self[Int32($0)] }
  }

  package var count: Int { offsets.count - 1 }
}

extension UInt64 {
  @inline(__always) fileprivate func rotated(_ bits: UInt64) -> UInt64 {
    (self << bits) | (self >> (64 - bits))
  }
}

/// Up to 16 bytes that follow a name when names are compared (`:` and a line number), held
/// inline.
package struct NameSuffix: Sendable {
  private var low: UInt64 = 0
  private var high: UInt64 = 0
  package private(set) var count = 0

  package init() {}

  /// Appends `byte`; past 16 bytes nothing is kept.
  package mutating func append(_ byte: UInt8) {
    guard count < 16 else { return }
    if count < 8 {
      low |= UInt64(byte) << (8 * UInt64(count))
    } else {
      high |= UInt64(byte) << (8 * UInt64(count - 8))
    }
    count += 1
  }

  /// Appends the decimal digits of `value` (with a minus sign when negative).
  package mutating func appendDecimal(_ value: Int32) {
    if value < 0 { append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt64, Int) = (0, 0)
    repeat {
      digits.0 = digits.0 << 4 | UInt64(magnitude % 10)
      digits.1 += 1
      magnitude /= 10
    } while magnitude > 0
    for _ in 0..<digits.1 {
      append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: digits.0 & 0xF))
      digits.0 >>= 4
    }
  }

  package subscript(i: Int) -> UInt8 {
    UInt8(truncatingIfNeeded: i < 8 ? low >> (8 * UInt64(i)) : high >> (8 * UInt64(i - 8)))
  }

  func precedes(_ other: NameSuffix) -> Bool {
    for i in 0..<min(count, other.count) where self[i] != other[i] { return self[i] < other[i] }
    return count < other.count
  }
}
