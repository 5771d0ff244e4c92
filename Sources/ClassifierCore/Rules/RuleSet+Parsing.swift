extension RuleSet {
  /// Parses rule files into a rule set.
  ///
  /// - Parameter sources: the YAML texts, one category per file.
  /// - Throws: `RuleLoadError` with every problem of every file; nothing is loaded then.
  public init(parsing sources: [RuleSource]) throws(RuleLoadError) {
    let (ruleSet, diagnostics) = Self.parse(sources)
    guard diagnostics.isEmpty else { throw RuleLoadError(diagnostics: diagnostics) }
    self = ruleSet
  }

  /// Parses what can be parsed, returning it together with every problem found.
  static func parse(_ sources: [RuleSource]) -> (RuleSet, [RuleDiagnostic]) {
    var diagnostics: [RuleDiagnostic] = []
    var categories: [CategoryDefinition] = []
    var fileOfCategory: [String: String] = [:]
    if sources.isEmpty {
      diagnostics.append(
        RuleDiagnostic(location: .wholeFile("rules"), message: "no rule files were given"))
    }
    for source in sources {
      var parser = RuleFileParser(source: source)
      let category = parser.parse()
      diagnostics += parser.diagnostics
      guard let category else { continue }
      if let file = fileOfCategory[category.name] {
        diagnostics.append(
          RuleDiagnostic(
            location: category.location,
            message: "duplicate category '\(category.name)' (also defined in \(file))"))
        continue
      }
      fileOfCategory[category.name] = source.name
      categories.append(category)
    }
    diagnostics += keywordLimitDiagnostics(categories)
    return (RuleSet(categories: categories), diagnostics)
  }

  /// A diagnostic at the keyword list that takes the rule set past `RuleLimits.maximumKeywordTerms`.
  private static func keywordLimitDiagnostics(_ categories: [CategoryDefinition])
    -> [RuleDiagnostic]
  {
    var total = 0
    var overflow: SourceLocation?
    for category in categories {
      for rule in category.rules {
        guard case .keywords(let list) = rule.kind else { continue }
        total += list.terms.count
        if total > RuleLimits.maximumKeywordTerms && overflow == nil { overflow = rule.location }
      }
    }
    guard let overflow else { return [] }
    return [
      RuleDiagnostic(
        location: overflow,
        message:
          "the keyword lists hold \(total) terms in all, over the limit of "
          + "\(RuleLimits.maximumKeywordTerms); this list passes it")
    ]
  }
}
