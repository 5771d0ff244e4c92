/// Byte-level character tests shared by matching, segmentation and output.
enum TextBytes {
  /// Whether `byte` is ASCII whitespace.
  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }

  /// Whether `byte` is an ASCII letter.
  @inline(__always)
  static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  /// Whether `byte` is an ASCII digit.
  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// Whether two digits and no third start at `index`: after an apostrophe, an elided year
  /// (`'90s`, `'05`) rather than a quotation.
  static func isElidedYear(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    index + 1 < text.count && isDigit(text[index]) && isDigit(text[index + 1])
      && (index + 2 == text.count || !isDigit(text[index + 2]))
  }

  /// Whether the bytes at `index` are the three-byte UTF-8 sequence `E2 80 last`
  /// (general punctuation: curly quotes, dashes, bullet, ellipsis).
  @inline(__always)
  static func isPunctuation(_ last: UInt8, at index: Int, in text: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    index + 2 < text.count && text[index] == 0xE2 && text[index + 1] == 0x80
      && text[index + 2] == last
  }

  static let leftDoubleQuote: UInt8 = 0x9C
  static let rightDoubleQuote: UInt8 = 0x9D
  static let lowDoubleQuote: UInt8 = 0x9E
  static let leftSingleQuote: UInt8 = 0x98
  static let rightSingleQuote: UInt8 = 0x99
  static let ellipsis: UInt8 = 0xA6
  static let bullet: UInt8 = 0xA2
  static let enDash: UInt8 = 0x93
  static let emDash: UInt8 = 0x94
}
