/// A PCRE2 quantifier: how often the atom before it may repeat.
struct PatternQuantifier: Equatable {
  var minimum: Int
  /// `nil` for no upper bound.
  var maximum: Int?

  /// Reads `?`, `*`, `+` or a valid `{n}`, `{n,}`, `{n,m}` at `position` and moves past it;
  /// `nil`, with `position` unchanged, when there is none (a `{` that is not a quantifier is a
  /// literal brace). Counts above 2^20 are read as 2^20. The lazy or possessive mark after the
  /// quantifier is left for the caller.
  static func read(in pattern: [Unicode.Scalar], at position: inout Int) -> PatternQuantifier? {
    guard position < pattern.count else { return nil }
    switch pattern[position] {
    case "?":
      position += 1
      return PatternQuantifier(minimum: 0, maximum: 1)
    case "*":
      position += 1
      return PatternQuantifier(minimum: 0, maximum: nil)
    case "+":
      position += 1
      return PatternQuantifier(minimum: 1, maximum: nil)
    case "{":
      var cursor = position + 1
      guard let minimum = readNumber(in: pattern, at: &cursor) else { return nil }
      var maximum: Int? = minimum
      if cursor < pattern.count, pattern[cursor] == "," {
        cursor += 1
        maximum = readNumber(in: pattern, at: &cursor)
      }
      guard cursor < pattern.count, pattern[cursor] == "}" else { return nil }
      position = cursor + 1
      return PatternQuantifier(minimum: minimum, maximum: maximum)
    default:
      return nil
    }
  }

  /// Reads decimal digits at `cursor`; `nil` when there are none.
  private static func readNumber(in pattern: [Unicode.Scalar], at cursor: inout Int) -> Int? {
    var value: Int?
    while cursor < pattern.count, ("0"..."9").contains(pattern[cursor]) {
      value = min((value ?? 0) * 10 + Int(pattern[cursor].value - 0x30), 1 << 20)
      cursor += 1
    }
    return value
  }
}
