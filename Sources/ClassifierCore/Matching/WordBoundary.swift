/// Word characters in UTF-8 bytes, for whole-word keyword matching.
///
/// A word character is a letter, a digit, a combining mark or `_` in any script; invalid UTF-8 is
/// not a word character. Only the bytes next to a candidate match are decoded.
enum WordBoundary {
  /// Whether the character that ends just before `index` is a word character.
  static func isWordCharacter(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard index > 0 else { return false }
    var start = index - 1
    while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    guard let (scalar, length) = decode(at: start, in: bytes), start + length == index else {
      return false
    }
    return isWordScalar(scalar)
  }

  /// Whether the character that starts at `index` is a word character.
  static func isWordCharacter(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let (scalar, _) = decode(at: index, in: bytes) else { return false }
    return isWordScalar(scalar)
  }

  /// The offset just past the word characters that start at `index`.
  static func endOfWord(from index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var end = index
    while let (scalar, length) = decode(at: end, in: bytes), isWordScalar(scalar) { end += length }
    return end
  }

  /// Whether `scalar` is a letter, digit, combining mark or underscore.
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        || (0x61...0x7A).contains(value) || value == 0x5F
    }
    let properties = scalar.properties
    if properties.isAlphabetic { return true }
    switch properties.generalCategory {
    case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
      return true
    default:
      return false
    }
  }

  /// Decodes the well-formed UTF-8 scalar at `index`, with its length in bytes.
  static func decode(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int)?
  {
    guard index < bytes.count else { return nil }
    let length = UTF8Validation.sequenceLength(at: index, in: bytes)
    guard length > 0 else { return nil }
    let lead = UInt32(bytes[index])
    var value: UInt32
    switch length {
    case 1: return (Unicode.Scalar(UInt8(lead)), 1)
    case 2: value = lead & 0x1F
    case 3: value = lead & 0x0F
    default: value = lead & 0x07
    }
    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return Unicode.Scalar(value).map { ($0, length) }
  }
}
