/// One category: its name, its labelling threshold and the rules that score it.
public struct CategoryDefinition: Sendable {
  /// The name reported in labels and scores.
  public var name: String
  /// A human description; not used for classification.
  public var description: String
  /// A segment gets this category's label when its score is at least this.
  public var threshold: Double
  /// The rules, in file order; ids are unique within the category.
  public var rules: [RuleDefinition]
  /// Where the category was defined.
  public var location: SourceLocation

  /// Creates a category definition.
  public init(
    name: String, description: String, threshold: Double, rules: [RuleDefinition],
    location: SourceLocation
  ) {
    self.name = name
    self.description = description
    self.threshold = threshold
    self.rules = rules
    self.location = location
  }
}
