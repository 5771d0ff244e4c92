import Foundation
import Testing

@testable import ClassifierCore

/// Rules scoped to the previous segment or to a continued quotation, classified segment by
/// segment with one workspace, as a document is.
@Suite struct RuleScopeTests {
  /// One segment's outcome, copied out of the workspace.
  private struct Outcome {
    var scores: [Double]
    var isLabelled: [Bool]
    var evidence: [Evidence]
  }

  /// A one-category classifier (`quote`, threshold 1) from rules given as YAML list items.
  private static func classifier(_ rules: String) throws -> Classifier {
    try Classifier(loading: [
      RuleSource(name: "q.yaml", text: "category: quote\nthreshold: 1\nrules:\n" + rules)
    ])
  }

  /// Classifies the segments in order with one workspace; the first follows `.documentStart`
  /// unless given another boundary.
  private static func classify(
    _ classifier: Classifier, _ segments: [(SegmentBoundary, String)]
  ) -> [Outcome] {
    var workspace = ClassifierWorkspace(for: classifier)
    return segments.map { boundary, text in
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { classifier.classify($0, after: boundary, in: &workspace) }
      let result = workspace.result
      return Outcome(
        scores: result.scores, isLabelled: result.isLabelled, evidence: result.evidence)
    }
  }

  /// The segments, one paragraph: the first starts the document.
  private static func paragraph(_ texts: String...) -> [(SegmentBoundary, String)] {
    texts.enumerated().map { ($0.offset == 0 ? .documentStart : .withinParagraph, $0.element) }
  }

  private static let leadIn = """
      - id: lead-in
        pattern: 'said:\\s*$'
        weight: 1
        scope: previous-segment
    """

  private static let inside = """
      - id: inside
        pattern: '\\S'
        weight: 1
        scope: continued-quotation
    """

  // MARK: previous-segment

  @Test("a lead-in's weight counts for the segment after it, not for the lead-in")
  func leadInWeightMoves() throws {
    let classifier = try Self.classifier(Self.leadIn)
    let outcomes = Self.classify(
      classifier, Self.paragraph("The director said:", "We will act.", "Then we left."))
    #expect(outcomes.map(\.scores) == [[0], [1], [0]])
    #expect(outcomes.map(\.isLabelled) == [[false], [true], [false]])
    #expect(outcomes[0].evidence.isEmpty && outcomes[2].evidence.isEmpty)
  }

  @Test("the carried evidence is marked as in the previous segment, with that segment's range")
  func carriedEvidence() throws {
    let classifier = try Self.classifier(Self.leadIn)
    let lead = "The director said:"
    let outcomes = Self.classify(classifier, Self.paragraph(lead, "We will act."))
    let evidence = try #require(outcomes[1].evidence.first)
    #expect(outcomes[1].evidence.count == 1)
    #expect(evidence.isInPreviousSegment)
    #expect(evidence.rule == 0 && evidence.term == nil && evidence.weight == 1)
    #expect(String(decoding: Array(lead.utf8)[evidence.range], as: UTF8.self) == "said:")
  }

  @Test("a document start drops what the previous segment found")
  func documentStartResets() throws {
    let classifier = try Self.classifier(Self.leadIn)
    let outcomes = Self.classify(
      classifier, [(.documentStart, "The director said:"), (.documentStart, "We will act.")])
    #expect(outcomes.map(\.scores) == [[0], [0]])
    #expect(outcomes[1].evidence.isEmpty)
  }

  @Test("a paragraph start keeps the previous segment: it is in the same document")
  func paragraphStartCarries() throws {
    let classifier = try Self.classifier(Self.leadIn)
    let outcomes = Self.classify(
      classifier, [(.documentStart, "The director said:"), (.paragraphStart, "We will act.")])
    #expect(outcomes.map(\.scores) == [[0], [1]])
  }

  @Test("classifying one segment on its own gives a previous-segment rule nothing to see")
  func singleSegment() throws {
    let classifier = try Self.classifier(Self.leadIn)
    let result = classifier.classify("The director said:")
    #expect(result.scores == [0] && result.evidence.isEmpty)
  }

  @Test("a keyword list scoped to the previous segment carries its capped sum and each term")
  func keywordListPreviousSegment() throws {
    let classifier = try Self.classifier(
      """
        - id: speech
          keywords: {said: 1, told: 1, added: 1}
          max: 1.5
          scope: previous-segment
      """)
    let lead = "He said and told and added:"
    let outcomes = Self.classify(classifier, Self.paragraph(lead, "Nothing said here.", "End."))
    // The second segment gets the lead's 3 capped at 1.5; its own "said" goes to the third.
    #expect(outcomes.map(\.scores) == [[0], [1.5], [1]])
    let carried = outcomes[1].evidence
    #expect(carried.allSatisfy { $0.isInPreviousSegment })
    #expect(carried.map(\.term) == [0, 1, 2])
    let bytes = Array(lead.utf8)
    #expect(
      carried.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["said", "told", "added"])
    #expect(outcomes[2].evidence.map(\.isInPreviousSegment) == [true])
  }

  @Test("carried weight adds to the segment's own, and its evidence comes first")
  func carriedAndOwnEvidence() throws {
    let classifier = try Self.classifier(
      Self.leadIn + "\n" + """
          - id: we
            keywords: {we: 0.5}
        """)
    let outcomes = Self.classify(classifier, Self.paragraph("The director said:", "We will act."))
    #expect(outcomes[1].scores == [1.5])
    #expect(outcomes[1].evidence.map(\.rule) == [0, 1])
    #expect(outcomes[1].evidence.map(\.isInPreviousSegment) == [true, false])
  }

  // MARK: continued-quotation

  @Test("a continued-quotation rule fires only on segments that start inside a quotation")
  func continuedQuotationPattern() throws {
    let classifier = try Self.classifier(Self.inside)
    let outcomes = Self.classify(
      classifier,
      Self.paragraph(
        "“We acted fast.", "We will go on.", "It is done,” she said.", "Next sentence."))
    #expect(outcomes.map(\.scores) == [[0], [1], [1], [0]])
    #expect(outcomes[1].evidence.map(\.isInPreviousSegment) == [false])
    #expect(outcomes[1].evidence.first?.range == 0..<1)
  }

  @Test("a continued-quotation pattern with no literal is not tried on every segment")
  func continuedQuotationPatternWithoutLiteral() throws {
    #expect(try Self.classifier(Self.inside).unfilteredRuleNames.isEmpty)
    let segmentScoped = Self.inside.replacingOccurrences(
      of: "scope: continued-quotation", with: "scope: segment")
    #expect(try Self.classifier(segmentScoped).unfilteredRuleNames == ["quote/inside"])
  }

  @Test("a continued-quotation keyword list only counts terms in continuing segments")
  func continuedQuotationKeywords() throws {
    let classifier = try Self.classifier(
      """
        - id: we
          keywords: {we: 1}
          scope: continued-quotation
      """)
    let outcomes = Self.classify(
      classifier,
      Self.paragraph("“We acted fast.", "We will go on.", "We are done,” she said.", "We left."))
    #expect(outcomes.map(\.scores) == [[0], [1], [1], [0]])
  }

  @Test("a segment-scoped rule ignores quotations")
  func segmentScopeUnaffected() throws {
    let classifier = try Self.classifier("  - id: any\n    pattern: '\\S'\n    weight: 1\n")
    let outcomes = Self.classify(
      classifier, Self.paragraph("“We acted fast.", "We will go on.", "Next sentence."))
    #expect(outcomes.map(\.scores) == [[1], [1], [1]])
  }

  @Test(
    "a document start ends an open quotation, a paragraph start that opens with a mark does not")
  func quotationBoundaries() throws {
    let classifier = try Self.classifier(Self.inside)
    let reset = Self.classify(
      classifier, [(.documentStart, "“We acted fast."), (.documentStart, "We will go on.")])
    #expect(reset.map(\.scores) == [[0], [0]])
    let plain = Self.classify(
      classifier, [(.documentStart, "“We acted fast."), (.paragraphStart, "Then she left.")])
    #expect(plain.map(\.scores) == [[0], [0]])
    let continued = Self.classify(
      classifier, [(.documentStart, "“We acted fast."), (.paragraphStart, "“We will go on.")])
    #expect(continued.map(\.scores) == [[0], [1]])
  }
}
