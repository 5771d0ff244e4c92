import Testing

@testable import ClassifierCore

/// What the fuzz targets of `Fuzz/` found, each as the behaviour the input must have.
@Suite struct FuzzRegressionTests {
  /// A one-rule classifier: `pattern` (written inside single quotes in YAML), weight 1, and a
  /// threshold of 1.
  private static func classifier(pattern: String) throws -> Classifier {
    try Classifier(loading: [
      RuleSource(
        name: "fuzz.yaml",
        text: """
          category: c
          threshold: 1
          rules:
            - id: p
              pattern: '\(pattern)'
              weight: 1

          """)
    ])
  }

  /// Found by FuzzRuleLoader's prefilter oracle. `RequiredLiterals` took a piece repeated from
  /// zero times (`b*`, `a{0,3}`) for "the piece or nothing", so `ab*c` required `ac` or `abc` and
  /// was skipped on a segment holding only `abbc`, which it matches.
  @Test(
    "a pattern runs on a segment where a piece it may repeat occurs more than once",
    arguments: [
      ("ab*c", "xx abbc yy"),
      ("ab*c", "abbbbbc"),
      ("xa{0,3}y", "the xaaay"),
      ("x(?:ab){0,2}y", "xababy"),
      ("a(?:bc)*d", "abcbcd"),
    ])
  func repeatedPieceBetweenLiterals(pattern: String, text: String) throws {
    let result = try Self.classifier(pattern: pattern).classify(text)
    #expect(result.evidence.count == 1, "pattern \(pattern) on \(text.debugDescription)")
    #expect(result.labels == [0])
  }

  /// Found by FuzzRuleLoader as a slow unit: a 2.9 KB rule file took 16 s to load in the fuzz
  /// build. `RequiredLiterals` extended every string of a run of exact literals (up to 256 once
  /// optional pieces double it) by copying it at each character, so a run of n characters cost
  /// about 256 n² / 2 byte copies: 2,000 characters after 8 optional letters took 3.7 s in a
  /// release build, 4,000 took 14.5 s. Runs now stop growing at 64 bytes; the literals found
  /// must still let the pattern run where it matches.
  @Test("a long literal pattern after optional letters loads and still matches")
  func longLiteralRunAfterOptionalLetters() throws {
    let words = String(repeating: "word ", count: 800)
    let classifier = try Self.classifier(pattern: "a?b?c?d?e?f?g?h?" + words)
    #expect(classifier.classify("h" + words).labels == [0])
    #expect(classifier.classify("h" + words.dropLast(6)).labels == [])
  }
}
