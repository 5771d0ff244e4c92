/// One reason for a score: a rule that fired, what it added and the bytes it matched.
public struct Evidence: Sendable, Hashable {
  /// The rule's index in `Classifier.rules`.
  public var rule: Int
  /// For a keyword list, the index of the term found in the rule's `terms`.
  public var term: Int?
  /// The rule's or term's weight. A keyword list's `max` may cap what its terms add together.
  public var weight: Double
  /// The byte range matched, relative to the segment's start.
  public var range: Range<Int>
}

/// A search that stopped before it knew whether its pattern matches the segment.
public struct FailedSearch: Sendable, Hashable {
  /// The rule's index in `Classifier.rules`.
  public var rule: Int
  /// Why it stopped.
  public var failure: MatchFailure
}
