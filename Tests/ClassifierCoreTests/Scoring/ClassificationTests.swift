import Testing

@testable import ClassifierCore

@Suite struct ClassificationTests {
  /// A one-category classifier from the rules given as YAML list items.
  private static func classifier(threshold: Double = 1, _ rules: String) throws -> Classifier {
    try Classifier(loading: [
      RuleSource(name: "t.yaml", text: "category: t\nthreshold: \(threshold)\nrules:\n" + rules)
    ])
  }

  private static func evidenceTexts(_ classifier: Classifier, _ text: String) -> [String] {
    let result = classifier.classify(text)
    let bytes = Array(text.utf8)
    return result.evidence.map { String(decoding: bytes[$0.range], as: UTF8.self) }
  }

  private static let keywords = """
      - id: k
        keywords:
          arrested: 2
          "undercover officer*": 1.5
          "café": 1
          "#hashtag": 1
        max: 3
    """

  @Test(
    "keywords match whole words, case-insensitively, across runs of whitespace",
    arguments: [
      ("Police ARRESTED two men.", ["ARRESTED"]),
      ("They were re-arrested.", ["arrested"]),
      ("The unarrested man left.", []),
      ("arrestedly is not a word", []),
      ("an Undercover\n\t  Officers’ unit", ["Undercover\n\t  Officers"]),
      ("undercover officers", ["undercover officers"]),
      ("undercoverofficer", []),
      ("an undercover officer", ["undercover officer"]),
      ("the CAFÉ and the café", ["CAFÉ"]),
      ("cafés", []),
      ("see #hashtag now", ["#hashtag"]),
      ("officer’s arrested", ["arrested"]),
      ("arrested_", []),
      ("arrestedé", []),
    ])
  func keywordMatching(text: String, expected: [String]) throws {
    let classifier = try Self.classifier(Self.keywords)
    #expect(Self.evidenceTexts(classifier, text) == expected)
  }

  @Test(
    "a keyword with a letter whose case form is several scalars matches itself, as PCRE2 does",
    arguments: [
      ("İstanbul police", ["İstanbul"]),
      ("in STRAẞE", ["STRAẞE"]),
      ("in straße", ["straße"]),
      ("istanbul police", []),
    ])
  func multiScalarCaseForms(text: String, expected: [String]) throws {
    let keywords = try Self.classifier(
      """
        - id: k
          keywords:
            "İstanbul": 1
            "STRAẞE": 1
      """)
    #expect(Self.evidenceTexts(keywords, text) == expected)
    let pattern = try Self.classifier("  - id: p\n    pattern: '\\bİstanbul\\b'\n    weight: 1\n")
    #expect(Self.evidenceTexts(pattern, text) == expected.filter { $0 == "İstanbul" })
  }

  @Test("a keyword list adds each distinct term once, capped by max")
  func keywordScoring() throws {
    let classifier = try Self.classifier(Self.keywords)
    #expect(classifier.classify("arrested, arrested, ARRESTED").scores == [2])
    #expect(classifier.classify("arrested by an undercover officer").scores == [3])
    #expect(classifier.classify("café café").scores == [1])
    #expect(classifier.classify("nothing here").scores == [0])
  }

  @Test("a pattern adds its weight once per segment, however often it matches")
  func patternOncePerSegment() throws {
    let classifier = try Self.classifier(
      "  - id: p\n    pattern: '\\bjailed\\b'\n    weight: 3\n  - id: n\n    pattern: 'red card'\n    weight: -1\n"
    )
    let result = classifier.classify("jailed, jailed and jailed again")
    #expect(result.scores == [3])
    #expect(result.evidence.count == 1)
    #expect(result.evidence.first?.range == 0..<6)
    #expect(classifier.classify("jailed after a red card").scores == [2])
  }

  @Test("labels follow the threshold: reaching it labels, falling short does not")
  func threshold() throws {
    let classifier = try Self.classifier(
      threshold: 3,
      "  - id: a\n    pattern: 'alpha'\n    weight: 2\n  - id: b\n    pattern: 'beta'\n    weight: 1\n"
    )
    #expect(classifier.classify("alpha").isLabelled == [false])
    #expect(classifier.classify("alpha beta").isLabelled == [true])
  }

  @Test("patterns are caseless unless the rule says case: sensitive; inline options work")
  func caseHandling() throws {
    let classifier = try Self.classifier(
      """
        - id: any
          pattern: 'police'
          weight: 1
        - id: exact
          pattern: 'Police'
          case: sensitive
          weight: 10
        - id: inline
          pattern: '(?i)court'
          case: sensitive
          weight: 100
      """)
    #expect(classifier.classify("POLICE").scores == [1])
    #expect(classifier.classify("Police").scores == [11])
    #expect(classifier.classify("COURT").scores == [100])
  }

  @Test("caseless patterns still match the Kelvin sign and long s, which fold to k and s")
  func unicodeCaseFolding() throws {
    let classifier = try Self.classifier("  - id: p\n    pattern: 'kiosk'\n    weight: 1\n")
    #expect(classifier.classify("\u{212A}IOS\u{212A}").scores == [1])
    #expect(classifier.classify("kio\u{17F}k").scores == [1])
  }

  @Test("invalid UTF-8 and NUL bytes are matched safely and never match")
  func invalidUTF8() throws {
    let classifier = try Self.classifier(
      "  - id: p\n    pattern: 'jail.d'\n    weight: 1\n  - id: k\n    keywords: {court: 1}\n")
    var workspace = ClassifierWorkspace(for: classifier)
    let inputs: [[UInt8]] = [
      Array("jail".utf8) + [0xFF] + Array("d court".utf8),
      Array("jailed".utf8) + [0x00, 0xC3] + Array(" court".utf8),
      [0xE2, 0x80] + Array("court".utf8) + [0xF0, 0x9F],
    ]
    var scores: [[Double]] = []
    for input in inputs {
      input.withUnsafeBufferPointer { classifier.classify($0, in: &workspace) }
      scores.append(workspace.result.scores)
    }
    #expect(scores == [[1], [2], [1]])
  }

  @Test("a search stopped by the match limit is reported, not taken as no match")
  func matchLimit() throws {
    let classifier = try Classifier(
      loading: [
        RuleSource(
          name: "t.yaml",
          text:
            "category: t\nthreshold: 1\nrules:\n  - id: slow\n    pattern: '(?:a+)+$'\n    weight: 1\n"
        )
      ], options: Classifier.Options(matchLimit: 1000))
    let result = classifier.classify(String(repeating: "a", count: 40) + "!")
    #expect(result.scores == [0])
    #expect(result.failedSearches == [FailedSearch(rule: 0, failure: .matchLimit)])
    #expect(classifier.classify("aaa").scores == [1])
  }

  @Test("a workspace is reused across segments without leaking results between them")
  func workspaceReuse() throws {
    let classifier = try Self.classifier(Self.keywords)
    var workspace = ClassifierWorkspace(for: classifier)
    for (text, score) in [("arrested", 2.0), ("nothing", 0), ("arrested café", 3), ("café", 1)] {
      Array(text.utf8).withUnsafeBufferPointer { classifier.classify($0, in: &workspace) }
      #expect(workspace.result.scores == [score])
      #expect(workspace.result.evidence.count == (score == 0 ? 0 : score == 3 ? 2 : 1))
    }
  }
}
