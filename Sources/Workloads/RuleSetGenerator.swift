import ClassifierCore

/// Generates rule sets of any size in classify's YAML rule format, deterministically from a seed,
/// to measure and test classification with many more rules than the stock ones.
///
/// Rules are spread evenly over the four stock categories (statistic, quote, policy,
/// enforcement), one rule file each. A little under half are keyword lists (three to ten terms,
/// some of several words, some stems); the rest are patterns of the kinds rule authors write:
/// word alternations between `\b`, words with a gap between them, counts with `\d+`, percentages
/// and money, changes between two figures, quotations, case-sensitive names, lookarounds, anchors;
/// and, in every set whatever its size, the same three patterns with no literal the prefilter could
/// look for (a rule author fixes those that `classify check` lists, so they do not grow with the
/// rule set). A few rules look at the previous
/// segment or only at a continued quotation.
///
/// Words are invented from syllables (a vocabulary of its own for each rule set) mixed with real
/// news words that `NewsTextGenerator` writes, so that some rules fire on its text; the generated
/// set's `text(atLeast:seed:)` fires many.
///
/// ```swift
/// var generator = RuleSetGenerator(seed: 7)
/// let rules = generator.ruleSet(ruleCount: 10_000)
/// let classifier = try Classifier(loading: rules.sources)
/// ```
public struct RuleSetGenerator {
  static let categories = ["enforcement", "policy", "quote", "statistic"]

  var random: SeededGenerator
  /// This rule set's invented words.
  var words: [String] = []
  /// How often, per thousand, a rule's word is a real news word: fewer in larger sets, so that
  /// what fires on news text grows with the square root of the rule count, not in proportion.
  var newsWordsPerMille = 250

  /// Creates a generator whose rule sets are determined by `seed`.
  public init(seed: UInt64) {
    random = SeededGenerator(seed: seed)
  }

  /// A rule set of exactly `ruleCount` rules (at least 4), one rule file per category.
  ///
  /// - Complexity: O(`ruleCount`).
  public mutating func ruleSet(ruleCount: Int) -> GeneratedRuleSet {
    precondition(ruleCount >= Self.categories.count, "a rule set needs a rule in each category")
    words = (0..<max(200, ruleCount / 2)).map { _ in inventedWord() }
    newsWordsPerMille = min(250, Int(250 * (100 / Double(ruleCount)).squareRoot()))
    var files = Self.categories.map { "category: \($0)\nthreshold: 3\nrules:\n" }
    var phrases: [String] = []
    for index in 0..<ruleCount {
      let rule =
        index < Self.patternsWithoutLiterals.count
        ? patternWithoutLiteral(index) : random.chance(45) ? keywordRule() : patternRule()
      var yaml = "  - id: g\(index)\n" + rule.body
      switch random.below(100) {
      case 0..<4: yaml += "    scope: previous-segment\n"
      case 4..<7: yaml += "    scope: continued-quotation\n"
      default: break
      }
      files[index % files.count] += yaml
      phrases += rule.examples
    }
    let sources = zip(Self.categories, files).map { category, text in
      RuleSource(name: "generated/\(category).yaml", text: text)
    }
    return GeneratedRuleSet(sources: sources, ruleCount: ruleCount, phrases: phrases)
  }

  /// A rule's YAML after its `id` line, and texts that make it fire.
  struct Rule {
    var body: String
    var examples: [String]
  }

  /// A word of two or three syllables: "drastel", "plouvim".
  mutating func inventedWord() -> String {
    let onsets = [
      "b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "r",
      "s", "sh", "st", "t", "tr", "v", "w", "z",
    ]
    let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
    let codas = ["", "", "n", "r", "s", "l", "nd", "st", "m", "x"]
    return (0..<(2 + random.below(2))).map { _ in
      random.pick(onsets) + random.pick(vowels) + random.pick(codas)
    }.joined()
  }

  /// A word for a rule: one of this rule set's invented words, or now and then a real news word.
  mutating func word() -> String {
    random.below(1000) < newsWordsPerMille ? random.pick(Self.newsWords) : random.pick(words)
  }

  /// `count` different words.
  mutating func distinctWords(_ count: Int) -> [String] {
    var chosen: [String] = []
    while chosen.count < count {
      let candidate = word()
      if !chosen.contains(candidate) { chosen.append(candidate) }
    }
    return chosen
  }

  /// A weight as rule files write them, now and then negative.
  mutating func weight() -> String {
    random.pick(["0.5", "1", "1", "1.5", "2", "2", "2.5", "3", "-1", "-2"])
  }

  /// Real words and phrases that `NewsTextGenerator` writes.
  static let newsWords = [
    "arrested", "charged", "jailed", "court", "police", "officers", "council", "government",
    "legislation", "consultation", "minister", "ministers", "regulator", "figures", "rose", "fell",
    "average", "profit", "shares", "season", "contract", "said", "added", "told", "statement",
    "scheme", "funding", "strategy", "bill", "offence", "fined", "seized", "searched",
    "investigation", "operation", "suspect", "enquiries", "households", "arrests", "complaints",
    "councils", "unemployment", "inflation", "survey", "record", "review", "reform", "duty",
    "second reading", "code of practice", "white paper", "criminal offence", "interest rates",
    "records began", "told reporters", "in a statement", "crown court", "on suspicion of",
    "remanded in custody", "new rules", "pre-tax profit", "per cent",
  ]
}
