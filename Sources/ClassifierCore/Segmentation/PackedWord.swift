/// A short ASCII word folded to lower case and packed into two integers, so that looking words up
/// in a set needs no allocation.
struct PackedWord: Hashable {
  private var low: UInt64 = 0
  private var high: UInt64 = 0

  /// The longest word that can be packed.
  static let capacity = 16

  /// Packs `bytes`, lowercasing ASCII letters; `nil` when longer than `capacity`.
  init?<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
    guard bytes.count <= Self.capacity else { return nil }
    for (index, byte) in bytes.enumerated() {
      let folded = UInt64(TextBytes.isLetter(byte) ? byte | 0x20 : byte)
      if index < 8 {
        low |= folded << (8 * index)
      } else {
        high |= folded << (8 * (index - 8))
      }
    }
  }
}
