extension OutputBuffer {
  /// Appends `text` as the contents of a JSON string (without the quotes): quotes, backslashes
  /// and control characters escaped, each maximal invalid UTF-8 subpart replaced by U+FFFD.
  ///
  /// - Returns: the number of invalid sequences replaced.
  /// - Complexity: O(n); runs of plain ASCII and valid UTF-8 are copied in one piece.
  @discardableResult
  public mutating func append(jsonEscaped text: UnsafeBufferPointer<UInt8>) -> Int {
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
  ///
  /// - Returns: the number of invalid sequences replaced.
  @discardableResult
  public mutating func append(tsvEscaped text: UnsafeBufferPointer<UInt8>) -> Int {
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

  /// Appends `text` for reading on a terminal, where input must never drive the terminal: each
  /// ASCII whitespace character as a space; other control characters (C0, DEL and C1, which
  /// start escape sequences) and the bidirectional overrides and isolates (which reorder what is
  /// shown) as `\u{1B}`-style escapes; invalid UTF-8 as U+FFFD.
  ///
  /// - Returns: the number of invalid sequences replaced.
  @discardableResult
  public mutating func append(displayable text: UnsafeBufferPointer<UInt8>) -> Int {
    appendRepairing(text, escapingFormatControls: true) { buffer, byte in
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        buffer.append(byte)
      } else if TextBytes.isSpace(byte) {
        buffer.append(UInt8(ascii: " "))
      } else {
        buffer.appendScalarEscape(UInt32(byte))
      }
    }
  }

  /// Copies valid UTF-8 through, replaces each maximal invalid subpart with U+FFFD, and hands
  /// ASCII control characters, DEL, `"` and `\` to `special`. With `escapingFormatControls`,
  /// C1 controls and bidirectional controls are written as `\u{...}` escapes.
  ///
  /// - Returns: the number of invalid subparts replaced.
  private mutating func appendRepairing(
    _ text: UnsafeBufferPointer<UInt8>, escapingFormatControls: Bool = false,
    special: (inout OutputBuffer, UInt8) -> Void
  ) -> Int {
    var index = 0
    var runStart = 0
    var replaced = 0
    let count = text.count
    while index < count {
      let byte = text[index]
      if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
        index += 1
        continue
      }
      var invalidLength = 0
      var control: UInt32?
      if byte >= 0x80 {
        let length = UTF8Validation.sequenceLength(at: index, in: text)
        if length > 0 {
          control = escapingFormatControls ? Self.formatControl(at: index, in: text) : nil
          if control == nil {
            index += length
            continue
          }
        } else {
          invalidLength = UTF8Validation.validPrefixLength(at: index, in: text)
        }
      }
      if runStart < index { append(UnsafeBufferPointer(rebasing: text[runStart..<index])) }
      if let control {
        appendScalarEscape(control)
        index += UTF8Validation.expectedLength(byte)
      } else if invalidLength > 0 {
        appendReplacementCharacter()
        replaced += 1
        index += invalidLength
      } else {
        special(&self, byte)
        index += 1
      }
      runStart = index
    }
    if runStart < count { append(UnsafeBufferPointer(rebasing: text[runStart..<count])) }
    return replaced
  }

  /// The scalar of the well-formed sequence at `index` when it is a C1 control (U+0080–U+009F)
  /// or a bidirectional control (U+202A–U+202E, U+2066–U+2069).
  private static func formatControl(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> UInt32? {
    switch text[index] {
    case 0xC2 where text[index + 1] <= 0x9F:
      return UInt32(text[index + 1])
    case 0xE2 where text[index + 1] == 0x80 && (0xAA...0xAE).contains(text[index + 2]):
      return 0x2000 + UInt32(text[index + 2] - 0x80)
    case 0xE2 where text[index + 1] == 0x81 && (0xA6...0xA9).contains(text[index + 2]):
      return 0x2040 + UInt32(text[index + 2] - 0x80)
    default:
      return nil
    }
  }

  /// Appends `\u{1B}`: a scalar's value in uppercase hexadecimal, as Swift writes it.
  mutating func appendScalarEscape(_ scalar: UInt32) {
    append("\\u{")
    var started = false
    for shift in stride(from: 20, through: 0, by: -4) {
      let digit = UInt8((scalar >> UInt32(shift)) & 0xF)
      guard started || digit != 0 || shift == 0 else { continue }
      started = true
      append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "A") + digit - 10)
    }
    append(UInt8(ascii: "}"))
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
