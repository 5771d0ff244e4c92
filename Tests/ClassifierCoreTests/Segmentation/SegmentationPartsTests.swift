import Testing

@testable import ClassifierCore

/// The pieces the segmenter is built from: packed words, the abbreviation lists, quotation spans
/// and the sentence splitter on its own.
@Suite struct SegmentationPartsTests {
  @Test("packed words fold ASCII case and hold up to 16 bytes")
  func packedWords() {
    #expect(PackedWord("Mr".utf8) == PackedWord("mR".utf8))
    #expect(PackedWord("mr".utf8) != PackedWord("ms".utf8))
    #expect(PackedWord("abcdefgh".utf8) != PackedWord("abcdefghi".utf8))
    #expect(PackedWord("abcdefghijklmnop".utf8) != nil)
    #expect(PackedWord("abcdefghijklmnopq".utf8) == nil)
    #expect(PackedWord("".utf8) != PackedWord("a".utf8))
    // Only ASCII letters fold: `@` (0x40) and a backquote (0x60) stay apart.
    #expect(PackedWord("@".utf8) != PackedWord("`".utf8))
    #expect(PackedWord("it's".utf8) == PackedWord("IT'S".utf8))
  }

  @Test(
    "abbreviation lists",
    arguments: [
      ("Mr", Abbreviations.titles, true), ("DR", Abbreviations.titles, true),
      ("st", Abbreviations.titles, true), ("the", Abbreviations.titles, false),
      ("No", Abbreviations.beforeNumbers, true), ("p", Abbreviations.beforeNumbers, true),
      ("Co", Abbreviations.ambiguous, true), ("Jr", Abbreviations.ambiguous, true),
      ("etc", Abbreviations.ambiguous, true), ("mr", Abbreviations.ambiguous, false),
      ("The", Abbreviations.sentenceOpeners, true), ("police", Abbreviations.sentenceOpeners, true),
      ("Prices", Abbreviations.sentenceOpeners, false),
    ])
  func abbreviations(word: String, list: Set<PackedWord>, member: Bool) {
    #expect(list.contains(PackedWord(word.utf8)!) == member)
  }

  private static func regions(_ text: String) -> [Range<Int>] {
    var quotes = QuoteRegions()
    Array(text.utf8).withUnsafeBufferPointer { quotes.find(in: $0) }
    return quotes.regions
  }

  @Test(
    "quotation spans",
    arguments: [
      ("say \"yes\" now", [4..<9]),
      ("\u{201C}Yes.\u{201D} No", [0..<10]),
      ("open \u{201C}and never closed", [5..<24]),
      ("a \u{201D}right quote opening", [2..<24]),
      ("\u{201E}low\u{201C} and \u{00AB}guillemets\u{00BB}", [0..<9, 14..<28]),
      ("it's the officers' car", []),
      ("he said 'no' twice", [8..<12]),
      ("the '90s and the '80s", []),
      ("the \u{2018}90s and \u{2018}a quote\u{2019}", [15..<28]),
      ("\u{201C}a \u{2018}b\u{2019} c\u{201D}", [0..<17]),
      ("'a \"b' c\" d", [0..<9]),
      ("\u{201E}Ja\u{201D} und \u{201E}nein", [0..<8, 13..<20]),
    ] as [(String, [Range<Int>])])
  func quotationSpans(text: String, expected: [Range<Int>]) {
    #expect(Self.regions(text) == expected)
  }

  @Test("a truncated sequence before a quote does not hide the quote")
  func truncatedSequenceBeforeQuote() {
    var quotes = QuoteRegions()
    let text: [UInt8] = [0xE2, 0x80, 0x22, 0x61, 0x2E, 0x20, 0x42, 0x22]  // E2 80 "a. B"
    text.withUnsafeBufferPointer { quotes.find(in: $0) }
    #expect(quotes.regions == [2..<8])
    #expect(quotes.contains(5))
    #expect(!quotes.contains(2))
    #expect(!quotes.contains(8))
  }

  @Test("contains is strict and agrees with the spans")
  func containsIsStrict() {
    var quotes = QuoteRegions()
    let text = Array("x \"ab\" y 'cd' z \u{201C}ef".utf8)
    text.withUnsafeBufferPointer { quotes.find(in: $0) }
    for offset in 0...text.count {
      let inside = quotes.regions.contains { $0.lowerBound < offset && offset < $0.upperBound }
      #expect(quotes.contains(offset) == inside, "offset \(offset)")
    }
    #expect(quotes.regions.count == 3)
  }

  @Test("the splitter reports sentence starts in order, never at 0")
  func splitterStarts() {
    var splitter = SentenceSplitter()
    var starts: [Int] = [99]
    let text = Array("One. Two! Three?\n- four\n".utf8)
    text.withUnsafeBufferPointer { splitter.split($0, into: &starts) }
    #expect(starts == [99, 5, 10, 17])
  }

  @Test("a long paragraph full of quotations is split in reasonable time", .timeLimit(.minutes(1)))
  func manyQuotations() {
    let paragraph = String(repeating: "He said \"Yes.\" Then \u{2018}no\u{2019}. ", count: 30_000)
    let input = Array(paragraph.utf8)
    let result = SegmentationHarness.segment(input, mode: .sentence, maximumSegmentBytes: 1 << 20)
    #expect(result.segments.count == 60_000)
    SegmentationInvariants.check(result.segments, of: input)
  }
}
