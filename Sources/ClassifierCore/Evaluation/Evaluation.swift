/// How a classifier's labels compare with a labelled corpus: per-category precision, recall and
/// F1, and the examples it got wrong.
public struct Evaluation: Sendable {
  /// The counts and scores of one category.
  public struct CategoryResult: Sendable, Hashable {
    /// The category's name.
    public var name: String
    /// Examples labelled with the category both by the classifier and in the corpus.
    public var truePositives = 0
    /// Examples the classifier labelled with the category but the corpus does not.
    public var falsePositives = 0
    /// Examples the corpus labels with the category but the classifier does not.
    public var falseNegatives = 0

    /// The share of the classifier's labels that are right (0 when it gave none).
    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    /// The share of the corpus's labels that the classifier found (0 when there are none).
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    /// The harmonic mean of precision and recall.
    public var f1: Double {
      precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
    /// Examples the corpus labels with the category.
    public var support: Int { truePositives + falseNegatives }

    private func ratio(_ part: Int, _ whole: Int) -> Double {
      whole == 0 ? 0 : Double(part) / Double(whole)
    }
  }

  /// An example whose predicted labels differ from its expected ones.
  public struct Mistake: Sendable, Hashable {
    /// The example.
    public var example: LabelledCorpus.Example
    /// The labels the classifier gave.
    public var predicted: Set<String>
  }

  /// One result per category, in category order.
  public var categories: [CategoryResult]
  /// The examples with any label wrong, in corpus order.
  public var mistakes: [Mistake]
  /// The number of examples.
  public var exampleCount: Int

  /// Classifies each example's text as one segment and compares the labels.
  ///
  /// - Throws: `CorpusError` when an example has a label that is not a category of the
  ///   classifier.
  public init(classifier: Classifier, corpus: LabelledCorpus) throws(CorpusError) {
    let names = classifier.categories.map(\.name)
    categories = names.map { CategoryResult(name: $0) }
    mistakes = []
    exampleCount = corpus.examples.count
    var workspace = ClassifierWorkspace(for: classifier)
    for example in corpus.examples {
      if let unknown = example.labels.first(where: { !names.contains($0) }) {
        throw CorpusError(
          location: example.location,
          message: "label '\(unknown)' is not a category (\(names.joined(separator: ", ")))")
      }
      var bytes = Array(example.text.utf8)
      bytes.withUnsafeMutableBufferPointer { buffer in
        classifier.classify(UnsafeBufferPointer(buffer), in: &workspace)
      }
      let predicted = Set(workspace.result.labels.map { names[$0] })
      for (index, name) in names.enumerated() {
        switch (predicted.contains(name), example.labels.contains(name)) {
        case (true, true): categories[index].truePositives += 1
        case (true, false): categories[index].falsePositives += 1
        case (false, true): categories[index].falseNegatives += 1
        case (false, false): break
        }
      }
      if predicted != example.labels {
        mistakes.append(Mistake(example: example, predicted: predicted))
      }
    }
  }

  /// The unweighted mean of the categories' F1.
  public var macroF1: Double {
    categories.isEmpty ? 0 : categories.map(\.f1).reduce(0, +) / Double(categories.count)
  }

  /// The share of examples whose labels are all right.
  public var exactMatchRate: Double {
    exampleCount == 0 ? 0 : Double(exampleCount - mistakes.count) / Double(exampleCount)
  }

  /// A plain-text table: one row per category with support, precision, recall and F1, then the
  /// macro F1 and the exact-match rate.
  public var table: String {
    let width = max(8, categories.map(\.name.count).max() ?? 0)
    func pad(_ text: String, _ size: Int, left: Bool = false) -> String {
      let padding = String(repeating: " ", count: max(0, size - text.count))
      return left ? text + padding : padding + text
    }
    func percent(_ value: Double) -> String {
      let tenths = Int((value * 1000).rounded())
      return "\(tenths / 10).\(tenths % 10)"
    }
    var lines = [
      pad("category", width, left: true) + "  " + pad("support", 7) + "  " + pad("precision", 9)
        + "  " + pad("recall", 6) + "  " + pad("F1", 5)
    ]
    for result in categories {
      lines.append(
        pad(result.name, width, left: true) + "  " + pad("\(result.support)", 7) + "  "
          + pad(percent(result.precision), 9) + "  " + pad(percent(result.recall), 6) + "  "
          + pad(percent(result.f1), 5))
    }
    lines.append(
      "macro F1 \(percent(macroF1)); exact match \(percent(exactMatchRate)) of \(exampleCount) examples"
    )
    return lines.joined(separator: "\n")
  }
}
