/// The text of one rule file and the name its diagnostics are reported under.
public struct RuleSource: Sendable, Hashable {
  /// The name used in diagnostics, usually the file's path.
  public var name: String
  /// The YAML text.
  public var text: String

  /// Creates a rule source from a name and its YAML text.
  public init(name: String, text: String) {
    self.name = name
    self.text = text
  }
}
