/// How a classifier's labels compare with a labelled corpus: per-category precision, recall and
/// F1, what each category is confused with, what each rule contributes, and the segments it got
/// wrong.
public struct Evaluation: Sendable {
  /// The counts and scores of one category.
  public struct CategoryResult: Sendable, Hashable {
    /// The category's name.
    public var name: String
    /// Segments labelled with the category both by the classifier and in the corpus.
    public var truePositives = 0
    /// Segments the classifier labelled with the category but the corpus does not.
    public var falsePositives = 0
    /// Segments the corpus labels with the category but the classifier does not.
    public var falseNegatives = 0
    /// For the false positives, how often each gold label (or `none`) was on the segment.
    public var falsePositiveGold: [String: Int] = [:]
    /// For the false negatives, how often each predicted label (or `none`) was given instead.
    public var falseNegativePredicted: [String: Int] = [:]

    /// The share of the classifier's labels that are right (0 when it gave none).
    public var precision: Double { Evaluation.ratio(truePositives, truePositives + falsePositives) }
    /// The share of the corpus's labels that the classifier found (0 when there are none).
    public var recall: Double { Evaluation.ratio(truePositives, truePositives + falseNegatives) }
    /// The harmonic mean of precision and recall.
    public var f1: Double { Evaluation.f1(precision, recall) }
    /// Segments the corpus labels with the category.
    public var support: Int { truePositives + falseNegatives }
  }

  /// What one rule did over the corpus.
  public struct RuleResult: Sendable, Hashable {
    /// The rule's name, `category/id`.
    public var name: String
    /// The rule's category.
    public var category: String
    /// Segments in which the rule fired.
    public var hits = 0
    /// Hits on segments whose gold labels include the rule's category.
    public var goldHits = 0
    /// Hits that pushed the right way: a positive contribution on a segment whose gold labels
    /// include the category, or a negative one on a segment whose gold labels do not.
    public var agreeingHits = 0
    /// Labels (given or withheld) that were right and would flip without the rule.
    public var decidedRight = 0
    /// Labels (given or withheld) that were wrong and would flip without the rule.
    public var decidedWrong = 0

    /// The share of hits that pushed the right way (0 when the rule never fired).
    public var precision: Double { Evaluation.ratio(agreeingHits, hits) }
  }

  /// A segment with the labels the classifier gave it.
  public struct Outcome: Sendable, Hashable {
    /// The segment.
    public var example: LabelledCorpus.Example
    /// The labels the classifier gave.
    public var predicted: Set<String>
    /// The scores, by category name.
    public var scores: [String: Double]
    /// What fired, in the classifier's evidence order.
    public var evidence: [Trace]

    /// Whether the predicted labels differ from the gold ones.
    public var isMistake: Bool { predicted != example.labels }
  }

  /// One piece of evidence of a mistake, resolved to names and text.
  public struct Trace: Sendable, Hashable {
    /// The rule's name, `category/id`.
    public var rule: String
    /// For a keyword list, the term found.
    public var term: String?
    /// What it added.
    public var weight: Double
    /// The text it matched.
    public var text: String
    /// Whether the text is in the previous segment.
    public var isInPreviousSegment: Bool
  }

  /// One result per category, in category order.
  public var categories: [CategoryResult]
  /// One result per rule, in `Classifier.rules` order.
  public var rules: [RuleResult]
  /// Every segment, in corpus order.
  public var outcomes: [Outcome]
  /// The number of segments.
  public var exampleCount: Int

  /// Classifies the corpus's segments in order, each with the context of the segments before it
  /// in its document, and compares the labels.
  ///
  /// - Throws: `CorpusError` when a segment has a label that is not a category of the
  ///   classifier.
  public init(classifier: Classifier, corpus: LabelledCorpus) throws(CorpusError) {
    let names = classifier.categories.map(\.name)
    let thresholds = classifier.categories.map(\.threshold)
    categories = names.map { CategoryResult(name: $0) }
    rules = classifier.rules.map { RuleResult(name: $0.name, category: names[$0.category]) }
    outcomes = []
    exampleCount = corpus.examples.count
    var workspace = ClassifierWorkspace(for: classifier)
    var previous: (text: [UInt8], document: String?, file: String)?
    for example in corpus.examples {
      if let unknown = example.labels.first(where: { !names.contains($0) }) {
        throw CorpusError(
          location: example.location,
          message: "label '\(unknown)' is not a category (\(names.joined(separator: ", ")))")
      }
      let boundary: SegmentBoundary =
        previous?.document == example.document && previous?.file == example.location.file
        ? .withinParagraph : .documentStart
      let bytes = Array(example.text.utf8)
      bytes.withUnsafeBufferPointer { classifier.classify($0, after: boundary, in: &workspace) }
      let result = workspace.result
      let predicted = Set(result.labels.map { names[$0] })
      let gold = example.labels

      // What each rule that fired added to its category's score.
      var sums: [Int: Double] = [:]
      var fired: [Int] = []
      for evidence in result.evidence {
        if sums[evidence.rule] == nil { fired.append(evidence.rule) }
        sums[evidence.rule, default: 0] += evidence.weight
      }
      for rule in fired {
        let contribution = min(sums[rule] ?? 0, classifier.rules[rule].maximum ?? .infinity)
        let category = classifier.rules[rule].category
        let name = names[category]
        rules[rule].hits += 1
        if gold.contains(name) { rules[rule].goldHits += 1 }
        if (contribution >= 0) == gold.contains(name) { rules[rule].agreeingHits += 1 }
        let score = result.scores[category]
        let flips =
          (score >= thresholds[category]) != (score - contribution >= thresholds[category])
        if flips {
          if predicted.contains(name) == gold.contains(name) {
            rules[rule].decidedRight += 1
          } else {
            rules[rule].decidedWrong += 1
          }
        }
      }

      for (index, name) in names.enumerated() {
        switch (predicted.contains(name), gold.contains(name)) {
        case (true, true):
          categories[index].truePositives += 1
        case (true, false):
          categories[index].falsePositives += 1
          for label in gold.isEmpty ? ["none"] : Array(gold) {
            categories[index].falsePositiveGold[label, default: 0] += 1
          }
        case (false, true):
          categories[index].falseNegatives += 1
          for label in predicted.isEmpty ? ["none"] : Array(predicted) {
            categories[index].falseNegativePredicted[label, default: 0] += 1
          }
        case (false, false):
          break
        }
      }
      let traces = result.evidence.map { evidence in
        let source = evidence.isInPreviousSegment ? previous?.text ?? [] : bytes
        let text =
          evidence.range.upperBound <= source.count
          ? String(decoding: source[evidence.range], as: UTF8.self) : ""
        let rule = classifier.rules[evidence.rule]
        return Trace(
          rule: rule.name, term: evidence.term.map { rule.terms[$0].text },
          weight: evidence.weight, text: text, isInPreviousSegment: evidence.isInPreviousSegment)
      }
      outcomes.append(
        Outcome(
          example: example, predicted: predicted,
          scores: Dictionary(uniqueKeysWithValues: zip(names, result.scores)),
          evidence: traces))
      previous = (bytes, example.document, example.location.file)
    }
  }

  /// The segments with any label wrong, in corpus order.
  public var mistakes: [Outcome] { outcomes.filter(\.isMistake) }

  /// The unweighted mean of the categories' F1.
  public var macroF1: Double {
    categories.isEmpty ? 0 : categories.map(\.f1).reduce(0, +) / Double(categories.count)
  }

  /// F1 over all labels of all categories pooled.
  public var microF1: Double {
    let truePositives = categories.map(\.truePositives).reduce(0, +)
    let falsePositives = categories.map(\.falsePositives).reduce(0, +)
    let falseNegatives = categories.map(\.falseNegatives).reduce(0, +)
    return Self.f1(
      Self.ratio(truePositives, truePositives + falsePositives),
      Self.ratio(truePositives, truePositives + falseNegatives))
  }

  /// The share of segments whose labels are all right.
  public var exactMatchRate: Double {
    Self.ratio(exampleCount - mistakes.count, exampleCount)
  }

  static func ratio(_ part: Int, _ whole: Int) -> Double {
    whole == 0 ? 0 : Double(part) / Double(whole)
  }

  static func f1(_ precision: Double, _ recall: Double) -> Double {
    precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
  }
}
