/// One problem found while loading rule files, with the place it was found.
public struct RuleDiagnostic: Sendable, Hashable, CustomStringConvertible {
  /// Where the problem is.
  public var location: SourceLocation
  /// What is wrong, in words a rule author can act on.
  public var message: String

  /// Creates a diagnostic.
  public init(location: SourceLocation, message: String) {
    self.location = location
    self.message = message
  }

  /// `file:line:col: message`.
  public var description: String { "\(location): \(message)" }
}
