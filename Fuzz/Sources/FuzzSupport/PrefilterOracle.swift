import ClassifierCore

/// A classifier that runs every pattern on every segment, to check the prefilter against.
///
/// The classifier skips a pattern on a segment in which the literal automaton saw none of the
/// literals `RequiredLiterals` proved necessary. The oracle rewrites each pattern `P` as
/// `(?:P\E)|[^\s\S]`: the same matches (the second branch never matches; `\E` closes a `\Q`
/// that `P` leaves open and is ignored otherwise), but a branch whose literals are unknown, so
/// no literal is required and the pattern always runs. Both classifiers must then agree on every
/// segment.
public enum PrefilterOracle {
  /// The oracle for `classifier`, or `nil` when a rewritten pattern does not compile (a pattern
  /// that starts with an option such as `(*UTF)`, or ends in an extended-mode comment).
  public static func unfiltered(_ classifier: Classifier) -> Classifier? {
    let categories = classifier.ruleSet.categories.map { category in
      var category = category
      category.rules = category.rules.map { rule in
        guard case .pattern(let pattern) = rule.kind else { return rule }
        var rule = rule
        rule.kind = .pattern(
          PatternRule(
            pattern: "(?:" + pattern.pattern + #"\E)|[^\s\S]"#, weight: pattern.weight,
            isCaseSensitive: pattern.isCaseSensitive, location: rule.location))
        return rule
      }
      return category
    }
    return try? Classifier(ruleSet: RuleSet(categories: categories), options: classifier.options)
  }
}
