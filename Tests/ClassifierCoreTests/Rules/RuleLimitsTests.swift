import Testing

@testable import ClassifierCore

/// Rule sets past `RuleLimits` fail to load with a diagnostic at the place that crosses the limit.
@Suite struct RuleLimitsTests {
  /// A rule file with one keyword list of `count` distinct terms, the list's `id` on line 4.
  private static func keywordFile(category: String, count: Int, offset: Int = 0) -> String {
    var text = "category: \(category)\nthreshold: 1\nrules:\n  - id: words\n    keywords:\n"
    text.reserveCapacity(count * 16)
    for index in offset..<offset + count { text += "      w\(index): 1\n" }
    return text
  }

  @Test("keyword lists past the term limit are an error at the list that passes it")
  func keywordTermLimit() throws {
    let half = RuleLimits.maximumKeywordTerms / 2
    let sources = [
      RuleSource(name: "a.yaml", text: Self.keywordFile(category: "a", count: half)),
      RuleSource(
        name: "b.yaml", text: Self.keywordFile(category: "b", count: half + 1, offset: half)),
    ]
    let error = try #require(throws: RuleLoadError.self) { try Classifier(loading: sources) }
    #expect(
      error.diagnostics.map(\.description) == [
        "b.yaml:4:5: the keyword lists hold \(2 * half + 1) terms in all, over the limit of "
          + "\(RuleLimits.maximumKeywordTerms); this list passes it"
      ])
  }

  @Test("a rule set at the term limit loads")
  func keywordTermsAtLimit() throws {
    let source = RuleSource(
      name: "a.yaml", text: Self.keywordFile(category: "a", count: RuleLimits.maximumKeywordTerms))
    let classifier = try Classifier(loading: [source])
    #expect(classifier.summary.keywords == RuleLimits.maximumKeywordTerms)
    #expect(classifier.classify("The w99999 and w0 words.").scores == [2])
  }

  @Test("a rule file over the size limit is an error at its first line, before it is parsed")
  func fileSizeLimit() throws {
    let padding = String(repeating: "# padding\n", count: RuleLimits.maximumFileBytes / 10 + 1)
    let text = "category: a\nthreshold: 1\nrules:\n  - id: x\n    pattern: 'x'\n    weight: 1\n"
    let error = try #require(throws: RuleLoadError.self) {
      try Classifier(loading: [RuleSource(name: "big.yaml", text: text + padding)])
    }
    #expect(error.diagnostics.count == 1)
    #expect(
      error.diagnostics.first?.description.hasPrefix("big.yaml:1:1: the file is ") == true)
  }

  @Test("a pattern too large for PCRE2 is an error at the pattern, not a crash or a hang")
  func enormousAlternation() throws {
    let words = (0..<20_000).map { "word\($0)" }.joined(separator: "|")
    let text =
      "category: a\nthreshold: 1\nrules:\n  - id: x\n    pattern: '\\b(?:\(words))\\b'\n"
      + "    weight: 1\n"
    let error = try #require(throws: RuleLoadError.self) {
      try Classifier(loading: [RuleSource(name: "alt.yaml", text: text)])
    }
    #expect(
      error.diagnostics.map(\.description).contains {
        $0.hasPrefix("alt.yaml:5:") && $0.hasSuffix("regular expression is too large")
      })
  }
}
