/// A compiled rule set: scores and labels segments of UTF-8 text.
///
/// Building one compiles and JIT-compiles every pattern once and merges every keyword list of
/// every category into one automaton. After that a classifier is read-only: share it between
/// threads freely and give each thread its own `ClassifierWorkspace`.
public struct Classifier: Sendable {
  /// Settings that apply to every search.
  public struct Options: Sendable, Hashable {
    /// PCRE2's match limit: how much backtracking one pattern may do on one segment before the
    /// search is stopped and reported as a failure.
    public var matchLimit: UInt32
    /// Whether a pattern runs only on segments where the literal automaton saw one of its
    /// required literals, split into its alternatives, each filtered by its own literals (the
    /// default). Turning it off runs every pattern, whole, on every segment: slower, with the
    /// same results; it exists to check exactly that.
    public var usesLiteralPrefilter: Bool

    /// Creates options; the default match limit is 1,000,000.
    public init(matchLimit: UInt32 = 1_000_000, usesLiteralPrefilter: Bool = true) {
      self.matchLimit = matchLimit
      self.usesLiteralPrefilter = usesLiteralPrefilter
    }
  }

  /// A rule as classification reports it.
  public struct Rule: Sendable {
    /// `category/id`, the name evidence reports.
    public var name: String
    /// The index of the rule's category in `categories`.
    public var category: Int
    /// The keyword list's terms, or empty for a pattern rule.
    public var terms: [KeywordTerm]
    /// What text the rule looks at.
    public var scope: RuleScope
    /// The most a keyword list adds to a segment, if capped; `nil` for patterns.
    public var maximum: Double?
  }

  /// The rule set this classifier was compiled from.
  public let ruleSet: RuleSet
  /// The options searches run with.
  public let options: Options
  /// Every rule, category by category in name order, each category's rules in file order.
  public let rules: [Rule]
  let compiled: CompiledRules

  /// The categories, sorted by name; scores and labels are indexed like this.
  public var categories: [CategoryDefinition] { ruleSet.categories }

  /// Compiles a rule set.
  ///
  /// - Throws: `RuleLoadError` listing every pattern PCRE2 rejects, at its place in its file.
  public init(ruleSet: RuleSet, options: Options = Options()) throws(RuleLoadError) {
    let (compiled, diagnostics) = CompiledRules.compile(
      ruleSet, splitsAlternations: options.usesLiteralPrefilter)
    guard diagnostics.isEmpty else { throw RuleLoadError(diagnostics: diagnostics) }
    self.init(ruleSet: ruleSet, options: options, compiled: compiled)
  }

  /// Parses and compiles rule files, reporting the problems of parsing and of compiling together.
  ///
  /// - Throws: `RuleLoadError` with every problem found; nothing is loaded then.
  public init(loading sources: [RuleSource], options: Options = Options()) throws(RuleLoadError) {
    let (ruleSet, parseDiagnostics) = RuleSet.parse(sources)
    let (compiled, compileDiagnostics) = CompiledRules.compile(
      ruleSet, splitsAlternations: options.usesLiteralPrefilter)
    let diagnostics = parseDiagnostics + compileDiagnostics
    guard diagnostics.isEmpty else { throw RuleLoadError(diagnostics: diagnostics) }
    self.init(ruleSet: ruleSet, options: options, compiled: compiled)
  }

  private init(ruleSet: RuleSet, options: Options, compiled: CompiledRules) {
    self.ruleSet = ruleSet
    self.options = options
    self.compiled = compiled
    var rules: [Rule] = []
    for (index, category) in ruleSet.categories.enumerated() {
      for rule in category.rules {
        var terms: [KeywordTerm] = []
        var maximum: Double?
        if case .keywords(let list) = rule.kind {
          terms = list.terms
          maximum = list.max
        }
        rules.append(
          Rule(
            name: "\(category.name)/\(rule.id)", category: index, terms: terms, scope: rule.scope,
            maximum: maximum))
      }
    }
    self.rules = rules
  }

  /// Counts of what the classifier holds, for `classify check`.
  public var summary: Summary {
    Summary(
      categories: categories.count, patterns: compiled.patterns.count,
      unfilteredPatterns: unfilteredRuleNames.count,
      keywordLists: compiled.keywordLists.count, keywords: compiled.terms.count)
  }

  /// The names of the pattern rules that have no literal the prefilter can look for, and so run
  /// on every segment (slower; a rule author may want to add a literal).
  public var unfilteredRuleNames: [String] {
    var names: [String] = []
    for branch in compiled.unfilteredBranches {
      let name = rules[compiled.patterns[compiled.branches[branch].pattern].rule].name
      if names.last != name { names.append(name) }
    }
    return names
  }

  /// Counts of a classifier's parts.
  public struct Summary: Sendable, Hashable {
    /// Categories.
    public var categories: Int
    /// Pattern rules.
    public var patterns: Int
    /// Pattern rules with no required literal, which run on every segment.
    public var unfilteredPatterns: Int
    /// Keyword-list rules.
    public var keywordLists: Int
    /// Keywords across all lists.
    public var keywords: Int
  }
}
