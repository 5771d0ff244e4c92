import Foundation
import Testing
import Workloads

@testable import ClassifierCore

@Suite struct OutputBufferTests {
  private static func escaped(
    _ bytes: [UInt8], _ append: (inout OutputBuffer, UnsafeBufferPointer<UInt8>) -> Void
  ) -> [UInt8] {
    var buffer = OutputBuffer()
    bytes.withUnsafeBufferPointer { append(&buffer, $0) }
    return buffer.bytes
  }

  @Test(
    "numbers print as integers when whole, else with up to six decimals",
    arguments: [
      (0.0, "0"), (-0.0, "0"), (3.0, "3"), (4.5, "4.5"), (-2.0, "-2"), (0.1 + 0.2, "0.3"),
      (1.0 / 3, "0.333333"), (-0.25, "-0.25"), (1_234_567.0, "1234567"), (2.0000001, "2"),
    ] as [(Double, String)])
  func numbers(value: Double, expected: String) {
    var buffer = OutputBuffer()
    buffer.append(number: value)
    #expect(String(decoding: buffer.bytes, as: UTF8.self) == expected)
  }

  @Test("integers print in decimal", arguments: [0, 7, -7, 10, 1_048_576, Int.min + 1])
  func integers(value: Int) {
    var buffer = OutputBuffer()
    buffer.append(integer: value)
    #expect(String(decoding: buffer.bytes, as: UTF8.self) == String(value))
  }

  /// Random bytes, heavy on the edges of UTF-8, through the JSON escaper: the result must parse as
  /// a JSON string and equal Swift's own repair of the bytes (one U+FFFD per maximal invalid
  /// subpart).
  @Test("JSON escaping always yields valid JSON that repairs invalid UTF-8 like Swift does")
  func jsonEscapingRepairsLikeSwift() throws {
    var random = SeededGenerator(seed: 7)
    let interesting: [UInt8] = [
      0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x22, 0x5C, 0x2F, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1,
      0xC2, 0xC3,
      0xA9, 0xDF, 0xE0, 0xA0, 0xE2, 0x80, 0x9C, 0xED, 0x9F, 0xA0, 0xEF, 0xBF, 0xBD, 0xF0, 0x90,
      0x9F,
      0x98, 0x80, 0xF4, 0x8F, 0x90, 0xF5, 0xFF,
    ]
    for _ in 0..<3000 {
      let bytes = (0..<Int.random(in: 0...24, using: &random)).map { _ in
        Bool.random(using: &random)
          ? interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
      }
      let json =
        [UInt8(ascii: "\"")] + Self.escaped(bytes) { $0.append(jsonEscaped: $1) } + [
          UInt8(ascii: "\"")
        ]
      #expect(String(validating: json, as: UTF8.self) != nil)
      let decoded =
        try JSONSerialization.jsonObject(with: Data(json), options: .fragmentsAllowed) as? String
      #expect(decoded == String(decoding: bytes, as: UTF8.self), "bytes \(bytes)")
    }
  }

  @Test("TSV escaping keeps each record on one line and its fields apart")
  func tsvEscaping() {
    let text = Array("a\tb\nc\\d\r\u{0}\"é".utf8) + [0xFF]
    let escaped = String(decoding: Self.escaped(text) { $0.append(tsvEscaped: $1) }, as: UTF8.self)
    #expect(escaped == "a\\tb\\nc\\\\d\\r\\u0000\"é\u{FFFD}")
  }

  @Test(
    "display text turns whitespace into spaces and shows terminal controls as escapes",
    arguments: [
      (Array("a\tb\n\u{1B}[31mc\"\\".utf8) + [0xC3], "a b \\u{1B}[31mc\"\\\u{FFFD}"),
      (Array("\u{0}\u{7F}\u{9B}2J".utf8), "\\u{0}\\u{7F}\\u{9B}2J"),
      (
        Array("abc\u{202E}fed\u{2066}x\u{2069} é\u{A0}€".utf8),
        "abc\\u{202E}fed\\u{2066}x\\u{2069} é\u{A0}€"
      ),
    ])
  func displayable(text: [UInt8], shown: String) {
    #expect(
      String(decoding: Self.escaped(text) { $0.append(displayable: $1) }, as: UTF8.self) == shown)
  }

  @Test("each escaping counts the invalid UTF-8 sequences it replaced")
  func replacedCount() {
    // An invalid lead byte, a truncated sequence, a surrogate (3 maximal subparts) and a lone
    // continuation byte: 6 replacements.
    let text: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x82, 0x63, 0xED, 0xA0, 0x80, 0x80]
    var buffer = OutputBuffer()
    text.withUnsafeBufferPointer { text in
      #expect(buffer.append(jsonEscaped: text) == 6)
      #expect(buffer.append(tsvEscaped: text) == 6)
      #expect(buffer.append(displayable: text) == 6)
      #expect(buffer.append(jsonEscaped: UnsafeBufferPointer(rebasing: text[0..<1])) == 0)
    }
  }
}
