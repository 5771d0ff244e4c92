/// One reason for a score: a rule that fired, what it added and the bytes it matched.
public struct Evidence: Sendable, Hashable {
  /// The rule's index in `Classifier.rules`.
  public var rule: Int
  /// For a keyword list, the index of the term found in the rule's `terms`.
  public var term: Int?
  /// The rule's or term's weight. A keyword list's `max` may cap what its terms add together.
  public var weight: Double
  /// The byte range matched, relative to the start of the segment it is in.
  public var range: Range<Int>
  /// Whether the match is in the previous segment (a rule with scope `previous-segment`) rather
  /// than in the segment classified.
  public var isInPreviousSegment = false

  /// The same evidence, marked as found in the previous segment.
  var inPreviousSegment: Evidence {
    var moved = self
    moved.isInPreviousSegment = true
    return moved
  }
}

/// A search that stopped before it knew whether its pattern matches the segment.
public struct FailedSearch: Sendable, Hashable {
  /// The rule's index in `Classifier.rules`.
  public var rule: Int
  /// Why it stopped.
  public var failure: MatchFailure
}
