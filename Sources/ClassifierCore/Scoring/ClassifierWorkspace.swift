/// The working memory of classification on one thread: PCRE2 match data and the tables that
/// collect hits, allocated once and reused for every segment.
///
/// Not `Sendable`: make one per thread with `init(for:)` and pass it to each `classify` call.
/// After a call, `result` holds that segment's classification until the next call.
public struct ClassifierWorkspace {
  let scratch: MatchScratch
  /// Stamps that mark what was seen in the current segment without clearing tables per segment.
  var generation: UInt32 = 0
  var termSeen: [UInt32]
  var patternQueued: [UInt32]
  var listTouched: [UInt32]
  var listSums: [Double]
  var queuedPatterns: [Int] = []
  var touchedLists: [Int] = []

  /// The classification of the segment most recently passed to `Classifier.classify`.
  public internal(set) var result: SegmentClassification

  /// Creates a workspace sized for `classifier`.
  public init(for classifier: Classifier) {
    let compiled = classifier.compiled
    scratch = MatchScratch(matchLimit: classifier.options.matchLimit)
    termSeen = Array(repeating: 0, count: compiled.terms.count)
    patternQueued = Array(repeating: 0, count: compiled.patterns.count)
    listTouched = Array(repeating: 0, count: compiled.keywordLists.count)
    listSums = Array(repeating: 0, count: compiled.keywordLists.count)
    queuedPatterns.reserveCapacity(compiled.patterns.count)
    touchedLists.reserveCapacity(compiled.keywordLists.count)
    result = SegmentClassification(categoryCount: compiled.thresholds.count)
  }

  /// Clears the previous segment's result and starts a new stamp generation.
  mutating func beginSegment() {
    generation &+= 1
    if generation == 0 {
      for index in termSeen.indices { termSeen[index] = 0 }
      for index in patternQueued.indices { patternQueued[index] = 0 }
      for index in listTouched.indices { listTouched[index] = 0 }
      generation = 1
    }
    for index in result.scores.indices {
      result.scores[index] = 0
      result.isLabelled[index] = false
    }
    result.evidence.removeAll(keepingCapacity: true)
    result.failedSearches.removeAll(keepingCapacity: true)
    queuedPatterns.removeAll(keepingCapacity: true)
    touchedLists.removeAll(keepingCapacity: true)
  }
}
