/// The matchers a rule set compiles to: JIT-compiled patterns, one literal automaton for every
/// keyword and every pattern's required literals, and the tables that turn hits into scores.
struct CompiledRules: Sendable {
  struct Pattern: Sendable {
    var rule: Int
    var category: Int
    var weight: Double
    var scope: RuleScope
    /// The pattern compiled whole: run instead of its branches when more than
    /// `maximumBranchRuns` of them are to run on a segment (a long segment holds the literals
    /// of many branches, and each branch would read all of it).
    var whole: RegexProgram
    /// The pattern's branches in `branches`, highest priority first (`PatternBranches`).
    var branches: Range<Int>
  }

  /// The most branches of one pattern run on a segment; with more, the whole pattern runs.
  static let maximumBranchRuns = 2

  /// One alternative of a pattern split at its alternations, or the whole pattern, compiled.
  struct Branch: Sendable {
    var pattern: Int
    var program: RegexProgram
    /// The sets of literals the branch requires besides its first (`RequiredLiterals`), in
    /// `secondarySets`: queued when the automaton reports a literal of its first set, it runs
    /// only if the automaton reported a literal of each of these too.
    var secondary: Range<Int>
  }

  struct KeywordList: Sendable {
    var rule: Int
    var category: Int
    var max: Double
    var scope: RuleScope
  }

  struct Term: Sendable {
    var list: Int
    /// The term's index within its rule's `terms`.
    var index: Int
    var weight: Double
    var isStem: Bool
    /// Whether the term begins with a word character, so the text before it must not.
    var checksStart: Bool
    /// Whether the term ends with a word character and is not a stem, so the text after it must
    /// not continue the word.
    var checksEnd: Bool
  }

  /// One spelling of a term in the automaton (terms with non-ASCII letters have one per case).
  struct TermSpelling: Sendable {
    var term: Int
    /// The spelling's length in bytes, counting each space as one (a run of text whitespace).
    var symbolCount: Int
  }

  var thresholds: [Double]
  var patterns: [Pattern] = []
  var branches: [Branch] = []
  /// Branches with no required literal: tried on every segment.
  var unfilteredBranches: [Int] = []
  /// Branches with no required literal scoped to a continued quotation: tried on every segment
  /// that continues one.
  var unfilteredQuotationBranches: [Int] = []
  var keywordLists: [KeywordList] = []
  var terms: [Term] = []
  var spellings: [TermSpelling] = []
  var automaton: LiteralAutomaton
  /// The automaton reports a literal of requirement set `s` as the value `~s`, and `~setCount`
  /// for a literal that runs every branch. The branches whose first set is `s` are
  /// `firstSetBranches[firstSetStart[s]..<firstSetStart[s + 1]]`: a set shared by many branches
  /// (the digits, a quotation mark) is fanned out at most once per segment, and only to the few
  /// branches that have it first (the rarest set comes first).
  var firstSetBranches: [Int] = []
  var firstSetStart: [Int] = [0]
  var secondarySets: [Int] = []

  /// The number of distinct requirement sets.
  var setCount: Int { firstSetStart.count - 1 }

  /// Compiles what can be compiled, reporting each pattern that PCRE2 rejects at its place in its
  /// rule file.
  ///
  /// With `splitsAlternations` a pattern is compiled as one program per alternative
  /// (`PatternBranches`), each filtered by its own literals; without, whole.
  static func compile(_ ruleSet: RuleSet, splitsAlternations: Bool = true) -> (
    CompiledRules, [RuleDiagnostic]
  ) {
    var compiled = CompiledRules(
      thresholds: ruleSet.categories.map(\.threshold), automaton: LiteralAutomaton(literals: []))
    var diagnostics: [RuleDiagnostic] = []
    var literals: [LiteralAutomaton.Literal] = []
    var setIDs: [[[UInt8]]: Int] = [:]
    /// For each set, the branches that have it first.
    var firstSetOf: [[Int]] = []
    let prepared = PreparedPattern.prepare(
      ruleSet.categories.flatMap(\.rules).compactMap { rule in
        if case .pattern(let pattern) = rule.kind { pattern } else { nil }
      }, splitsAlternations: splitsAlternations)
    var patternNumber = 0
    var ruleIndex = 0
    for (category, definition) in ruleSet.categories.enumerated() {
      for rule in definition.rules {
        defer { ruleIndex += 1 }
        switch rule.kind {
        case .pattern(let pattern):
          defer { patternNumber += 1 }
          switch prepared[patternNumber] {
          case .success(let prepared):
            let index = compiled.patterns.count
            let first = compiled.branches.count
            compiled.patterns.append(
              Pattern(
                rule: ruleIndex, category: category, weight: pattern.weight, scope: rule.scope,
                whole: prepared.whole, branches: first..<first + prepared.branches.count))
            for prepared in prepared.branches {
              let program = prepared.program
              let branch = compiled.branches.count
              if let sets = prepared.requirements {
                var ids: [Int] = []
                for set in sets {
                  let id = setIDs[set] ?? firstSetOf.count
                  if id == firstSetOf.count {
                    setIDs[set] = id
                    firstSetOf.append([])
                    // Every match holds one of the literals, so it holds its start too.
                    let starts = Set(set.map { Array($0.prefix(RequiredLiterals.maximumLength)) })
                    literals += starts.sorted { $0.lexicographicallyPrecedes($1) }.map {
                      .init(bytes: $0, value: ~Int32(id))
                    }
                  }
                  ids.append(id)
                }
                firstSetOf[ids[0]].append(branch)
                let secondary = compiled.secondarySets.count
                compiled.secondarySets += ids.dropFirst()
                compiled.branches.append(
                  Branch(
                    pattern: index, program: program,
                    secondary: secondary..<compiled.secondarySets.count))
              } else {
                compiled.branches.append(Branch(pattern: index, program: program, secondary: 0..<0))
                if rule.scope == .continuedQuotation {
                  compiled.unfilteredQuotationBranches.append(branch)
                } else {
                  compiled.unfilteredBranches.append(branch)
                }
              }
            }
          case .failure(let error):
            let location = pattern.sourceMap.location(
              ofUTF8Offset: error.offset, in: pattern.pattern)
            diagnostics.append(
              RuleDiagnostic(location: location, message: "pattern error: \(error.message)"))
          }
        case .keywords(let list):
          let listIndex = compiled.keywordLists.count
          compiled.keywordLists.append(
            KeywordList(
              rule: ruleIndex, category: category, max: list.max ?? .infinity, scope: rule.scope))
          for (index, term) in list.terms.enumerated() {
            let termIndex = compiled.terms.count
            let text = term.words.joined(separator: " ")
            compiled.terms.append(
              Term(
                list: listIndex, index: index, weight: term.weight, isStem: term.isStem,
                checksStart: text.unicodeScalars.first.map(WordBoundary.isWordScalar) ?? false,
                checksEnd: !term.isStem
                  && (text.unicodeScalars.last.map(WordBoundary.isWordScalar) ?? false)))
            let written = term.text.dropLast(term.isStem ? 1 : 0)
              .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for spelling in caseSpellings(of: written) {
              let bytes = Array(spelling.utf8)
              literals.append(.init(bytes: bytes, value: Int32(compiled.spellings.count)))
              compiled.spellings.append(
                TermSpelling(term: termIndex, symbolCount: LiteralAutomaton.fold(bytes).count))
            }
          }
        }
      }
    }
    // Under caseless matching U+212A KELVIN SIGN matches `k` and U+017F LONG S matches `s`, which
    // the automaton's ASCII folding does not see; a segment containing either runs every pattern.
    for branches in firstSetOf {
      compiled.firstSetBranches += branches
      compiled.firstSetStart.append(compiled.firstSetBranches.count)
    }
    let everyPattern = ~Int32(firstSetOf.count)
    for character in ["\u{212A}", "\u{17F}"] {
      literals.append(.init(bytes: Array(character.utf8), value: everyPattern))
    }
    compiled.automaton = LiteralAutomaton(literals: literals)
    return (compiled, diagnostics)
  }

  /// The automaton folds ASCII case only; a term with other letters gets one spelling per
  /// combination of their forms: as written in the rule file, lower and upper case (at most 32).
  static func caseSpellings(of text: String) -> [String] {
    var spellings = [""]
    for scalar in text.unicodeScalars {
      let forms =
        scalar.isASCII
        ? [String(scalar)]
        : Array(Set([scalar, scalar.simpleLowercase, scalar.simpleUppercase].map(String.init)))
      var next: [String] = []
      for prefix in spellings {
        for form in forms.sorted() where next.count < 32 { next.append(prefix + form) }
      }
      spellings = next
    }
    return spellings
  }
}
