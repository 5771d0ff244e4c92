/// Splits a pattern at its alternations into one pattern per alternative, so that each
/// alternative runs only on segments holding its own literals (a rule of fifty phrases then costs
/// the few phrases a segment may contain, not all fifty at every position).
///
/// `X(?:A|B)Y` becomes `X(?:A)Y` and `X(?:B)Y` when `X` can match only one way: anchors,
/// lookarounds (atomic in PCRE2) and unrepeated single characters. At each start position PCRE2
/// tries the alternatives in order, each with every way through `Y`, so the first match of the
/// whole is the match of the lowest-numbered alternative among those whose first match starts
/// leftmost. Splits nest, in that order, up to `maximumBranches` patterns.
///
/// Syntax that would break that reasoning leaves the pattern whole: repeated or atomic groups
/// around the alternation, a variable prefix, option settings after the start (they carry into
/// later alternatives), `\K`, `\Q`, backtracking verbs, backreferences, recursion, subroutine
/// calls, conditionals, branch resets and extended mode.
enum PatternBranches {
  /// The most patterns one pattern is split into.
  static let maximumBranches = 64

  /// The patterns of `pattern`'s alternatives, highest priority first; `nil` when it has one.
  static func split(_ pattern: String) -> [String]? {
    let scalars = Array(pattern.unicodeScalars)
    guard !hasUnsupportedSyntax(scalars) else { return nil }
    // A leading option setting applies to every alternative: each keeps a copy.
    let leading = Reader(scalars).leadingOptionSetting()
    guard !scalars[leading].contains("x") else { return nil }
    let body = Array(scalars[leading.upperBound...])
    // Split outer alternations first, then inner ones while the budget allows, keeping order.
    var branches = [body]
    // Whether a branch may split further; a branch that did not split once never will.
    var isOpen = [true]
    var isSplitting = true
    while isSplitting {
      isSplitting = false
      var index = 0
      while index < branches.count {
        guard isOpen[index] else {
          index += 1
          continue
        }
        if let alternatives = split(once: branches[index]) {
          if branches.count - 1 + alternatives.count <= maximumBranches {
            branches.replaceSubrange(index...index, with: alternatives)
            isOpen.replaceSubrange(
              index...index, with: repeatElement(true, count: alternatives.count))
            index += alternatives.count
            isSplitting = true
            continue
          }
        } else {
          isOpen[index] = false
        }
        index += 1
      }
    }
    guard branches.count > 1 else { return nil }
    return branches.map { String(String.UnicodeScalarView(scalars[leading] + $0)) }
  }

  /// The patterns of the alternatives of `pattern`'s first splittable alternation, if any.
  private static func split(once pattern: [Unicode.Scalar]) -> [[Unicode.Scalar]]? {
    var reader = Reader(pattern)
    guard case .split(let group) = reader.firstSplit(in: 0..<pattern.count) else { return nil }
    return group.alternatives.map { alternative in
      Array(pattern[..<group.body.lowerBound]) + pattern[alternative]
        + pattern[group.body.upperBound...]
    }
  }

  /// Whether the pattern holds syntax the split does not model (a cheap scan that may refuse
  /// more than it must, for example an escaped backslash before a `K`).
  private static func hasUnsupportedSyntax(_ scalars: [Unicode.Scalar]) -> Bool {
    for index in scalars.indices.dropLast() {
      let next = scalars[index + 1]
      switch scalars[index] {
      case "\\":
        if "KQgk".unicodeScalars.contains(next) || ("1"..."9").contains(next) { return true }
      case "(":
        if next == "*" { return true }
        guard next == "?", index + 2 < scalars.count else { continue }
        let kind = scalars[index + 2]
        if "(|R&+-".unicodeScalars.contains(kind) || ("0"..."9").contains(kind) { return true }
        if kind == "P", index + 3 < scalars.count, ">=".unicodeScalars.contains(scalars[index + 3])
        {
          return true
        }
      default:
        continue
      }
    }
    return false
  }
}

/// A group whose alternatives can be split out: the ranges of its body and of each alternative.
private struct SplitGroup {
  var body: Range<Int>
  var alternatives: [Range<Int>]
}

/// What walking a sequence for a split found.
private enum Walk {
  /// An alternation reached by a prefix that matches one way.
  case split(SplitGroup)
  /// The whole sequence matches one way and holds no alternation.
  case fixed
  /// Something that can match more than one way comes before any alternation.
  case variable
}

/// Reads the structure of a pattern: items, groups and alternatives, with their positions.
private struct Reader {
  let scalars: [Unicode.Scalar]
  var position = 0
  /// Set when the pattern holds syntax the reader refuses.
  var isRefused = false

  init(_ scalars: [Unicode.Scalar]) {
    self.scalars = scalars
  }

  /// The range of an option setting such as `(?i)` at the very start, if any.
  func leadingOptionSetting() -> Range<Int> {
    guard let end = optionSettingEnd(at: 0) else { return 0..<0 }
    return 0..<end
  }

  /// If `(?flags)` (an option setting, not a group) starts at `index`, the index after it.
  private func optionSettingEnd(at index: Int) -> Int? {
    guard index + 2 < scalars.count, scalars[index] == "(", scalars[index + 1] == "?" else {
      return nil
    }
    var cursor = index + 2
    while cursor < scalars.count {
      let scalar = scalars[cursor]
      if scalar == ")" { return cursor + 1 }
      guard scalar == "-" || scalar == "^" || scalar.properties.isAlphabetic && scalar.isASCII
      else { return nil }
      cursor += 1
    }
    return nil
  }

  /// Looks along `range` (a sequence, or alternatives) for the first alternation that a prefix
  /// matching only one way leads to.
  mutating func firstSplit(in range: Range<Int>) -> Walk {
    let alternatives = self.alternatives(in: range)
    guard !isRefused else { return .variable }
    if alternatives.count > 1 { return .split(SplitGroup(body: range, alternatives: alternatives)) }
    position = range.lowerBound
    while position < range.upperBound {
      guard let item = readItem(), !isRefused else { return .variable }
      if readQuantifier() { return .variable }
      switch item {
      case .zeroWidth, .character:
        continue
      case .group(let body):
        let saved = position
        switch firstSplit(in: body) {
        case .split(let group): return .split(group)
        case .variable: return .variable
        case .fixed: position = saved
        }
      case .other:
        return .variable
      }
    }
    return .fixed
  }

  /// The alternatives of the sequence in `range`, split at its top-level bars.
  private mutating func alternatives(in range: Range<Int>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = range.lowerBound
    position = range.lowerBound
    while position < range.upperBound {
      if scalars[position] == "|" {
        result.append(start..<position)
        position += 1
        start = position
        continue
      }
      guard readItem() != nil, !isRefused else { return [range] }
      _ = readQuantifier()
    }
    result.append(start..<range.upperBound)
    return result
  }

  private enum Item {
    /// Matches no text, one way: an anchor, `\b`, a lookaround, a comment.
    case zeroWidth
    /// Matches exactly one character, one way.
    case character
    /// A capturing or non-capturing group (possibly with scoped options), with its body.
    case group(Range<Int>)
    /// Anything else: an atomic group, for example.
    case other
  }

  /// Reads one item at `position` and moves past it; `nil` at a `|` or `)`.
  private mutating func readItem() -> Item? {
    guard position < scalars.count else { return nil }
    let scalar = scalars[position]
    switch scalar {
    case "|", ")":
      return nil
    case "\\":
      return readEscape()
    case "[":
      skipClass()
      return .character
    case "(":
      return readGroup()
    case "^", "$":
      position += 1
      return .zeroWidth
    default:
      position += 1
      return .character
    }
  }

  private mutating func readEscape() -> Item {
    position += 1
    guard position < scalars.count else {
      isRefused = true
      return .other
    }
    let scalar = scalars[position]
    position += 1
    switch scalar {
    case "b", "B", "A", "z", "Z", "G":
      return .zeroWidth
    case "p", "P", "x", "o", "N":
      if position < scalars.count, scalars[position] == "{" {
        while position < scalars.count, scalars[position] != "}" { position += 1 }
        position += 1
      } else if scalar == "p" || scalar == "P" {
        position += 1
      }
      return .character
    case "R", "X":
      return .other  // a line break or grapheme cluster: more than one character, several ways
    default:
      return .character
    }
  }

  /// Skips a character class from its `[` to after its `]`.
  private mutating func skipClass() {
    position += 1
    if position < scalars.count, scalars[position] == "^" { position += 1 }
    if position < scalars.count, scalars[position] == "]" { position += 1 }
    while position < scalars.count {
      let scalar = scalars[position]
      if scalar == "\\" {
        position += 2
      } else if scalar == "[", position + 1 < scalars.count, scalars[position + 1] == ":" {
        position += 2
        while position + 1 < scalars.count,
          !(scalars[position] == ":" && scalars[position + 1] == "]")
        {
          position += 1
        }
        position += 2
      } else if scalar == "]" {
        position += 1
        return
      } else {
        position += 1
      }
    }
    isRefused = true
  }

  private mutating func readGroup() -> Item {
    let open = position
    if let end = optionSettingEnd(at: open) {
      // Set after the start, options would carry into later alternatives.
      position = end
      isRefused = true
      return .other
    }
    position += 1
    var kind = Item.group(0..<0)
    if position < scalars.count, scalars[position] == "?" {
      position += 1
      let next = position < scalars.count ? scalars[position] : ")"
      let after = position + 1 < scalars.count ? scalars[position + 1] : ")"
      switch next {
      case ":":
        position += 1
      case "=", "!":
        position += 1
        kind = .zeroWidth
      case "<" where after == "=" || after == "!":
        position += 2
        kind = .zeroWidth
      case "<", "'", "P":
        let closer: Unicode.Scalar = next == "'" ? "'" : ">"
        while position < scalars.count, scalars[position] != closer { position += 1 }
        position += 1
      case "#":
        while position < scalars.count, scalars[position] != ")" { position += 1 }
        position += 1
        return .zeroWidth
      case ">":
        position += 1
        kind = .other
      default:
        // Scoped options such as `(?i:` or `(?-i:`.
        while position < scalars.count, scalars[position] != ":" {
          let scalar = scalars[position]
          guard scalar == "-" || scalar == "^" || scalar.isASCII && scalar.properties.isAlphabetic
          else {
            isRefused = true
            return .other
          }
          if scalar == "x" {
            isRefused = true
            return .other
          }
          position += 1
        }
        position += 1
      }
    }
    let bodyStart = position
    while position < scalars.count, scalars[position] != ")" {
      if scalars[position] == "|" {
        position += 1
        continue
      }
      guard readItem() != nil, !isRefused else {
        isRefused = true
        return .other
      }
      _ = readQuantifier()
    }
    guard position < scalars.count else {
      isRefused = true
      return .other
    }
    let body = bodyStart..<position
    position += 1
    if case .group = kind { return .group(body) }
    return kind
  }

  /// Reads a quantifier and its lazy or possessive mark; whether there was one.
  private mutating func readQuantifier() -> Bool {
    guard PatternQuantifier.read(in: scalars, at: &position) != nil else { return false }
    if position < scalars.count, scalars[position] == "?" || scalars[position] == "+" {
      position += 1
    }
    return true
  }
}
