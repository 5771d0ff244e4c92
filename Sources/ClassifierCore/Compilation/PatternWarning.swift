/// A problem with a pattern that compiles and loads: it can match the empty string, or text built
/// to make it backtrack stops its search or makes it slow. Warnings never stop rules loading.
public struct PatternWarning: Sendable, Hashable, CustomStringConvertible {
  /// What a warning is about.
  public struct Kind: Sendable, Hashable, CustomStringConvertible {
    enum Representation: Sendable, Hashable {
      case matchesEmptyString
      case exceedsMatchLimit
      case slow
    }

    let representation: Representation

    /// The pattern can match without consuming text, so it fires on segments that contain none
    /// of its text (`x*`, a lone `\b`, a lone lookahead).
    public static let matchesEmptyString = Kind(representation: .matchesEmptyString)
    /// A search on adversarial text stopped at a PCRE2 limit (the match limit or the JIT stack):
    /// the pattern backtracks super-linearly, and a segment like that text would be reported as
    /// a failed search. Found by counting, so the same on every run.
    public static let exceedsMatchLimit = Kind(representation: .exceedsMatchLimit)
    /// Adversarial text took longer than the lint's time budget, or four times the text took
    /// well over four times as long. Found by timing, confirmed by repeated measurement.
    public static let slow = Kind(representation: .slow)

    /// `empty-match`, `match-limit` or `slow`.
    public var description: String {
      switch representation {
      case .matchesEmptyString: "empty-match"
      case .exceedsMatchLimit: "match-limit"
      case .slow: "slow"
      }
    }
  }

  /// The rule's name, `category/id`.
  public var rule: String
  /// Where the rule's pattern is written.
  public var location: SourceLocation
  /// What the warning is about.
  public var kind: Kind
  /// What happened and how to fix it, naming the rule, in words a rule author can act on.
  public var message: String

  /// Creates a warning.
  public init(rule: String, location: SourceLocation, kind: Kind, message: String) {
    self.rule = rule
    self.location = location
    self.kind = kind
    self.message = message
  }

  /// `file:line:col: warning: message`, as compilers print warnings.
  public var description: String { "\(location): warning: \(message)" }
}
