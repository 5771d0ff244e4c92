import Testing

@testable import ClassifierCore

@Suite struct EvaluationTests {
  private static let rules = RuleSource(
    name: "r.yaml",
    text: """
      category: enforcement
      threshold: 1
      rules:
        - id: arrest
          keywords: {arrested: 1}
      """)

  @Test("precision, recall and F1 count each example's labels against the corpus")
  func scores() throws {
    let classifier = try Classifier(loading: [Self.rules])
    let corpus = try LabelledCorpus(
      parsing: """
        {"text": "Police arrested a man.", "labels": ["enforcement"]}
        {"text": "He was arrested in 2019, the report recalls.", "labels": []}

        {"text": "He was jailed.", "labels": ["enforcement"], "note": "missed on purpose"}
        {"text": "Nothing happened.", "labels": []}
        """, name: "c.jsonl")
    let evaluation = try Evaluation(classifier: classifier, corpus: corpus)
    let result = try #require(evaluation.categories.first)
    #expect((result.truePositives, result.falsePositives, result.falseNegatives) == (1, 1, 1))
    #expect(result.precision == 0.5 && result.recall == 0.5 && result.f1 == 0.5)
    #expect(evaluation.mistakes.map(\.example.location.line) == [2, 4])
    #expect(evaluation.exactMatchRate == 0.5)
    #expect(evaluation.table.contains("enforcement"))
  }

  @Test("a malformed line or an unknown label is an error at its line")
  func errors() throws {
    #expect(throws: CorpusError.self) {
      try LabelledCorpus(parsing: "{\"text\": 1, \"labels\": []}", name: "c.jsonl")
    }
    let classifier = try Classifier(loading: [Self.rules])
    let corpus = try LabelledCorpus(
      parsing: """
        {"text": "Police arrested a man.", "labels": ["enforcement"]}

        {"text": "He scored.", "labels": ["enforcement", "sport"]}
        """, name: "c.jsonl")
    do {
      _ = try Evaluation(classifier: classifier, corpus: corpus)
      Issue.record("expected an unknown-label error")
    } catch {
      #expect(error.location == SourceLocation(file: "c.jsonl", line: 3, column: 1))
      #expect(!error.isUnreadable)
      #expect(error.description == "c.jsonl:3:1: label 'sport' is not a category (enforcement)")
    }
  }
}
