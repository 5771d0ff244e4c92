/// One rule of a category: a regular expression or a weighted keyword list.
public struct RuleDefinition: Sendable {
  /// What a rule matches and how it scores.
  public enum Kind: Sendable {
    /// A PCRE2 pattern that adds `weight` once per segment in which it matches.
    case pattern(PatternRule)
    /// A keyword list that adds the weights of the distinct terms found, capped by `max`.
    case keywords(KeywordList)
  }

  /// The id, unique within its category.
  public var id: String
  /// The matcher.
  public var kind: Kind
  /// What text the rule looks at.
  public var scope: RuleScope
  /// Where the rule was defined.
  public var location: SourceLocation

  /// Creates a rule definition.
  public init(id: String, kind: Kind, scope: RuleScope = .segment, location: SourceLocation) {
    self.id = id
    self.kind = kind
    self.scope = scope
    self.location = location
  }
}

/// A regular-expression rule.
public struct PatternRule: Sendable {
  /// The PCRE2 pattern as written.
  public var pattern: String
  /// What one or more matches in a segment add to the category's score; may be negative.
  public var weight: Double
  /// Whether case matters; patterns are caseless unless the rule says `case: sensitive`.
  public var isCaseSensitive: Bool
  /// Maps offsets in `pattern` back to the rule file, for compile errors.
  var sourceMap: ScalarSourceMap

  /// Creates a pattern rule whose compile errors are reported at `location`.
  public init(pattern: String, weight: Double, isCaseSensitive: Bool, location: SourceLocation) {
    self.init(
      pattern: pattern, weight: weight, isCaseSensitive: isCaseSensitive,
      sourceMap: ScalarSourceMap(start: location))
  }

  init(pattern: String, weight: Double, isCaseSensitive: Bool, sourceMap: ScalarSourceMap) {
    self.pattern = pattern
    self.weight = weight
    self.isCaseSensitive = isCaseSensitive
    self.sourceMap = sourceMap
  }
}

/// A weighted keyword list.
public struct KeywordList: Sendable {
  /// The terms, in file order; no two have the same normalized form.
  public var terms: [KeywordTerm]
  /// The most the list adds to a segment's score, if capped.
  public var max: Double?

  /// Creates a keyword list.
  public init(terms: [KeywordTerm], max: Double?) {
    self.terms = terms
    self.max = max
  }
}
