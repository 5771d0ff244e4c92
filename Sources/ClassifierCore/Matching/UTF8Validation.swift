/// Well-formed UTF-8, byte by byte, as the Unicode standard defines it (Table 3-7): no overlong
/// forms, no surrogates, nothing above U+10FFFF.
enum UTF8Validation {
  /// The length of the well-formed sequence at `index`, or 0 when the bytes there do not start
  /// one.
  @inline(__always)
  static func sequenceLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let lead = bytes[index]
    if lead < 0x80 { return 1 }
    let length = validPrefixLength(at: index, in: bytes)
    return length == expectedLength(lead) ? length : 0
  }

  /// How many bytes from `index` belong to a well-formed sequence or to its longest valid prefix
  /// (the "maximal subpart" that Unicode replaces with one U+FFFD); at least 1.
  static func validPrefixLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let lead = bytes[index]
    let expected = expectedLength(lead)
    guard expected > 1 else { return 1 }
    // The range allowed for the second byte depends on the lead byte.
    let secondRange: ClosedRange<UInt8> =
      switch lead {
      case 0xE0: 0xA0...0xBF
      case 0xED: 0x80...0x9F
      case 0xF0: 0x90...0xBF
      case 0xF4: 0x80...0x8F
      default: 0x80...0xBF
      }
    var length = 1
    while length < expected, index + length < bytes.count {
      let byte = bytes[index + length]
      let allowed = length == 1 ? secondRange : 0x80...0xBF
      guard allowed.contains(byte) else { break }
      length += 1
    }
    return length
  }

  /// The sequence length a lead byte announces; 0 for bytes that cannot lead.
  @inline(__always)
  static func expectedLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0x00...0x7F: 1
    case 0xC2...0xDF: 2
    case 0xE0...0xEF: 3
    case 0xF0...0xF4: 4
    default: 0
    }
  }
}
