import Testing

@testable import ClassifierCore

/// A document, a mode and the segments expected, as (start offset, text) pairs.
struct SegmentationModeCase: Sendable, CustomTestStringConvertible {
  var label: String
  var mode: SegmentationMode
  var input: String
  var segments: [(Int, String)]

  init(_ label: String, _ mode: SegmentationMode, _ input: String, _ segments: [(Int, String)]) {
    self.label = label
    self.mode = mode
    self.input = input
    self.segments = segments
  }

  var testDescription: String { "\(mode): \(label)" }
}

@Suite struct SegmentationModeTests {
  @Test("the modes, with sentences as the default")
  func modes() {
    #expect(SegmentationMode.allCases == [.sentence, .paragraph, .line, .none])
    #expect(SegmentationMode.allCases.map(\.rawValue) == ["sentence", "paragraph", "line", "none"])
    #expect(SegmentationMode(rawValue: "paragraph") == .paragraph)
    #expect(SegmentationMode(rawValue: "Sentence") == nil)
    #expect(ClassificationRun.Options().mode == .sentence)
  }

  static let cases: [SegmentationModeCase] = [
    SegmentationModeCase(
      "whole document", .none, "  First paragraph. Two.\n\nSecond one.\nThird line.\n",
      [(2, "First paragraph. Two.\n\nSecond one.\nThird line.")]),
    SegmentationModeCase("whole document of one word", .none, "word", [(0, "word")]),
    SegmentationModeCase(
      "lines", .line, "One. Two.\nThree\n\n  Four  \nFive",
      [(0, "One. Two."), (10, "Three"), (19, "Four"), (26, "Five")]),
    SegmentationModeCase(
      "lines with CRLF", .line, "One\r\nTwo\r\n\r\nThree\r\n",
      [(0, "One"), (5, "Two"), (12, "Three")]),
    SegmentationModeCase(
      "paragraphs separated by blank lines", .paragraph,
      "First line\nof the first. Still first.\n\nSecond paragraph.\n\n\n\nThird.\n",
      [
        (0, "First line\nof the first. Still first."), (39, "Second paragraph."),
        (60, "Third."),
      ]),
    SegmentationModeCase(
      "paragraphs separated by lines of blanks", .paragraph, "One\ntwo\n \t \nThree\nfour",
      [(0, "One\ntwo"), (12, "Three\nfour")]),
    SegmentationModeCase(
      "paragraphs with CRLF", .paragraph, "One\r\ntwo\r\n\r\nThree\r\n",
      [(0, "One\r\ntwo"), (12, "Three")]),
    SegmentationModeCase(
      "paragraphs are lines when there is no blank line", .paragraph, "One. Two.\nThree\n  Four\n",
      [(0, "One. Two."), (10, "Three"), (18, "Four")]),
    SegmentationModeCase(
      "blank lines before the first text do not count", .paragraph, "\n\n\nOne\nTwo\n",
      [(3, "One"), (7, "Two")]),
    SegmentationModeCase(
      "blank lines after the last text do not count", .paragraph, "One\nTwo\n\n\n \n",
      [(0, "One"), (4, "Two")]),
    SegmentationModeCase(
      "sentences within blank-line paragraphs", .sentence, "One. Two\nthree.\n\nFour. Five.",
      [(0, "One."), (5, "Two\nthree."), (17, "Four."), (23, "Five.")]),
    SegmentationModeCase(
      "sentences within lines", .sentence, "One. Two\nThree.\nFour. Five.",
      [(0, "One."), (5, "Two"), (9, "Three."), (16, "Four."), (22, "Five.")]),
    SegmentationModeCase(
      "a line that starts in lowercase continues a hard-wrapped sentence", .sentence,
      "One. Two\nthree.\nFour. Five.",
      [(0, "One."), (5, "Two\nthree."), (16, "Four."), (22, "Five.")]),
    SegmentationModeCase(
      "a quotation does not run on into the next paragraph", .sentence,
      "She said: \u{201C}We go on. We stay.\n\n\u{201C}We never stop. Ever.\u{201D} Then she left.",
      [
        (0, "She said: \u{201C}We go on. We stay."), (33, "\u{201C}We never stop. Ever.\u{201D}"),
        (60, "Then she left."),
      ]),
    SegmentationModeCase("empty document", .sentence, "", []),
    SegmentationModeCase("whitespace only", .sentence, " \n\t\r\n \n", []),
    SegmentationModeCase("whitespace only, whole", .none, " \n\t\r\n \n", []),
    SegmentationModeCase("whitespace only, lines", .line, " \n\t\r\n \n", []),
    SegmentationModeCase(
      "NUL bytes and control characters are text", .line, "a\u{0}b\n\u{0}\n\u{7F}",
      [(0, "a\u{0}b"), (4, "\u{0}"), (6, "\u{7F}")]),
    SegmentationModeCase(
      "non-ASCII whitespace is text", .sentence, "\u{00A0}Hello.\u{2003}World.",
      [(0, "\u{00A0}Hello.\u{2003}World.")]),
  ]

  @Test("segments, offsets and trimming", arguments: cases)
  func segments(_ example: SegmentationModeCase) {
    let input = Array(example.input.utf8)
    for chunkSize in SegmentationHarness.chunkSizes {
      let result = SegmentationHarness.segment(input, mode: example.mode, chunkSize: chunkSize)
      #expect(result.segments.map(\.start) == example.segments.map(\.0), "chunk size \(chunkSize)")
      #expect(result.texts == example.segments.map(\.1), "chunk size \(chunkSize)")
      #expect(result.cutCount == 0)
      SegmentationInvariants.check(result.segments, of: input)
    }
  }

  @Test("invalid UTF-8 is kept byte for byte", arguments: SegmentationMode.allCases)
  func invalidUTF8(mode: SegmentationMode) {
    let input: [UInt8] = [
      0xFF, 0x41, 0x2E, 0x20, 0xC3, 0x0A, 0xE2, 0x80, 0x0A, 0x0A, 0xF0, 0x9F, 0x98,
    ]
    for chunkSize in SegmentationHarness.chunkSizes {
      let result = SegmentationHarness.segment(input, mode: mode, chunkSize: chunkSize)
      SegmentationInvariants.check(result.segments, of: input)
      let text = result.segments.flatMap(\.bytes).filter { !SegmentationInvariants.isSpace($0) }
      #expect(text == input.filter { !SegmentationInvariants.isSpace($0) })
    }
  }

  /// A document of single lines, then a blank line, then more single lines, where the text after
  /// the first blank line starts at `offset`.
  private static func styleDocument(secondTextAt offset: Int) -> [UInt8] {
    var text: [UInt8] = []
    var line = 0
    while text.count < offset - 2 {
      let words = Array("Line \(line) of the opening part.\n".utf8)
      text += words.prefix(offset - 2 - text.count)
      line += 1
    }
    if text.last == 0x0A { text[text.count - 1] = 0x78 }
    text += Array("\n\nAfter the blank line.\nAnd another line.\n".utf8)
    precondition(text[offset] == UInt8(ascii: "A"))
    return text
  }

  @Test(
    "the paragraph style is decided by a blank line within the first 64 KiB or segment limit",
    arguments: [
      (100, 1024, true), (1023, 1024, true), (1024, 1024, false), (3000, 1024, false),
      (3000, 4096, true), (65535, 1 << 20, true), (65536, 1 << 20, false),
    ])
  func styleLookahead(secondTextAt offset: Int, limit: Int, byBlankLines: Bool) {
    let input = Self.styleDocument(secondTextAt: offset)
    var results: [SegmentationResult] = []
    for chunkSize in [7, 4096, Int.max] {
      let result = SegmentationHarness.segment(
        input, mode: .paragraph, chunkSize: chunkSize, maximumSegmentBytes: limit)
      SegmentationInvariants.check(result.segments, of: input)
      results.append(result)
    }
    #expect(results.allSatisfy { $0 == results[0] })
    let texts = results[0].texts
    if byBlankLines {
      #expect(texts.last == "After the blank line.\nAnd another line.")
    } else {
      #expect(texts.suffix(2) == ["After the blank line.", "And another line."])
    }
  }

  @Test("startDocument resets offsets and the paragraph style and keeps cutCount")
  func startDocument() {
    var segmenter = StreamingSegmenter(mode: .paragraph, maximumSegmentBytes: 1024)
    let first = Array(("Alpha beta.\n\n" + String(repeating: "x", count: 1500)).utf8)
    let firstSegments = SegmentationHarness.feed(first, to: &segmenter, chunkSizes: [100])
    #expect(firstSegments.map(\.start) == [0, 13, 13 + 1024])
    var cutCount = segmenter.cutCount
    var finished = segmenter.isFinished
    #expect(cutCount == 1)
    #expect(finished)

    segmenter.startDocument()
    finished = segmenter.isFinished
    #expect(!finished)
    let second = Array("  One\nTwo\n".utf8)
    let secondSegments = SegmentationHarness.feed(second, to: &segmenter, chunkSizes: [3])
    #expect(secondSegments.map(\.start) == [2, 6])
    #expect(secondSegments.map(\.text) == ["One", "Two"])
    cutCount = segmenter.cutCount
    #expect(cutCount == 1)

    segmenter.startDocument()
    let third = SegmentationHarness.feed([], to: &segmenter, chunkSizes: [1])
    finished = segmenter.isFinished
    #expect(third.isEmpty)
    #expect(finished)
  }

  @Test("startDocument after an unfinished document forgets the rest of it")
  func startDocumentMidway() {
    var segmenter = StreamingSegmenter(mode: .line, maximumSegmentBytes: 1024)
    let space = segmenter.reserveInput()
    let partial = Array("first line\nunfinished".utf8)
    for (offset, byte) in partial.enumerated() { space[offset] = byte }
    segmenter.commitInput(partial.count)
    let firstLine = segmenter.nextSegment().map { Array($0.bytes) }
    let noMore = segmenter.nextSegment() == nil
    #expect(firstLine == Array("first line".utf8))
    #expect(noMore)
    segmenter.startDocument()
    let segments = SegmentationHarness.feed(Array("next\n".utf8), to: &segmenter, chunkSizes: [64])
    #expect(segments == [CopiedSegment(start: 0, end: 4, bytes: Array("next".utf8))])
  }
}
