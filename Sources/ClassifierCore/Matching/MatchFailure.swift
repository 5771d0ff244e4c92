/// Why PCRE2 stopped a search before it knew whether the pattern matches.
public enum MatchFailure: Sendable, Hashable, CustomStringConvertible {
  /// The match limit (`--match-limit`) was reached: the pattern backtracks too much on this text.
  case matchLimit
  /// The JIT stack ran out.
  case jitStackLimit
  /// The interpreter's recursion depth limit was reached.
  case depthLimit
  /// The interpreter's heap limit was reached.
  case heapLimit
  /// Another PCRE2 error, by its code.
  case other(Int32)

  /// A short phrase for summaries and evidence.
  public var description: String {
    switch self {
    case .matchLimit: "match limit exceeded"
    case .jitStackLimit: "JIT stack exhausted"
    case .depthLimit: "depth limit exceeded"
    case .heapLimit: "heap limit exceeded"
    case .other(let code): "PCRE2 error \(code)"
    }
  }
}
