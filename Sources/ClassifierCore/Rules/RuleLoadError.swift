/// Every problem found while loading a rule set. Loading is all or nothing: when this is thrown,
/// no rule of any file was loaded.
public struct RuleLoadError: Error, Sendable, CustomStringConvertible {
  /// The problems, ordered by file, line and column; never empty.
  public var diagnostics: [RuleDiagnostic]

  /// Creates an error from diagnostics, which are sorted by location.
  public init(diagnostics: [RuleDiagnostic]) {
    precondition(!diagnostics.isEmpty, "a rule load error needs at least one diagnostic")
    self.diagnostics = diagnostics.sorted { $0.location < $1.location }
  }

  /// One diagnostic per line, as `file:line:col: message`.
  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
