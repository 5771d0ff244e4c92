extension RuleSetGenerator {
  /// A keyword list of three to ten distinct terms; some have several words, some are stems, and
  /// some lists cap what they add with `max`.
  mutating func keywordRule() -> Rule {
    var body = "    keywords:\n"
    var terms: [String] = []
    var examples: [String] = []
    let count = 3 + random.below(8)
    while terms.count < count {
      var term = word()
      var example = term
      if random.chance(15) {
        term += " " + word()
        example = term
      } else if random.chance(12) && !term.contains(" ") && term.count >= 5 {
        term = String(term.dropLast(2)) + "*"
      }
      guard !terms.contains(term) else { continue }
      terms.append(term)
      examples.append(example)
      body += "      \"\(term)\": \(weight())\n"
    }
    if random.chance(30) { body += "    max: \(random.pick(["2", "3", "4"]))\n" }
    return Rule(body: body, examples: examples)
  }

  /// A pattern rule of one of the kinds rule authors write, with a text it matches.
  mutating func patternRule() -> Rule {
    let some = distinctWords(2 + random.below(4))
    let alternation = "(?:" + some.joined(separator: "|") + ")"
    let first = some[0]
    var isCaseSensitive = false
    let pattern: String
    let example: String
    switch random.below(100) {
    case 0..<26:
      pattern = #"\b"# + alternation + #"\b"#
      example = random.pick(some)
    case 26..<38:
      let others = distinctWords(2)
      pattern =
        #"\b"# + alternation + #" (?:\w+ ){0,3}(?:"# + others.joined(separator: "|") + #")\b"#
      example = first + " and the " + others[0]
    case 38..<50:
      pattern = #"\b\d[\d,]*(?:\.\d+)? "# + alternation + #"\b"#
      example = "1,240 " + first
    case 50..<58:
      pattern =
        #"\b"# + alternation
        + #" (?:by |to |of )?(?:[£$€]\s?)?\d+(?:\.\d+)?(?:%| per ?cent\b|m\b|bn\b)"#
      example = first + " by 12%"
    case 58..<63:
      pattern =
        #"\b(?:rose|fell|"# + some.joined(separator: "|")
        + #") from [£$€]?\d[\d,.]* to [£$€]?\d"#
      example = first + " from 1,200 to 3,400"
    case 63..<70:
      pattern = #"[“"][^”"]{3,120}[”"],? (?:said|"# + some.joined(separator: "|") + #")\b"#
      example = "“It is not over yet,” " + first
    case 70..<78:
      let names = some.map { $0.prefix(1).uppercased() + $0.dropFirst() }
      pattern = #"\b(?:[A-Z][a-z]+ ){1,3}(?:"# + names.joined(separator: "|") + #")\b"#
      isCaseSensitive = true
      example = "North " + names[0]
    case 78..<86:
      let excluded = "(?:" + distinctWords(2).joined(separator: "|") + ")"
      pattern = #"(?<![\w-])"# + alternation + #"(?! "# + excluded + #"\b)\b"#
      example = first
    case 86..<93:
      pattern = #"\b"# + alternation + #" (?:\w+ ){0,2}\d{2,}\b"#
      example = first + " about 42"
    default:
      pattern = #"\A[\s(]*"# + alternation + #"\b"#
      example = first
    }
    var body = "    pattern: '\(pattern)'\n    weight: \(weight())\n"
    if isCaseSensitive { body += "    case: sensitive\n" }
    return Rule(body: body, examples: [example])
  }

  /// The pattern rule with no literal the prefilter could look for, number `index` of
  /// `patternsWithoutLiterals`: every rule set has these few, whatever its size, as a rule set
  /// whose author followed `classify check`'s list of always-scanned patterns would.
  mutating func patternWithoutLiteral(_ index: Int) -> Rule {
    let chosen = Self.patternsWithoutLiterals[index]
    var body = "    pattern: '\(chosen.pattern)'\n    weight: \(weight())\n"
    if chosen.isCaseSensitive { body += "    case: sensitive\n" }
    return Rule(body: body, examples: [chosen.example])
  }

  /// Patterns in which no literal is required, so that they run on every segment: (pattern,
  /// whether case-sensitive, a text it matches).
  static let patternsWithoutLiterals: [(pattern: String, isCaseSensitive: Bool, example: String)] =
    [
      (#"\b[A-Z]{3,6}\b"#, true, "the NHS"),
      (#"\b\p{Lu}\w+(?:\s+\p{Lu}\w+){2,}\b"#, true, "Tom Holt Fenley"),
      (#"\A\p{Lu}[^.!?]{0,60}\z"#, true, "Fenley council backs bypass"),
    ]
}
