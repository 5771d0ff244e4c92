extension OutputBuffer {
  /// Appends `text` as the contents of a JSON string (without the quotes): quotes, backslashes
  /// and control characters escaped, each maximal invalid UTF-8 subpart replaced by U+FFFD.
  ///
  /// - Complexity: O(n); runs of plain ASCII and valid UTF-8 are copied in one piece.
  public mutating func append(jsonEscaped text: UnsafeBufferPointer<UInt8>) {
    appendRepairing(text) { buffer, byte in
      switch byte {
      case UInt8(ascii: "\""): buffer.append("\\\"")
      case UInt8(ascii: "\\"): buffer.append("\\\\")
      case UInt8(ascii: "\n"): buffer.append("\\n")
      case UInt8(ascii: "\r"): buffer.append("\\r")
      case UInt8(ascii: "\t"): buffer.append("\\t")
      default: buffer.appendUnicodeEscape(byte)
      }
    }
  }

  /// Appends `text` for a tab-separated field: tab, newline, carriage return and backslash as
  /// `\t`, `\n`, `\r`, `\\`, other control characters as `\u00XX`, invalid UTF-8 as U+FFFD.
  public mutating func append(tsvEscaped text: UnsafeBufferPointer<UInt8>) {
    appendRepairing(text) { buffer, byte in
      switch byte {
      case UInt8(ascii: "\""): buffer.append(byte)
      case UInt8(ascii: "\\"): buffer.append("\\\\")
      case UInt8(ascii: "\n"): buffer.append("\\n")
      case UInt8(ascii: "\r"): buffer.append("\\r")
      case UInt8(ascii: "\t"): buffer.append("\\t")
      default: buffer.appendUnicodeEscape(byte)
      }
    }
  }

  /// Appends `text` for reading on a terminal: each whitespace character as a space, other
  /// control characters (which could drive the terminal) and invalid UTF-8 as U+FFFD.
  public mutating func append(displayable text: UnsafeBufferPointer<UInt8>) {
    appendRepairing(text) { buffer, byte in
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        buffer.append(byte)
      } else if TextBytes.isSpace(byte) {
        buffer.append(UInt8(ascii: " "))
      } else {
        buffer.appendReplacementCharacter()
      }
    }
  }

  /// Copies valid UTF-8 through, replaces each maximal invalid subpart with U+FFFD, and hands
  /// ASCII control characters, DEL, `"` and `\` to `special`.
  private mutating func appendRepairing(
    _ text: UnsafeBufferPointer<UInt8>, special: (inout OutputBuffer, UInt8) -> Void
  ) {
    var index = 0
    var runStart = 0
    let count = text.count
    while index < count {
      let byte = text[index]
      if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
        index += 1
        continue
      }
      var invalidLength = 0
      if byte >= 0x80 {
        if UTF8Validation.sequenceLength(at: index, in: text) > 0 {
          index += UTF8Validation.expectedLength(byte)
          continue
        }
        invalidLength = UTF8Validation.validPrefixLength(at: index, in: text)
      }
      if runStart < index { append(UnsafeBufferPointer(rebasing: text[runStart..<index])) }
      if invalidLength > 0 {
        appendReplacementCharacter()
        index += invalidLength
      } else {
        special(&self, byte)
        index += 1
      }
      runStart = index
    }
    if runStart < count { append(UnsafeBufferPointer(rebasing: text[runStart..<count])) }
  }

  /// Appends U+FFFD REPLACEMENT CHARACTER.
  mutating func appendReplacementCharacter() {
    append(0xEF)
    append(0xBF)
    append(0xBD)
  }

  /// Appends `\u00XX` for a byte below 0x80.
  mutating func appendUnicodeEscape(_ byte: UInt8) {
    func hexDigit(_ value: UInt8) -> UInt8 {
      value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
    append("\\u00")
    append(hexDigit(byte >> 4))
    append(hexDigit(byte & 0x0F))
  }
}
