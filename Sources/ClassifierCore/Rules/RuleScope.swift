/// What text a rule looks at, which lets rules use the context of earlier segments.
///
/// Scopes apply within a document: the first segment of a document has no previous segment and
/// continues no quotation.
public enum RuleScope: String, Sendable, CaseIterable {
  /// The segment itself (the default).
  case segment
  /// The segment before this one in the same document: what the rule finds there counts for this
  /// segment. A lead-in line such as `The director said:` makes the next segment a quote.
  case previousSegment = "previous-segment"
  /// The segment itself, but only when it starts inside a quotation that an earlier segment
  /// opened and did not close: a sentence in the middle of a quoted passage, or a paragraph that
  /// continues a multi-paragraph quotation.
  case continuedQuotation = "continued-quotation"
}
