import Testing
import Workloads

@testable import ClassifierCore

/// Builds documents from a vocabulary chosen to trip a segmenter up.
private enum DocumentGenerator {
  static let words = [
    "police", "said", "the", "council", "arrested", "court", "Tuesday", "officers", "report",
    "Harwick", "a", "was", "on", "budget", "and", "It", "The", "He", "She", "they", "résumé",
    "naïve", "café", "Zürich", "€40", "日本", "😀", "don't", "officers'", "'90s", "it’s",
    "O’Neill", "judges’", "e-mail", "well-known",
  ].map { Array($0.utf8) }

  static let abbreviations = [
    "Mr.", "Mrs.", "Dr.", "St.", "Co.", "Jr.", "p.", "No.", "U.S.", "U.K.", "e.g.", "i.e.",
    "a.m.", "p.m.", "J.", "K.", "etc.", "Inc.", "Ltd.", "vs.", "Sgt.", "Gov.",
  ].map { Array($0.utf8) }

  static let numbers = [
    "3.5", "$1,200.50", "10", "3.5%", "1990", "£25m", "41.2%", "0.5", "1,000,000", "12:30",
  ].map { Array($0.utf8) }

  static let punctuation = [
    ".", ".", ".", "!", "?", "...", "\u{2026}", ",", ",", ":", ";", " \u{2014} ", "?!", ".)",
    ".\u{201D}", ".\"", ".'",
  ].map { Array($0.utf8) }

  static let quotes = [
    "\"", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "'", "\u{00AB}", "\u{00BB}", "(", ")",
    "[", "]", "\u{201E}",
  ].map { Array($0.utf8) }

  static let addresses = [
    "press@example.org", "https://example.com/a.b?c=d", "www.example.net", "x.y@z.co.uk",
  ].map { Array($0.utf8) }

  static let separators = [
    " ", " ", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\n\t\n",
    "\n\n\n", " \r\n", "\u{0B}", "\u{0C}",
  ].map { Array($0.utf8) }

  static let listStarts = [
    "\n1. ", "\n2) ", "\na. ", "\nb) ", "\n\u{2022} ", "\n- ", "\n* ", "\n(3) ", "\n  - ",
    "\n\u{2013} ",
  ].map { Array($0.utf8) }

  static let oddBytes: [[UInt8]] = [
    [0x00], [0xFF], [0xC3], [0xE2, 0x80], [0xE2], [0xF0, 0x9F, 0x98], [0x80], [0xC3, 0x0A],
    [0xE2, 0x80, 0x22], [0xED, 0xA0, 0x80], [0x00, 0x00],
  ]

  /// A document of roughly `size` bytes.
  static func document(size: Int, random: inout SeededGenerator) -> [UInt8] {
    var bytes: [UInt8] = []
    while bytes.count < size {
      let roll = random.below(100)
      switch roll {
      case 0..<45: bytes += random.pick(words)
      case 45..<52: bytes += random.pick(abbreviations)
      case 52..<58: bytes += random.pick(numbers)
      case 58..<68: bytes += random.pick(punctuation)
      case 68..<76: bytes += random.pick(quotes)
      case 76..<78: bytes += random.pick(addresses)
      case 78..<88: bytes += random.pick(separators)
      case 88..<92: bytes += random.pick(listStarts)
      case 92..<96: bytes += random.pick(oddBytes)
      case 96..<98:
        // A very long line: words without a newline, or a run without any whitespace.
        let length = 200 + random.below(2500)
        if random.chance(50) {
          while bytes.count < size + length {
            bytes += random.pick(words)
            bytes.append(0x20)
          }
        } else {
          bytes += (0..<length).map { _ in UInt8(ascii: "a") + UInt8(random.below(26)) }
        }
      default:
        bytes += [UInt8](repeating: random.pick([0x20, 0x0A, 0x09]), count: 1 + random.below(1500))
      }
      if roll < 58 && random.chance(85) { bytes.append(0x20) }
    }
    return bytes
  }
}

/// Invented news paragraphs, each with the sentences the segmenter must find in it.
extension String {
  /// The string without leading and trailing ASCII whitespace.
  fileprivate func trimmingASCIIWhitespace() -> String {
    let bytes = Array(utf8)
    let start = bytes.firstIndex { !SegmentationInvariants.isSpace($0) } ?? bytes.count
    let end = bytes.lastIndex { !SegmentationInvariants.isSpace($0) }.map { $0 + 1 } ?? start
    return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
  }
}

enum SegmentationNews {
  struct Paragraph {
    var sentences: [String]
    /// What joins the sentences: a space, or a newline for list paragraphs.
    var joiner: String

    init(_ sentences: [String], joiner: String = " ") {
      self.sentences = sentences
      self.joiner = joiner
    }

    var text: String { sentences.joined(separator: joiner) }
  }

  static let paragraphs: [Paragraph] = [
    Paragraph([
      "Police in Harwick have arrested three men after a series of burglaries on Elm Street.",
      "Officers said the arrests followed a two-week investigation.",
      "The men, aged 24, 31 and 45, were held on suspicion of conspiracy to burgle.",
    ]),
    Paragraph([
      "Det. Insp. Sarah Quinn said: \u{201C}We know how distressing these crimes are for residents. We are grateful to everyone who came forward.\u{201D}",
      "She urged anyone with information to call 101.",
    ]),
    Paragraph([
      "The council\u{2019}s budget for 2025 rises by 3.5% to $1,200.50 per household, according to figures published on p. 12 of the report.",
      "Mr. Patel, who chairs the finance committee, said the increase was \u{201C}unavoidable\u{201D}.",
      "Opposition members disagreed.",
    ]),
    Paragraph([
      "\u{201C}The people of this town deserve better. They have waited long enough for a decision on the bypass. Every month of delay costs them money."
    ]),
    Paragraph([
      "\u{201C}We will keep pressing for answers,\u{201D} she added.",
      "\u{201C}Nobody should have to live like this.\u{201D}",
    ]),
    Paragraph([
      "The U.S. embassy in London issued a statement on Friday.",
      "It was signed by J. R. Ellison, the deputy ambassador.",
      "A copy was sent to No. 10 Downing Street at 9 a.m. on Saturday.",
    ]),
    Paragraph(
      [
        "The review made four recommendations:",
        "1. Faster responses to emergency calls.",
        "2. More officers on foot patrol.",
        "3. Better lighting in the town centre.",
        "4. A new community forum.",
      ], joiner: "\n"),
    Paragraph(
      [
        "Residents raised several concerns:",
        "\u{2022} parking on the high street",
        "\u{2022} noise from the late-night bars",
        "- litter in the park",
      ], joiner: "\n"),
    Paragraph([
      "Asked whether he would resign, the mayor said he was \u{201C}considering\u{2026} all options\u{201D}.",
      "Details are at https://harwick.example.gov/budget.2025?x=1.",
      "Questions can be sent to budget@harwick.example.gov.",
      "The deadline is 30 June.",
    ]),
    Paragraph([
      "Ms. O\u{2019}Neill said the officers\u{2019} union had not been consulted.",
      "It\u{2019}s the third dispute since the \u{2019}90s.",
      "The '80s were different, the judges' panel said.",
      "Talks resume on Monday.",
    ]),
    Paragraph([
      "The contract went to Brandt & Sons Ltd.",
      "The firm declined to comment.",
      "Its founder, Carl Brandt Jr. was not available.",
    ]),
    Paragraph([
      "Turnout was 41.2%, down from 47.9% in 2019.",
      "About 1,250 votes separated the two candidates.",
      "A recount is expected on Thursday!",
      "Will it change anything?",
    ]),
    Paragraph([
      "(The hearing was adjourned.)",
      "Judge Amelia Hart said the case would resume next month.",
      "Dr. Hale, a witness, was excused...",
      "He left the court at noon.",
    ]),
    Paragraph([
      "The landlord has given her a month to leave.",
      "She said: \u{201C}I\u{2019}m not going anywhere. This is my home. They will have to carry me out.",
    ]),
    Paragraph([
      "Acme Co. said sales in the U.K. fell by a third.",
      "Shares in St. Albans Holdings rose 2.5 per cent, e.g. the biggest gain since May.",
      "Analysts were surprised.",
    ]),
  ]

  /// How paragraphs are laid out in a document.
  enum Layout: CaseIterable {
    /// Paragraphs separated by blank lines.
    case blankLines
    /// The same with CRLF line endings.
    case crlf
    /// One paragraph a line, no blank lines.
    case lines
    /// Blank-line paragraphs hard-wrapped at 64 columns.
    case wrapped
  }

  /// The document for `paragraphs` in `layout`.
  static func document(_ paragraphs: [Paragraph], layout: Layout) -> String {
    switch layout {
    case .blankLines: paragraphs.map(\.text).joined(separator: "\n\n") + "\n"
    case .crlf:
      paragraphs.map { $0.sentences.joined(separator: $0.joiner == "\n" ? "\r\n" : " ") }
        .joined(separator: "\r\n\r\n") + "\r\n"
    case .lines: paragraphs.map(\.text).joined(separator: "\n") + "\n"
    case .wrapped: paragraphs.map { wrap($0.text) }.joined(separator: "\n\n") + "\n"
    }
  }

  /// Hard-wraps `text` at 64 columns, breaking only before words that cannot be taken for a list
  /// marker (a line that starts with `1.`, `1)`, `a)` or `-` is a list item by design; a line
  /// that starts with a letter and a period, like `J.` or `p.`, is not after an unfinished line).
  static func wrap(_ text: String) -> String {
    var result = ""
    var column = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if !result.isEmpty { result += "\n" }
      column = 0
      for (index, word) in line.split(separator: " ").enumerated() {
        let isLetterAndPeriod = word.count == 2 && word.first!.isLetter && word.last == "."
        let looksLikeMarker =
          (word.count <= 4 && (word.hasSuffix(".") || word.hasSuffix(")")) && !isLetterAndPeriod)
          || word == "-" || word == "\u{2022}"
        if index > 0 {
          if column + 1 + word.count > 64 && !looksLikeMarker {
            result += "\n"
            column = 0
          } else {
            result += " "
            column += 1
          }
        }
        result += word
        column += word.count
      }
    }
    return result
  }

  /// `text` with every run of whitespace made a single space.
  static func normalized(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}

@Suite struct SegmentationPropertyTests {
  /// The generated documents: short and long, with and without blank lines early on.
  private static let generatedDocuments: [[UInt8]] = {
    var random = SeededGenerator(seed: 0x5EED_2024)
    return (0..<240).map { index in
      let size = [0, 1, 20, 300, 900, 2000, 5000][index % 7] + random.below(200)
      return DocumentGenerator.document(size: size, random: &random)
    }
  }()

  /// Segments `input` whole and in chunks of 1, 7 and 4096 bytes and of varying sizes, checking
  /// the invariants, that no segment exceeds the limit or splits a well-formed character, and
  /// that every chunking gives the same segments and cut count.
  private static func checkEverything(
    _ input: [UInt8], mode: SegmentationMode, seed: UInt64,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let whole = SegmentationHarness.segment(input, mode: mode)
    SegmentationInvariants.check(whole.segments, of: input, sourceLocation: sourceLocation)
    let interior = interiorOffsets(of: input)
    for segment in whole.segments {
      #expect(segment.bytes.count <= 1024, "\(segment)", sourceLocation: sourceLocation)
      #expect(
        !interior.contains(segment.start) && !interior.contains(segment.end),
        "splits a character: \(segment)", sourceLocation: sourceLocation)
    }
    var random = SeededGenerator(seed: seed)
    let varying = (0..<16).map { _ in 1 + random.below(random.chance(50) ? 16 : 3000) }
    let chunkings = SegmentationHarness.chunkSizes.dropLast().map { [$0] } + [varying]
    for chunkSizes in chunkings {
      let chunked = SegmentationHarness.segment(input, mode: mode, chunkSizes: chunkSizes)
      if chunked != whole {
        let chunks = chunkSizes.prefix(4)
        let firstDifference = difference(chunked, whole)
        Issue.record(
          "chunks \(chunks) differ from the whole input: \(firstDifference)",
          sourceLocation: sourceLocation)
      }
    }
  }

  /// The first difference between two results, for a readable failure.
  private static func difference(_ left: SegmentationResult, _ right: SegmentationResult) -> String
  {
    if left.cutCount != right.cutCount { return "cut count \(left.cutCount) vs \(right.cutCount)" }
    for (a, b) in zip(left.segments, right.segments) where a != b { return "\(a) vs \(b)" }
    return "\(left.segments.count) vs \(right.segments.count) segments"
  }

  /// The offsets strictly inside well-formed multi-byte UTF-8 characters.
  private static func interiorOffsets(of input: [UInt8]) -> Set<Int> {
    var offsets = Set<Int>()
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = input.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        for inside in 1..<max(encoded.count, 1) { offsets.insert(offset + inside) }
        offset += encoded.count
      case .error(let length):
        offset += length
      case .emptyInput:
        return offsets
      }
    }
  }

  @Test(
    "generated documents: nothing lost, and the same segments in any chunks",
    arguments: SegmentationMode.allCases)
  func generated(mode: SegmentationMode) {
    for (index, document) in Self.generatedDocuments.enumerated() {
      Self.checkEverything(document, mode: mode, seed: UInt64(index))
    }
  }

  @Test("the generated documents cover both paragraph styles, cuts and invalid UTF-8")
  func generatorCoverage() {
    var blankLineStyle = 0
    var lineStyle = 0
    var cut = 0
    var invalid = 0
    for document in Self.generatedDocuments {
      let paragraphs = SegmentationHarness.segment(document, mode: .paragraph)
      if paragraphs.segments.contains(where: { $0.bytes.contains(0x0A) }) {
        blankLineStyle += 1
      } else if document.contains(0x0A) {
        lineStyle += 1
      }
      if paragraphs.cutCount > 0 { cut += 1 }
      if String(validating: document, as: UTF8.self) == nil { invalid += 1 }
    }
    #expect(blankLineStyle >= 20)
    #expect(lineStyle >= 20)
    #expect(cut >= 20)
    #expect(invalid >= 60)
  }

  @Test("documents one after another on one segmenter", arguments: SegmentationMode.allCases)
  func documentsInSequence(mode: SegmentationMode) {
    var segmenter = StreamingSegmenter(mode: mode, maximumSegmentBytes: 1024)
    var cuts = 0
    for (index, document) in Self.generatedDocuments.prefix(60).enumerated() {
      let alone = SegmentationHarness.segment(document, mode: mode)
      segmenter.startDocument()
      let segments = SegmentationHarness.feed(
        document, to: &segmenter, chunkSizes: [1 + index * 37 % 500])
      cuts += alone.cutCount
      let cutCount = segmenter.cutCount
      #expect(segments == alone.segments, "document \(index)")
      #expect(cutCount == cuts, "document \(index)")
    }
  }

  @Test(
    "news documents: nothing lost, and the same segments in any chunks",
    arguments: SegmentationMode.allCases, SegmentationNews.Layout.allCases)
  func news(mode: SegmentationMode, layout: SegmentationNews.Layout) {
    var random = SeededGenerator(seed: 42)
    for round in 0..<6 {
      var paragraphs = SegmentationNews.paragraphs
      if round > 0 {
        for index in paragraphs.indices.reversed() {
          paragraphs.swapAt(index, random.below(index + 1))
        }
        paragraphs.removeLast(random.below(paragraphs.count - 1))
      }
      let document = Array(SegmentationNews.document(paragraphs, layout: layout).utf8)
      Self.checkEverything(document, mode: mode, seed: UInt64(round))
      // All on one line: longer than the limit, so cut.
      let oneLine = Array(SegmentationNews.paragraphs.map(\.text).joined(separator: " ").utf8)
      Self.checkEverything(oneLine, mode: mode, seed: UInt64(round))
    }
  }

  /// Records the first difference between `found` and `expected`, if any.
  private static func compare(
    _ found: [String], _ expected: [String], _ what: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    for (index, (left, right)) in zip(found, expected).enumerated() where left != right {
      Issue.record(
        "\(what) \(index) is \(left.debugDescription), expected \(right.debugDescription)",
        sourceLocation: sourceLocation)
      return
    }
    #expect(found.count == expected.count, "\(what)s", sourceLocation: sourceLocation)
  }

  @Test(
    "news documents: the expected sentences, paragraphs and lines",
    arguments: SegmentationNews.Layout.allCases)
  func newsSegments(layout: SegmentationNews.Layout) {
    let paragraphs = SegmentationNews.paragraphs
    let document = SegmentationNews.document(paragraphs, layout: layout)
    let result = { (mode: SegmentationMode) in
      SegmentationHarness.segment(document, mode: mode, chunkSize: 13, maximumSegmentBytes: 1 << 20)
    }
    let sentences = result(.sentence)
    let expected = paragraphs.flatMap(\.sentences)
    Self.compare(sentences.texts.map(SegmentationNews.normalized), expected, "sentence")
    if layout != .wrapped {
      // Only the hard-wrapped layout has newlines inside sentences.
      Self.compare(sentences.texts.map { $0.replacing("\r\n", with: "\n") }, expected, "sentence")
    }

    let lines = document.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
    let paragraphTexts = result(.paragraph).texts
    if layout == .lines {
      Self.compare(paragraphTexts, lines, "paragraph")
    } else {
      Self.compare(
        paragraphTexts.map(SegmentationNews.normalized),
        paragraphs.map { SegmentationNews.normalized($0.text) },
        "paragraph")
    }
    Self.compare(result(.line).texts, lines, "line")
    #expect(result(.none).texts == [document.trimmingASCIIWhitespace()])
    for mode in SegmentationMode.allCases {
      #expect(result(mode).cutCount == 0)
    }
  }

  @Test(
    "a large news document with the default limit: the same segments in any chunks",
    arguments: SegmentationMode.allCases)
  func largeDocument(mode: SegmentationMode) {
    let text = SegmentationNews.document(SegmentationNews.paragraphs, layout: .blankLines)
    let document = Array(String(repeating: text + "\n", count: 120).utf8)
    #expect(document.count > 128 << 10)
    let whole = SegmentationHarness.segment(document, mode: mode, maximumSegmentBytes: 1 << 20)
    SegmentationInvariants.check(whole.segments, of: document)
    for chunkSize in [997, 4096, 65536] {
      let chunked = SegmentationHarness.segment(
        document, mode: mode, chunkSize: chunkSize, maximumSegmentBytes: 1 << 20)
      #expect(chunked == whole, "chunk size \(chunkSize)")
    }
    if mode == .none {
      #expect(whole.segments.count == 1)
      #expect(whole.cutCount == 0)
    }
  }
}
