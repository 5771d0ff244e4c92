import Foundation
import Testing

@testable import ClassifierCore

/// The stock rules measured on our own labelled corpus: `Corpus/dev.jsonl`, which the rules are
/// written against, and `Corpus/test.jsonl`, which is never used to write or tune them. The
/// floors are the figures measured when they were last raised, less a little room; raise them
/// when the rules improve, and never lower them to make a change pass.
@Suite struct StockRulesAccuracyTests {
  static func corpusPath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Corpus/\(name)").path
  }

  /// F1 floors per category, for each split.
  static let floors: [String: [String: Double]] = [
    "dev.jsonl": ["enforcement": 0.86, "policy": 0.83, "quote": 0.96, "statistic": 0.92],
    "test.jsonl": ["enforcement": 0.81, "policy": 0.79, "quote": 0.97, "statistic": 0.85],
  ]

  @Test(
    "every category's F1 stays above its floor on each split",
    arguments: ["dev.jsonl", "test.jsonl"])
  func floorsHold(split: String) throws {
    let path = Self.corpusPath(split)
    let corpus = try LabelledCorpus(contentsOf: path)
    #expect(corpus.examples.count >= 500)
    let evaluation = try Evaluation(
      classifier: Classifier(loading: RuleSource.stock), corpus: corpus)
    print("Stock rules on \(path):\n\(evaluation.table)")
    let floors = try #require(Self.floors[split])
    for result in evaluation.categories {
      let floor = try #require(floors[result.name])
      #expect(result.f1 >= floor, "\(split): \(result.name) F1 \(result.f1) fell below \(floor)")
    }
  }
}
