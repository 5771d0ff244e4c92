import Foundation
import Testing

@Suite("Segmentation: --segment and classify segment")
struct SegmentationTests {
  static let article = """
    Mr. Smith was jailed on Monday. "It was fair," she said.
    The council met.

    A second paragraph
    spans two lines.\r\n\r\nLast one.
    """

  @Test(
    "--segment cuts the document into sentences, paragraphs, lines or one segment",
    arguments: [
      (
        "sentence",
        [
          "Mr. Smith was jailed on Monday.", "\"It was fair,\" she said.", "The council met.",
          "A second paragraph\nspans two lines.", "Last one.",
        ]
      ),
      (
        "paragraph",
        [
          "Mr. Smith was jailed on Monday. \"It was fair,\" she said.\nThe council met.",
          "A second paragraph\nspans two lines.", "Last one.",
        ]
      ),
      (
        "line",
        [
          "Mr. Smith was jailed on Monday. \"It was fair,\" she said.", "The council met.",
          "A second paragraph", "spans two lines.", "Last one.",
        ]
      ),
      ("none", [article]),
    ])
  func modes(mode: String, texts: [String]) throws {
    let document = Array(Self.article.utf8)
    let result = try CLI.run(["segment", "--segment", mode], stdin: document)
    #expect(result.succeeded)
    let records = try result.records()
    #expect(records.map(\.text) == texts)
    #expect(records.map(\.seg) == Array(0..<texts.count))
    for record in records {
      #expect(document.decoded(record.start, record.end) == record.text)
    }
  }

  @Test("classify segment writes only doc, seg, start, end and text")
  func segmentFields() throws {
    let result = try CLI.run(["segment"], stdin: "He was jailed. She said so.\n")
    #expect(result.succeeded)
    #expect(
      try JSONLines.keys(result.stdout)
        == Array(
          repeating: ["doc", "seg", "start", "end", "text"], count: 2))
    #expect(
      result.lines.first == #"{"doc":1,"seg":0,"start":0,"end":14,"text":"He was jailed."}"#)
  }

  @Test("classify segment numbers documents and reads stdin for '-'")
  func segmentDocuments() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write("a.txt", "One. Two.")
    let result = try CLI.run(["segment", "-", file], stdin: "Zero.")
    #expect(result.succeeded)
    let records = try result.records()
    #expect(records.map(\.doc) == [1, 2, 2])
    #expect(records.map(\.seg) == [0, 0, 1])
    #expect(records.map(\.text) == ["Zero.", "One.", "Two."])
  }

  @Test(
    "in a large mixed document, segments and evidence match their bytes and skip only whitespace",
    arguments: ["sentence", "paragraph", "line"])
  func largeDocument(mode: String) throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let document = Self.generatedDocument(byteCount: 400_000)
    let result = try CLI.run(["--rules", rules, "--explain", "--segment", mode], stdin: document)
    #expect(result.succeeded)
    let records = try result.records()
    #expect(records.count > 100)
    var previousEnd = 0
    var badSegments: [Int] = []
    var badEvidence: [Int] = []
    var evidenceCount = 0
    for (index, record) in records.enumerated() {
      let gap = document[previousEnd..<max(previousEnd, record.start)]
      if record.seg != index || record.start < previousEnd || record.start >= record.end
        || !gap.allSatisfy(Self.isSpace)
        || document.decoded(record.start, record.end) != record.text
      {
        badSegments.append(index)
      }
      for evidence in record.evidence ?? [] {
        evidenceCount += 1
        guard let start = evidence.start, let end = evidence.end,
          record.start <= start, start <= end, end <= record.end,
          document.decoded(start, end) == evidence.text
        else {
          badEvidence.append(index)
          continue
        }
      }
      previousEnd = record.end
    }
    #expect(document[previousEnd...].allSatisfy(Self.isSpace))
    #expect(badSegments.isEmpty, "segments \(badSegments.prefix(5))")
    #expect(evidenceCount > 1000)
    #expect(badEvidence.isEmpty, "evidence in segments \(badEvidence.prefix(5))")
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Sentences of ASCII, accented, CJK and emoji text, with line breaks, blank lines and CRLF,
  /// from a fixed seed.
  static func generatedDocument(byteCount: Int) -> [UInt8] {
    let words = [
      "police", "arrested", "jailed", "said", "budget", "undercover officers", "café", "naïve",
      "日本語", "😀", "Mr.", "\"Quote.\"",
      "40%", "U.S.", "end.", "Zürich", "über",
    ]
    let separators = [" ", " ", " ", " ", ". ", "\n", "\r\n", "\n\n", "\t"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var document: [UInt8] = []
    document.reserveCapacity(byteCount + 32)
    while document.count < byteCount {
      document += Array(words[next(words.count)].utf8)
      document += Array(separators[next(separators.count)].utf8)
    }
    return document
  }
}
