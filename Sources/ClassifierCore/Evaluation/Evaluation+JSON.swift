import Foundation

extension Evaluation {
  /// The whole evaluation as one JSON document (UTF-8), for scripts and CI: categories with
  /// their counts, scores and confusions, micro and macro F1, rules, and, when `includeErrors`,
  /// the mistakes with their evidence, and, when `includeSegments`, every segment (`outcomes`) with
  /// its labels and evidence. Figures are fractions from 0 to 1.
  public func json(includeErrors: Bool, includeSegments: Bool = false) -> [UInt8] {
    let document = Document(
      segments: exampleCount, microF1: microF1, macroF1: macroF1, exactMatch: exactMatchRate,
      categories: categories.map {
        Document.Category(
          name: $0.name, support: $0.support, truePositives: $0.truePositives,
          falsePositives: $0.falsePositives, falseNegatives: $0.falseNegatives,
          precision: $0.precision, recall: $0.recall, f1: $0.f1,
          falsePositiveGold: $0.falsePositiveGold, falseNegativePredicted: $0.falseNegativePredicted
        )
      },
      rules: rules.map {
        Document.Rule(
          name: $0.name, category: $0.category, hits: $0.hits, goldHits: $0.goldHits,
          precision: $0.precision, decidedRight: $0.decidedRight, decidedWrong: $0.decidedWrong)
      },
      errors: includeErrors ? mistakes.map(Document.Error.init) : nil,
      outcomes: includeSegments ? outcomes.map(Document.Error.init) : nil)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    // Encoding plain structs of strings and numbers cannot fail.
    return Array((try? encoder.encode(document)) ?? Data())
  }

  private struct Document: Encodable {
    struct Category: Encodable {
      var name: String
      var support, truePositives, falsePositives, falseNegatives: Int
      var precision, recall, f1: Double
      var falsePositiveGold, falseNegativePredicted: [String: Int]
    }
    struct Rule: Encodable {
      var name, category: String
      var hits, goldHits: Int
      var precision: Double
      var decidedRight, decidedWrong: Int
    }
    struct Trace: Encodable {
      var rule: String
      var term: String?
      var weight: Double
      var text: String
      var inPreviousSegment: Bool
    }
    /// A segment's outcome.
    struct Error: Encodable {
      var location, text: String
      var gold, predicted: [String]
      var scores: [String: Double]
      var evidence: [Trace]

      init(_ outcome: Outcome) {
        location = outcome.example.location.description
        text = outcome.example.text
        gold = outcome.example.labels.sorted()
        predicted = outcome.predicted.sorted()
        scores = outcome.scores
        evidence = outcome.evidence.map {
          Trace(
            rule: $0.rule, term: $0.term, weight: $0.weight, text: $0.text,
            inPreviousSegment: $0.isInPreviousSegment)
        }
      }
    }
    var segments: Int
    var microF1, macroF1, exactMatch: Double
    var categories: [Category]
    var rules: [Rule]
    var errors: [Error]?
    var outcomes: [Error]?
  }
}
