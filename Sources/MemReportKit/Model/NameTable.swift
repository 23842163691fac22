/// Interned strings: each distinct path, gem or class name is stored once and rows refer to it by
/// index, as pprof's string table does. Memory grows with distinct names, not with rows.
public struct NameTable: Sendable {
  public private(set) var names: [String] = []
  private var index: [String: Int32] = [:]

  public init() {}

  /// The id of `name`, adding it when new.
  /// - Complexity: O(*n*) in the length of `name` (one hash, one comparison).
  public mutating func intern(_ name: String) -> Int32 {
    if let id = index[name] { return id }
    let id = Int32(names.count)
    names.append(name)
    index[name] = id
    return id
  }

  /// The id of UTF-8 `bytes`, decoded leniently (invalid sequences become U+FFFD).
  public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    intern(String(decoding: bytes, as: UTF8.self))
  }

  /// The id of `name` if it was interned.
  public func id(of name: String) -> Int32? { index[name] }

  public subscript(id: Int32) -> String { names[Int(id)] }

  public var count: Int { names.count }
}
