import Foundation
import Testing

@testable import ClassifierCore

/// Ten labelled segments scored by two small categories, with every figure worked out by hand.
///
/// `alpha` (threshold 2): `strong` +2, `weak` keywords 1 each capped at 2, `veto` -2, `unused`
/// never fires. `beta` (threshold 1): `word` keyword `beta` +1.
///
/// | line | text                     | gold        | alpha score  | beta | alpha | beta |
/// |------|--------------------------|-------------|--------------|------|-------|------|
/// | 1    | strong                   | alpha       | 2            | 0    | TP    |      |
/// | 2    | weak faint slight        | alpha       | min(3, 2)=2  | 0    | TP    |      |
/// | 3    | strong weak faint slight | -           | 2+2=4        | 0    | FP    |      |
/// | 4    | weak                     | alpha       | 1            | 0    | FN    |      |
/// | 5    | strong veto              | -           | 0            | 0    |       |      |
/// | 6    | strong veto beta         | alpha, beta | 0            | 1    | FN    | TP   |
/// | 7    | beta strong              | beta        | 2            | 1    | FP    | TP   |
/// | 8    | beta                     | -           | 0            | 1    |       | FP   |
/// | 9    | nothing here             | beta        | 0            | 0    |       | FN   |
/// | 10   | Beta again               | -           | 0            | 1    |       | FP   |
///
/// alpha: TP 2, FP 2, FN 2, so precision = recall = F1 = 1/2.
/// beta: TP 2, FP 2, FN 1, so precision 1/2, recall 2/3, F1 = 2·(1/2)(2/3)/(7/6) = 4/7.
/// Pooled: TP 4, FP 4, FN 3, so micro precision 1/2, recall 4/7, F1 = (4/7)/(15/14) = 8/15.
/// Macro F1 = (1/2 + 4/7)/2 = 15/28. Exact match: lines 1, 2 and 5, 3/10.
@Suite struct EvaluationMetricsTests {
  private static let alpha = RuleSource(
    name: "alpha.yaml",
    text: """
      category: alpha
      threshold: 2
      rules:
        - id: strong
          pattern: '\\bstrong\\b'
          weight: 2
        - id: weak
          keywords: {weak: 1, faint: 1, slight: 1}
          max: 2
        - id: veto
          pattern: '\\bveto\\b'
          weight: -2
        - id: unused
          pattern: 'zzz'
          weight: 1
      """)

  private static let beta = RuleSource(
    name: "beta.yaml",
    text: """
      category: beta
      threshold: 1
      rules:
        - id: word
          keywords: {beta: 1}
      """)

  private static let corpus = """
    {"text": "strong", "labels": ["alpha"]}
    {"text": "weak faint slight", "labels": ["alpha"]}
    {"text": "strong weak faint slight", "labels": []}
    {"text": "weak", "labels": ["alpha"]}
    {"text": "strong veto", "labels": []}
    {"text": "strong veto beta", "labels": ["alpha", "beta"]}
    {"text": "beta strong", "labels": ["beta"]}
    {"text": "beta", "labels": []}
    {"text": "nothing here", "labels": ["beta"]}
    {"text": "Beta again", "labels": []}
    """

  private static func evaluate(_ lines: String = corpus) throws -> Evaluation {
    try Evaluation(
      classifier: Classifier(loading: [alpha, beta]),
      corpus: LabelledCorpus(parsing: lines, name: "c.jsonl"))
  }

  private static func isClose(_ value: Double, _ expected: Double) -> Bool {
    abs(value - expected) < 1e-12
  }

  private static func rule(_ name: String, in evaluation: Evaluation) throws
    -> Evaluation.RuleResult
  {
    try #require(evaluation.rules.first { $0.name == name })
  }

  @Test("true positives, false positives and false negatives are counted per category")
  func counts() throws {
    let evaluation = try Self.evaluate()
    #expect(evaluation.categories.map(\.name) == ["alpha", "beta"])
    let counts = evaluation.categories.map {
      [$0.truePositives, $0.falsePositives, $0.falseNegatives, $0.support]
    }
    #expect(counts == [[2, 2, 2, 4], [2, 2, 1, 3]])
    #expect(evaluation.exampleCount == 10)
  }

  @Test("precision, recall and F1 per category are the hand-computed fractions")
  func categoryScores() throws {
    let evaluation = try Self.evaluate()
    let alpha = evaluation.categories[0]
    #expect(alpha.precision == 0.5 && alpha.recall == 0.5 && alpha.f1 == 0.5)
    let beta = evaluation.categories[1]
    #expect(beta.precision == 0.5)
    #expect(beta.recall == 2.0 / 3.0)
    #expect(Self.isClose(beta.f1, 4.0 / 7.0), "beta F1 \(beta.f1)")
  }

  @Test("micro F1 pools every label, macro F1 averages the categories' F1")
  func pooledScores() throws {
    let evaluation = try Self.evaluate()
    #expect(Self.isClose(evaluation.microF1, 8.0 / 15.0), "micro F1 \(evaluation.microF1)")
    #expect(Self.isClose(evaluation.macroF1, 15.0 / 28.0), "macro F1 \(evaluation.macroF1)")
    #expect(evaluation.exactMatchRate == 0.3)
  }

  @Test("a category without labels, given or expected, scores 0 rather than dividing by zero")
  func emptyCategory() throws {
    let evaluation = try Self.evaluate(#"{"text": "strong", "labels": ["alpha"]}"#)
    let beta = evaluation.categories[1]
    #expect((beta.precision, beta.recall, beta.f1) == (0, 0, 0))
    #expect(evaluation.categories[0].f1 == 1)
    #expect(evaluation.microF1 == 1)
    #expect(evaluation.macroF1 == 0.5)
  }

  @Test("confusions give the gold labels of false positives and the labels given on misses")
  func confusions() throws {
    let evaluation = try Self.evaluate()
    let alpha = evaluation.categories[0]
    // Line 3 has no gold label, line 7 is gold beta.
    #expect(alpha.falsePositiveGold == ["none": 1, "beta": 1])
    // Line 4 was given nothing, line 6 was given beta only.
    #expect(alpha.falseNegativePredicted == ["none": 1, "beta": 1])
    let beta = evaluation.categories[1]
    #expect(beta.falsePositiveGold == ["none": 2])
    #expect(beta.falseNegativePredicted == ["none": 1])
  }

  @Test("a rule's hits, gold hits and precision count the segments it fired in")
  func ruleHits() throws {
    let evaluation = try Self.evaluate()
    #expect(
      evaluation.rules.map(\.name) == [
        "alpha/strong", "alpha/weak", "alpha/veto", "alpha/unused", "beta/word",
      ])
    // strong fires on lines 1, 3, 5, 6, 7; gold alpha on 1 and 6.
    let strong = try Self.rule("alpha/strong", in: evaluation)
    #expect((strong.hits, strong.goldHits, strong.agreeingHits) == (5, 2, 2))
    #expect(strong.precision == 0.4)
    // weak fires on lines 2, 3, 4; gold alpha on 2 and 4.
    let weak = try Self.rule("alpha/weak", in: evaluation)
    #expect((weak.hits, weak.goldHits, weak.agreeingHits) == (3, 2, 2))
    #expect(weak.precision == 2.0 / 3.0)
    // beta/word fires on lines 6, 7, 8, 10 (case-insensitively); gold beta on 6 and 7.
    let word = try Self.rule("beta/word", in: evaluation)
    #expect((word.hits, word.goldHits, word.agreeingHits) == (4, 2, 2))
    #expect(word.precision == 0.5)
    let unused = try Self.rule("alpha/unused", in: evaluation)
    #expect((unused.hits, unused.goldHits, unused.agreeingHits) == (0, 0, 0))
    #expect(unused.precision == 0)
  }

  @Test("a negative rule's hit agrees where the gold labels lack its category")
  func negativeRuleAgreement() throws {
    let evaluation = try Self.evaluate()
    // veto fires on line 5 (gold none: agrees) and line 6 (gold alpha: disagrees).
    let veto = try Self.rule("alpha/veto", in: evaluation)
    #expect((veto.hits, veto.goldHits, veto.agreeingHits) == (2, 1, 1))
    #expect(veto.precision == 0.5)
  }

  @Test("a rule decides a label when taking its contribution away flips it, right or wrong")
  func decidedLabels() throws {
    let evaluation = try Self.evaluate()
    var decided: [String: [Int]] = [:]
    for rule in evaluation.rules { decided[rule.name] = [rule.decidedRight, rule.decidedWrong] }
    #expect(
      decided == [
        // Line 1 (2 -> 0: right), line 7 (2 -> 0: wrong); lines 3, 5, 6 do not flip.
        "alpha/strong": [1, 1],
        // Line 2 (2 -> 0: right); line 3 (4 -> 2) and line 4 (1 -> 0) do not flip.
        "alpha/weak": [1, 0],
        // Line 5 (0 -> 2: withholding alpha was right), line 6 (0 -> 2: wrong, gold alpha).
        "alpha/veto": [1, 1],
        "alpha/unused": [0, 0],
        // Lines 6 and 7 right, lines 8 and 10 wrong.
        "beta/word": [2, 2],
      ])
  }

  @Test("a keyword list's contribution is the sum of its terms capped by max")
  func cappedContribution() throws {
    // Score 4: without weak's capped 2 it is still 2, at the threshold, so nothing flips;
    // the uncapped sum 3 would have flipped it.
    let capped = try Self.evaluate(#"{"text": "strong weak faint slight", "labels": []}"#)
    let weak = try Self.rule("alpha/weak", in: capped)
    #expect((weak.hits, weak.decidedRight, weak.decidedWrong) == (1, 0, 0))
    // Alone, the capped list reaches the threshold and decides the (wrong) label.
    let alone = try Self.evaluate(#"{"text": "weak faint slight", "labels": []}"#)
    let decisive = try Self.rule("alpha/weak", in: alone)
    #expect((decisive.hits, decisive.decidedRight, decisive.decidedWrong) == (1, 0, 1))
    #expect(alone.categories[0].falsePositives == 1)
  }

  @Test("mistakes are the segments with any label wrong, with labels, scores and evidence")
  func mistakes() throws {
    let evaluation = try Self.evaluate()
    #expect(evaluation.mistakes.map(\.example.location.line) == [3, 4, 6, 7, 8, 9, 10])
    let line7 = try #require(evaluation.mistakes.first { $0.example.location.line == 7 })
    #expect(line7.example.labels == ["beta"])
    #expect(line7.predicted == ["alpha", "beta"])
    #expect(line7.scores == ["alpha": 2, "beta": 1])
    // Keyword hits in text order, then patterns in rule order.
    #expect(
      line7.evidence == [
        Evaluation.Trace(
          rule: "beta/word", term: "beta", weight: 1, text: "beta", isInPreviousSegment: false),
        Evaluation.Trace(
          rule: "alpha/strong", weight: 2, text: "strong", isInPreviousSegment: false),
      ])
    let line9 = try #require(evaluation.mistakes.first { $0.example.location.line == 9 })
    #expect(line9.predicted.isEmpty && line9.evidence.isEmpty)
  }

  @Test("the report gives percentages, confusions and the rule table with silent rules")
  func report() throws {
    let report = try Self.evaluate().report
    let lines = report.split(separator: "\n").map(String.init)
    #expect(lines.contains("micro F1 53.3; macro F1 53.6; exact match 30.0 of 10 segments"))
    let words = lines.map { $0.split(separator: " ").map(String.init) }
    #expect(words.contains(["alpha", "4", "50.0", "50.0", "50.0"]))
    #expect(words.contains(["beta", "3", "50.0", "66.7", "57.1"]))
    #expect(
      lines.contains("  alpha: false positives 2 [beta 1, none 1]; missed 2 [beta 1, none 1]"))
    #expect(lines.contains("  beta: false positives 2 [none 2]; missed 1 [none 1]"))
    #expect(words.contains(["alpha/strong", "5", "2", "40.0", "1", "1"]))
    #expect(words.contains(["alpha/weak", "3", "2", "66.7", "1", "0"]))
    #expect(words.contains(["alpha/veto", "2", "1", "50.0", "1", "1"]))
    #expect(words.contains(["beta/word", "4", "2", "50.0", "2", "2"]))
    #expect(!words.contains { $0.first == "alpha/unused" })
    #expect(lines.last == "never fired: alpha/unused")
  }

  @Test("error lines say what was wrong, then the text and each piece of evidence")
  func errorLines() throws {
    let lines = try Self.evaluate().errorLines
    let start = try #require(lines.firstIndex { $0.hasPrefix("c.jsonl:6:1:") })
    #expect(
      Array(lines[start..<start + 5]) == [
        "c.jsonl:6:1: missed alpha (gold [alpha,beta], given [beta])",
        "  strong veto beta",
        "    +1 beta/word: beta",
        "    +2 alpha/strong: strong",
        "    -2 alpha/veto: veto",
      ])
    #expect(lines.contains("c.jsonl:7:1: false positive alpha (gold [beta], given [alpha,beta])"))
    #expect(lines.contains("c.jsonl:8:1: false positive beta (gold [], given [beta])"))
    #expect(lines.contains("c.jsonl:9:1: missed beta (gold [beta], given [])"))
    #expect(!lines.contains { $0.hasPrefix("c.jsonl:1:") || $0.hasPrefix("c.jsonl:5:") })
  }

  @Test("the JSON document carries the same figures as fractions, errors only when asked")
  func json() throws {
    let evaluation = try Self.evaluate()
    let plain = try #require(
      JSONSerialization.jsonObject(with: Data(evaluation.json(includeErrors: false)))
        as? [String: Any])
    #expect(
      Set(plain.keys) == ["segments", "micro_f1", "macro_f1", "exact_match", "categories", "rules"])
    #expect(plain["segments"] as? Int == 10)
    #expect((plain["micro_f1"] as? Double).map { Self.isClose($0, 8.0 / 15.0) } == true)
    let categories = try #require(plain["categories"] as? [[String: Any]])
    #expect(categories.map { $0["name"] as? String } == ["alpha", "beta"])
    #expect(categories[1]["recall"] as? Double == 2.0 / 3.0)
    #expect(categories[1]["false_positives"] as? Int == 2)
    #expect(categories[0]["false_positive_gold"] as? [String: Int] == ["none": 1, "beta": 1])
    let rules = try #require(plain["rules"] as? [[String: Any]])
    #expect(rules.map { $0["decided_wrong"] as? Int } == [1, 0, 1, 0, 2])

    let withErrors = try #require(
      JSONSerialization.jsonObject(with: Data(evaluation.json(includeErrors: true)))
        as? [String: Any])
    let errors = try #require(withErrors["errors"] as? [[String: Any]])
    #expect(
      errors.map { $0["location"] as? String }
        == (["3", "4", "6", "7", "8", "9", "10"].map { "c.jsonl:\($0):1" }))
    let evidence = try #require(errors[3]["evidence"] as? [[String: Any]])
    #expect(evidence.map { $0["rule"] as? String } == ["beta/word", "alpha/strong"])
    #expect(evidence.allSatisfy { $0["in_previous_segment"] as? Bool == false })
  }
}
