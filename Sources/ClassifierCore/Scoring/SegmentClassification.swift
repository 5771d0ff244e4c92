/// A segment's scores, labels and evidence.
public struct SegmentClassification: Sendable {
  /// The score of each category, indexed like `Classifier.categories`.
  public internal(set) var scores: [Double]
  /// Whether each category's score reached its threshold, indexed like `scores`.
  public internal(set) var isLabelled: [Bool]
  /// What fired: what rules scoped to the previous segment found there, then keyword hits in
  /// text order, then pattern matches in rule order.
  public internal(set) var evidence: [Evidence]
  /// Pattern searches that hit a PCRE2 limit; their rules added nothing.
  public internal(set) var failedSearches: [FailedSearch]

  init(categoryCount: Int) {
    scores = Array(repeating: 0, count: categoryCount)
    isLabelled = Array(repeating: false, count: categoryCount)
    evidence = []
    failedSearches = []
  }

  /// The indices of the labelled categories, in category order.
  public var labels: [Int] { isLabelled.indices.filter { isLabelled[$0] } }
}
