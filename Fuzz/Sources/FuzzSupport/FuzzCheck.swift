import Glibc

/// Stops the fuzz target with a message when an invariant does not hold.
///
/// libFuzzer sees the trap as a crash and saves the input that caused it; the message, printed
/// first, says which invariant failed.
///
/// - Parameters:
///   - condition: the invariant.
///   - message: what went wrong, built only when the invariant fails.
public func fuzzCheck(
  _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID,
  line: UInt = #line
) {
  if !condition { fuzzFail(message(), file: file, line: line) }
}

/// Stops the fuzz target with a message: an invariant does not hold.
///
/// In loops that run per byte, `if !invariant { fuzzFail(...) }` costs nothing until it fails;
/// `fuzzCheck`'s closure can cost a heap allocation per call in a debug build.
public func fuzzFail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
  fatalError("fuzz invariant violated: \(message)", file: file, line: line)
}

/// Byte tests and descriptions the fuzz targets share.
public enum FuzzBytes {
  /// ASCII whitespace as the segmenter knows it: space, tab, line feed, vertical tab, form feed
  /// and carriage return.
  public static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// The UTF-8 byte order mark, which the segmenter skips like whitespace at the start of a
  /// document.
  public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Up to `limit` bytes in hex, for failure messages.
  public static func hex<Bytes: Collection<UInt8>>(_ bytes: Bytes, limit: Int = 64) -> String {
    let digits = Array("0123456789abcdef")
    var text = ""
    for byte in bytes.prefix(limit) {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    if bytes.count > limit { text += "... (\(bytes.count) bytes)" }
    return text
  }

  /// Whether two buffers hold the same bytes.
  public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool
  {
    a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
  }

  /// Whether `bytes` are well-formed UTF-8.
  public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    String(validating: bytes, as: UTF8.self) != nil
  }
}
