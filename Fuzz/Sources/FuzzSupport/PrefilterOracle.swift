import ClassifierCore

/// A classifier that runs every pattern, whole, on every segment, to check the prefilter against.
///
/// The classifier splits a pattern at its alternations (`PatternBranches`) and runs a branch on
/// a segment only where the literal automaton saw one of the literals `RequiredLiterals` proved
/// necessary for it. The oracle is the same rule set compiled with
/// `Classifier.Options.usesLiteralPrefilter` off: no split, no skipping. Both classifiers must
/// then agree on every segment.
public enum PrefilterOracle {
  /// The oracle for `classifier` (`nil` only if its rules no longer compile, which they do).
  public static func unfiltered(_ classifier: Classifier) -> Classifier? {
    var options = classifier.options
    options.usesLiteralPrefilter = false
    return try? Classifier(ruleSet: classifier.ruleSet, options: options)
  }
}
