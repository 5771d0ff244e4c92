/// A validated set of categories and their rules, as read from rule files.
///
/// A `RuleSet` holds definitions only; `Classifier` compiles one into matchers. Categories are
/// kept sorted by name, the order labels and scores are reported in.
public struct RuleSet: Sendable {
  /// The categories, sorted by name; names are unique.
  public private(set) var categories: [CategoryDefinition]

  /// Creates a rule set from categories, which are sorted by name.
  ///
  /// - Precondition: category names are unique (the loader reports duplicates as diagnostics).
  public init(categories: [CategoryDefinition]) {
    precondition(
      Set(categories.map(\.name)).count == categories.count, "category names must be unique")
    self.categories = categories.sorted { $0.name < $1.name }
  }

  /// The number of rules across all categories.
  public var ruleCount: Int { categories.reduce(0) { $0 + $1.rules.count } }
}
