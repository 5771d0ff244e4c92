/// The largest rule set classify loads: beyond these, loading fails with a diagnostic instead of
/// taking minutes and gigabytes.
///
/// Measured on a 2-core machine (release build): 100,000 keyword terms load in about 1.4 s and
/// 320 MB; a million take 22 s and 2.4 GB, most of it in YAML parsing and the literal automaton.
/// A pattern's size is bounded by PCRE2 itself (its compiled form must fit in 64 KiB), which
/// rejects an alternation of some thousands of words as "regular expression is too large".
public enum RuleLimits {
  /// The largest rule file, in bytes, parsed at all.
  public static let maximumFileBytes = 4 << 20
  /// The most keyword terms, over all keyword lists of a rule set.
  public static let maximumKeywordTerms = 100_000
}
