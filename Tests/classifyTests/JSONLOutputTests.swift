import Foundation
import Testing

@Suite("classify writes one JSON object per segment")
struct JSONLOutputTests {
  @Test("each segment's start and end are byte offsets of its text in the document")
  func offsetsAreDocumentByteOffsets() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let document = Array(
      "Café owners in Zürich were jailed. 日本語 is spoken here.\n\nPolice arrested two men.\n".utf8)
    let result = try CLI.run(["--rules", rules], stdin: document)
    #expect(result.succeeded)
    #expect(result.stderr.isEmpty)
    let records = try result.records()
    #expect(
      records.map(\.text) == [
        "Café owners in Zürich were jailed.", "日本語 is spoken here.", "Police arrested two men.",
      ])
    for (index, record) in records.enumerated() {
      #expect(record.doc == 1)
      #expect(record.seg == index)
      #expect(document.decoded(record.start, record.end) == record.text)
    }
  }

  @Test("labels follow the categories' sorted order and scores name every category")
  func labelsAndScores() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(
      ["--rules", rules],
      stdin: "The minister said the budget was jailed.\n\nNothing to see.\n")
    #expect(result.succeeded)
    let records = try result.records()
    try #require(records.count == 2)
    #expect(records[0].labels == ["enforcement", "policy", "quote"])
    #expect(records[0].scores == ["enforcement": 3, "policy": 1.5, "quote": 1])
    #expect(records[1].labels == [])
    #expect(records[1].scores == ["enforcement": 0, "policy": 0, "quote": 0])
  }

  @Test("the JSON keys appear in the documented order")
  func keyOrder() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(["--rules", rules], stdin: "He was jailed.\n")
    #expect(result.succeeded)
    #expect(
      result.output
        == #"{"doc":1,"seg":0,"start":0,"end":14,"text":"He was jailed.","labels":["enforcement"],"scores":{"enforcement":3,"policy":0,"quote":0}}"#
        + "\n")
  }

  @Test(
    "a category is labelled when its score reaches the threshold",
    arguments: [
      ("He was jailed.", ["enforcement"]),  // pattern: 3 ≥ 2
      ("Police arrested him.", ["enforcement"]),  // keyword: 2 ≥ 2
      ("An undercover officer was seen.", ["enforcement"]),  // phrase: 2 ≥ 2
      ("The reform passed.", []),  // 0.25 < 1.5
      ("The budget passed.", ["policy"]),  // 1.5 ≥ 1.5
      ("Nothing happened.", []),
    ])
  func thresholds(sentence: String, labels: [String]) throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(["--rules", rules], stdin: sentence + "\n")
    #expect(result.succeeded)
    #expect(try result.records().map(\.labels) == [labels])
  }

  @Test("pattern weights and keyword weights add up, and a keyword list's sum is capped at max")
  func scoring() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(
      ["--rules", rules, "--segment", "line"],
      stdin: """
        Police arrested an undercover officer.
        Police arrested a man who was jailed.
        The budget reform.

        """)
    #expect(result.succeeded)
    let scores = try result.records().map { $0.scores ?? [:] }
    #expect(scores.map { $0["enforcement"] } == [3, 5, 0])
    #expect(scores.map { $0["policy"] } == [0, 0, 1.75])
  }

  @Test(
    "keywords match whole words case-insensitively, stems match word endings, phrases span whitespace",
    arguments: [
      ("POLICE ARRESTED HIM.", 2.0),
      ("Two undercover officers.", 2.0),
      ("An Undercover\n   Officer.", 2.0),
      ("He was rearrested.", 0.0),
      ("They arrestedly left.", 0.0),
      ("An undercover-officer.", 0.0),
    ])
  func keywordMatching(text: String, score: Double) throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(["--rules", rules, "--segment", "none"], stdin: text)
    #expect(result.succeeded)
    #expect(try result.records().map { $0.scores?["enforcement"] } == [score])
  }

  @Test("--explain adds evidence whose offsets and text come from the document")
  func explain() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let document = Array(
      "Nothing here. Über-busy police arrested him; he was jailed.\n\nShe said so.\n".utf8)
    let result = try CLI.run(["--rules", rules, "--explain"], stdin: document)
    #expect(result.succeeded)
    let records = try result.records()
    try #require(records.count == 3)
    #expect(records[0].evidence == [])
    let evidence = try #require(records[1].evidence)
    #expect(
      Set(evidence.map(\.rule)) == ["enforcement/police-action", "enforcement/custodial-sentence"])
    for item in evidence {
      let start = try #require(item.start)
      let end = try #require(item.end)
      #expect(records[1].start <= start && start <= end && end <= records[1].end)
      #expect(document.decoded(start, end) == item.text)
      #expect(item.error == nil)
    }
    let keyword = try #require(evidence.first { $0.rule == "enforcement/police-action" })
    #expect(keyword.term == "arrested")
    #expect(keyword.weight == 2)
    #expect(keyword.text == "arrested")
    let pattern = try #require(evidence.first { $0.rule == "enforcement/custodial-sentence" })
    #expect(pattern.term == nil)
    #expect(pattern.weight == 3)
    #expect(pattern.text == "jailed")
    let quote = try #require(records[2].evidence?.first)
    #expect(quote.rule == "quote/speech-verbs")
    #expect(quote.term == "said")
    #expect(quote.start.map { document.decoded($0, $0 + 4) } == "said")
  }

  @Test("without --explain there is no evidence")
  func noExplain() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(["--rules", rules], stdin: "He was jailed.\n")
    #expect(
      try JSONLines.keys(result.stdout) == [
        ["doc", "seg", "start", "end", "text", "labels", "scores"]
      ])
  }

  @Test("documents are numbered from 1 in argument order, stdin counting as one, segments from 0")
  func documentNumbering() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let first = try directory.write("first.txt", "One. Two.\n")
    let third = try directory.write("third.txt", "Five. Six. Seven.")
    let result = try CLI.run(["--rules", rules, first, "-", third], stdin: "Three. Four.\n")
    #expect(result.succeeded)
    let records = try result.records()
    #expect(records.map(\.doc) == [1, 1, 2, 2, 3, 3, 3])
    #expect(records.map(\.seg) == [0, 1, 0, 1, 0, 1, 2])
    #expect(records.map(\.start) == [0, 5, 0, 7, 0, 6, 11])
    #expect(records.map(\.text) == ["One.", "Two.", "Three.", "Four.", "Five.", "Six.", "Seven."])
  }

  @Test("standard input is read when no file is given", arguments: [[], ["-"]])
  func standardInput(files: [String]) throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(["--rules", rules] + files, stdin: "He was jailed.")
    #expect(result.succeeded)
    #expect(try result.records().map(\.text) == ["He was jailed."])
  }

  @Test("empty input writes nothing and succeeds", arguments: ["", "\n\n  \n"])
  func emptyInput(input: String) throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(["--rules", rules], stdin: input)
    #expect(result.succeeded)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.isEmpty)
  }

  @Test(
    "invalid UTF-8 becomes U+FFFD in valid JSON while offsets stay offsets into the input bytes")
  func invalidUTF8() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    // Lone continuation, truncated sequence, overlong, surrogate, beyond U+10FFFF.
    var document: [UInt8] = [0x80, 0xFF] + Array(" caf".utf8) + [0xC3] + Array(" was jailed.".utf8)
    document += Array(" X".utf8) + [0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80]
    document += Array(" she said.\n".utf8)
    let result = try CLI.run(["--rules", rules, "--explain"], stdin: document)
    #expect(result.succeeded)
    let records = try result.records()  // strict: no surrogates or overlong forms pass
    try #require(records.count == 2)
    #expect(records[0].text == "\u{FFFD}\u{FFFD} caf\u{FFFD} was jailed.")
    #expect(records[0].start == 0)
    #expect(records[0].end == 19)
    let jailed = try #require(records[0].evidence?.first)
    #expect(jailed.start == 12)
    #expect(jailed.end == 18)
    #expect(jailed.text == "jailed")
    #expect(records[1].start == 20)
    #expect(records[1].end == document.count - 1)
    #expect(records[1].text.hasPrefix("X\u{FFFD}"))
    let said = try #require(records[1].evidence?.first)
    #expect(said.start.map { Array(document[$0..<$0 + 4]) } == Array("said".utf8))
    #expect(document.decoded(records[1].start, records[1].end) == records[1].text)
  }

  @Test("NUL bytes and other control characters are escaped in the JSON and never lost")
  func controlCharacters() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let document: [UInt8] = Array("a\u{0}b\u{1B}[31mc\u{7F}d\u{0} said \"hi\\\"".utf8)
    let result = try CLI.run(["--rules", rules, "--segment", "none"], stdin: document)
    #expect(result.succeeded)
    #expect(!result.stdout.dropLast().contains { $0 < 0x20 })  // only the final newline
    #expect(result.output.contains(#"a\u0000b"#))
    let records = try result.records()
    #expect(records.map(\.text) == [String(decoding: document, as: UTF8.self)])
    #expect(records.map(\.end) == [document.count])
    #expect(records.first?.labels == ["quote"])
  }
}
