import Testing

@testable import ClassifierCore

@Suite struct SegmentationCutTests {
  /// Segments `input` in every chunk size, checks the invariants and that every chunk size gives
  /// the same result, and returns it.
  private static func segmentEverywhere(
    _ input: [UInt8], mode: SegmentationMode, limit: Int = 1024,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> SegmentationResult {
    let whole = SegmentationHarness.segment(input, mode: mode, maximumSegmentBytes: limit)
    SegmentationInvariants.check(whole.segments, of: input, sourceLocation: sourceLocation)
    for chunkSize in SegmentationHarness.chunkSizes.dropLast() {
      let chunked = SegmentationHarness.segment(
        input, mode: mode, chunkSize: chunkSize, maximumSegmentBytes: limit)
      #expect(chunked == whole, "chunk size \(chunkSize)", sourceLocation: sourceLocation)
    }
    for segment in whole.segments {
      #expect(segment.bytes.count <= limit, "\(segment)", sourceLocation: sourceLocation)
    }
    return whole
  }

  @Test(
    "a long paragraph is cut at its last whitespace before the limit",
    arguments: SegmentationMode.allCases)
  func cutAtWhitespace(mode: SegmentationMode) {
    // 300 ten-byte words: the spaces are at 9, 19, 29 ...
    let input = Array(String(repeating: "abcdefghi ", count: 300).utf8)
    let result = Self.segmentEverywhere(input, mode: mode)
    #expect(result.segments.map(\.start) == [0, 1020, 2040])
    #expect(result.segments.map(\.bytes.count) == [1019, 1019, 959])
    #expect(result.cutCount == 2)
  }

  @Test("a paragraph without whitespace is cut at the limit", arguments: SegmentationMode.allCases)
  func cutWithoutWhitespace(mode: SegmentationMode) {
    let input = [UInt8](repeating: UInt8(ascii: "x"), count: 3000)
    let result = Self.segmentEverywhere(input, mode: mode)
    #expect(result.segments.map(\.start) == [0, 1024, 2048])
    #expect(result.segments.map(\.bytes.count) == [1024, 1024, 952])
    #expect(result.cutCount == 2)
  }

  @Test(
    "whitespace in the first half only does not move the cut", arguments: SegmentationMode.allCases)
  func whitespaceInFirstHalf(mode: SegmentationMode) {
    let input = Array(
      (String(repeating: "x", count: 400) + " " + String(repeating: "y", count: 2000)).utf8)
    let result = Self.segmentEverywhere(input, mode: mode)
    #expect(result.segments.map(\.start) == [0, 1024, 2048])
    #expect(result.segments.map(\.end) == [1024, 2048, 2401])
    #expect(result.cutCount == 2)
  }

  @Test(
    "a cut without whitespace never splits a multi-byte character",
    arguments: ["\u{E9}", "\u{20AC}", "\u{1F600}"], 0..<4)
  func characterBoundary(character: String, prefix: Int) {
    let input = Array(
      (String(repeating: "a", count: prefix) + String(repeating: character, count: 1500)).utf8)
    for mode in SegmentationMode.allCases {
      let result = Self.segmentEverywhere(input, mode: mode)
      #expect(result.cutCount == result.segments.count - 1)
      #expect(result.segments.count > 1)
      for segment in result.segments {
        #expect(String(validating: segment.bytes, as: UTF8.self) != nil, "\(segment)")
      }
      for segment in result.segments.dropLast() {
        #expect(segment.bytes.count > 1024 - character.utf8.count, "\(segment)")
      }
    }
  }

  @Test("a truncated sequence at the limit stays in one piece")
  func truncatedSequenceAtLimit() {
    let input =
      [UInt8](repeating: 0x78, count: 1022) + [0xE2, 0x82] + [UInt8](repeating: 0x79, count: 100)
    let result = Self.segmentEverywhere(input, mode: .none)
    #expect(result.segments.map(\.start) == [0, 1022])
    #expect(result.cutCount == 1)
  }

  @Test(
    "text of exactly the limit is not cut, whatever whitespace surrounds it",
    arguments: SegmentationMode.allCases)
  func exactlyTheLimit(mode: SegmentationMode) {
    let text = String(repeating: "word ", count: 204) + "abcd"  // 1024 bytes
    #expect(text.utf8.count == 1024)
    var inputs = [text, "  \n\n \t" + text + "\n\n  \n"]
    if mode != .none { inputs.append(text + "\r\n\r\n" + text + "\n") }
    for input in inputs {
      let result = Self.segmentEverywhere(Array(input.utf8), mode: mode)
      #expect(result.cutCount == 0, "\(input.utf8.count) bytes")
      if mode != .sentence {
        #expect(result.texts.allSatisfy { $0 == text })
      }
    }
    let longer = Array((text + "e").utf8)
    let result = Self.segmentEverywhere(longer, mode: mode)
    #expect(result.cutCount == 1)
    #expect(result.segments.map(\.start) == [0, 1020])
  }

  @Test(
    "a long line among short ones is cut, and the others are not",
    arguments: [SegmentationMode.line, .paragraph, .sentence])
  func longLineAmongShortOnes(mode: SegmentationMode) {
    let long = String(repeating: "Lorem ipsum dolor ", count: 100)  // 1800 bytes
    let input = Array(("Short one\n" + long + "\nShort two\n").utf8)
    let result = Self.segmentEverywhere(input, mode: mode)
    #expect(result.cutCount == 1)
    #expect(result.texts.first == "Short one")
    #expect(result.texts.last == "Short two")
    #expect(result.segments.count == 4)
  }

  @Test("a long blank-line paragraph is cut and the paragraphs after it are intact")
  func longParagraphThenMore() {
    let long = String(repeating: "The council met again.\nNobody came. ", count: 60)
    let input = Array(("Opening paragraph.\n\n" + long + "\n\nClosing one.\nStill closing.\n").utf8)
    let paragraphs = Self.segmentEverywhere(input, mode: .paragraph)
    #expect(paragraphs.cutCount == 2)
    #expect(paragraphs.texts.first == "Opening paragraph.")
    #expect(paragraphs.texts.last == "Closing one.\nStill closing.")
    let sentences = Self.segmentEverywhere(input, mode: .sentence)
    #expect(sentences.cutCount == 2)
    #expect(sentences.texts.suffix(2) == ["Closing one.", "Still closing."])
  }

  @Test("cutCount adds up across documents")
  func cutCountAcrossDocuments() {
    var segmenter = StreamingSegmenter(mode: .none, maximumSegmentBytes: 1024)
    let input = [UInt8](repeating: UInt8(ascii: "z"), count: 2500)
    for (index, chunk) in [1, 4096, 333].enumerated() {
      segmenter.startDocument()
      let segments = SegmentationHarness.feed(input, to: &segmenter, chunkSizes: [chunk])
      #expect(segments.map(\.start) == [0, 1024, 2048])
      let cutCount = segmenter.cutCount
      #expect(cutCount == 2 * (index + 1))
    }
  }

  @Test("the limit must be at least 1 KiB")
  func minimumLimit() async {
    await #expect(processExitsWith: .failure) {
      _ = StreamingSegmenter(mode: .sentence, maximumSegmentBytes: 1023)
    }
  }
}
