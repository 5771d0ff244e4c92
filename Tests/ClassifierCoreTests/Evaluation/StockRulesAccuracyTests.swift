import Foundation
import Testing

@testable import ClassifierCore

/// The stock rules measured on our own labelled corpus, `Corpus/dev.jsonl`. The floors are the
/// figures measured when they were last raised, less a little room; raise them when the rules
/// improve, and never lower them to make a change pass.
@Suite struct StockRulesAccuracyTests {
  static let corpusPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Corpus/dev.jsonl").path

  /// F1 floors, per category.
  static let floors: [String: Double] = [
    "enforcement": 0.90, "policy": 0.90, "quote": 0.95, "statistic": 0.85,
  ]

  @Test("every category's F1 on the dev corpus stays above its floor")
  func floorsHold() throws {
    let corpus = try LabelledCorpus(contentsOf: Self.corpusPath)
    #expect(corpus.examples.count >= 200)
    let evaluation = try Evaluation(
      classifier: Classifier(loading: RuleSource.stock), corpus: corpus)
    print("Stock rules on \(Self.corpusPath):\n\(evaluation.table)")
    for result in evaluation.categories {
      let floor = try #require(Self.floors[result.name])
      #expect(result.f1 >= floor, "\(result.name) F1 \(result.f1) fell below \(floor)")
    }
  }
}
