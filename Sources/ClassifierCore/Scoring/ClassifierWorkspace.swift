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
  var branchQueued: [UInt32]
  /// Which requirement sets the automaton reported in the segment.
  var setSeen: [UInt32]
  var listTouched: [UInt32]
  var listSums: [Double]
  var queuedBranches: [Int] = []
  var touchedLists: [Int] = []
  /// What rules with scope `previous-segment` found in the current segment, for the next one.
  var pendingScores: [Double]
  var pendingEvidence: [Evidence] = []
  /// The quotation marks of the document's segments so far.
  var quotation = QuotationTracker()
  /// Whether the current segment starts inside a quotation an earlier segment opened.
  var continuesQuotation = false

  /// The classification of the segment most recently passed to `Classifier.classify`.
  public internal(set) var result: SegmentClassification

  /// Creates a workspace sized for `classifier`.
  public init(for classifier: Classifier) {
    let compiled = classifier.compiled
    scratch = MatchScratch(matchLimit: classifier.options.matchLimit)
    termSeen = Array(repeating: 0, count: compiled.terms.count)
    branchQueued = Array(repeating: 0, count: compiled.branches.count)
    setSeen = Array(repeating: 0, count: compiled.setCount)
    listTouched = Array(repeating: 0, count: compiled.keywordLists.count)
    listSums = Array(repeating: 0, count: compiled.keywordLists.count)
    queuedBranches.reserveCapacity(compiled.branches.count)
    touchedLists.reserveCapacity(compiled.keywordLists.count)
    result = SegmentClassification(categoryCount: compiled.thresholds.count)
    pendingScores = Array(repeating: 0, count: compiled.thresholds.count)
  }

  /// Clears the previous segment's result, starts a new stamp generation and takes over what the
  /// previous segment left for this one: its contribution to the scores and the quotation state.
  mutating func beginSegment(_ segment: UnsafeBufferPointer<UInt8>, after boundary: SegmentBoundary)
  {
    generation &+= 1
    if generation == 0 {
      for index in termSeen.indices { termSeen[index] = 0 }
      for index in branchQueued.indices { branchQueued[index] = 0 }
      for index in setSeen.indices { setSeen[index] = 0 }
      for index in listTouched.indices { listTouched[index] = 0 }
      generation = 1
    }
    if boundary == .documentStart {
      quotation.reset()
      for index in pendingScores.indices { pendingScores[index] = 0 }
      pendingEvidence.removeAll(keepingCapacity: true)
    }
    continuesQuotation = quotation.continues(segment, after: boundary)
    for index in result.scores.indices {
      result.scores[index] = pendingScores[index]
      result.isLabelled[index] = false
      pendingScores[index] = 0
    }
    result.evidence.removeAll(keepingCapacity: true)
    result.evidence.append(contentsOf: pendingEvidence)
    pendingEvidence.removeAll(keepingCapacity: true)
    result.failedSearches.removeAll(keepingCapacity: true)
    queuedBranches.removeAll(keepingCapacity: true)
    touchedLists.removeAll(keepingCapacity: true)
  }
}

extension ClassifierWorkspace {
  /// Forgets the previous segment's context and takes `quotation` as the state of the document
  /// so far: for a thread that picks up a document in the middle.
  mutating func resume(quotation: QuotationTracker) {
    self.quotation = quotation
    for index in pendingScores.indices { pendingScores[index] = 0 }
    pendingEvidence.removeAll(keepingCapacity: true)
  }
}
