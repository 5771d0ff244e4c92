import Testing

@testable import ClassifierCore

@Suite struct RuleLoadingTests {
  private static let valid = """
    category: enforcement            # output name
    description: Policing and judicial action.
    threshold: 2.0
    rules:
      - id: custodial-sentence
        pattern: '\\b(?:jailed|imprisoned|sentenced)\\b'
        weight: 3.0
      - id: police-action
        keywords:
          arrested: 2.0
          "undercover officer*": 2.0
        max: 3.0
      - id: suppressor
        pattern: 'red card'
        case: sensitive
        weight: -1
    """

  private func diagnostics(_ files: [String: String]) -> [String] {
    let sources = files.sorted { $0.key < $1.key }.map { RuleSource(name: $0.key, text: $0.value) }
    do {
      _ = try Classifier(loading: sources)
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test("a valid rule file loads every field")
  func validFile() throws {
    let classifier = try Classifier(loading: [RuleSource(name: "e.yaml", text: Self.valid)])
    let category = try #require(classifier.categories.first)
    #expect(category.name == "enforcement")
    #expect(category.threshold == 2)
    #expect(category.rules.map(\.id) == ["custodial-sentence", "police-action", "suppressor"])
    guard case .pattern(let pattern) = category.rules[0].kind else {
      Issue.record("expected a pattern rule")
      return
    }
    #expect(pattern.weight == 3 && !pattern.isCaseSensitive)
    guard case .keywords(let list) = category.rules[1].kind else {
      Issue.record("expected a keyword rule")
      return
    }
    #expect(list.max == 3)
    #expect(list.terms.map(\.normalized) == ["arrested", "undercover officer*"])
    guard case .pattern(let suppressor) = category.rules[2].kind else { return }
    #expect(suppressor.isCaseSensitive && suppressor.weight == -1)
    #expect(
      classifier.rules.map(\.name) == [
        "enforcement/custodial-sentence", "enforcement/police-action", "enforcement/suppressor",
      ])
  }

  @Test(
    "each mistake is reported at its file, line and column",
    arguments: [
      (
        "category: a\nthreshold: 1\nrules:\n  - id: x\n    pattern: 'a'\n    wieght: 1\n",
        "r.yaml:6:5: unknown rule key 'wieght'"
      ),
      (
        "category: a\nrules:\n  - id: x\n    pattern: 'a'\n    weight: 1\n",
        "r.yaml:1:1: missing 'threshold'"
      ),
      (
        "category: a\nthreshold: high\nrules:\n  - id: x\n    pattern: 'a'\n    weight: 1\n",
        "r.yaml:2:12: threshold must be a number, not 'high'"
      ),
      (
        "category: a\nthreshold: 0\nrules:\n  - id: x\n    pattern: 'a'\n    weight: 1\n",
        "r.yaml:2:12: threshold must be greater than 0"
      ),
      (
        "category: a\nthreshold: 1\nrules:\n  - id: x\n    pattern: 'a'\n",
        "r.yaml:4:5: missing 'weight' for the pattern"
      ),
      (
        "category: a\nthreshold: 1\nrules:\n  - id: x\n    pattern: 'a'\n    weight: 1\n  - id: x\n    pattern: 'b'\n    weight: 1\n",
        "r.yaml:7:5: duplicate rule id 'x' (first defined on line 4)"
      ),
      (
        "category: a\nthreshold: 1\nrules:\n  - id: x\n    keywords:\n      Arrested: 1\n      arrested: 2\n",
        "r.yaml:7:7: duplicate keyword 'arrested' (first given on line 6)"
      ),
      (
        "category: a\nthreshold: 1\nrules:\n  - id: x\n    keywords:\n      'ar*rest': 1\n",
        "r.yaml:6:7: '*' may only end a keyword (a stem), as in 'arrest*'"
      ),
      (
        "category: a\nthreshold: 1\nrules:\n  - id: x\n    keywords:\n      arrest: one\n",
        "r.yaml:6:15: the weight of 'arrest' must be a number, not 'one'"
      ),
      (
        "category: a\nthreshold: 1\nrules:\n  - id: x\n    pattern: 'a'\n    keywords: {b: 1}\n    weight: 1\n",
        "r.yaml:6:15: a rule has either 'pattern' or 'keywords', not both"
      ),
      (
        "category: a\nthreshold: 1\nrules:\n  - id: x\n    pattern: 'a'\n    weight: 1\n    case: upper\n",
        "r.yaml:7:11: 'case' must be 'sensitive' or 'insensitive', not 'upper'"
      ),
      (
        "category: a b\nthreshold: 1\nrules:\n  - id: x\n    pattern: 'a'\n    weight: 1\n",
        "r.yaml:1:11: category 'a b' must start with a letter or digit and hold only ASCII letters, digits, '-', '_' and '.'"
      ),
      ("category: a\nthreshold: 1\nrules: [\n", "r.yaml:4:1: YAML:"),
      ("", "r.yaml:1:1: empty rule file"),
    ])
  func mistakes(text: String, expected: String) {
    let found = diagnostics(["r.yaml": text])
    #expect(found.contains { $0.hasPrefix(expected) }, "got \(found)")
  }

  @Test(
    "a PCRE2 compile error points at the offending character inside the pattern",
    arguments: [
      ("    pattern: '\\bfoo)bar'\n", 9, 20),
      ("    pattern: \"\\\\bfoo)bar\"\n", 9, 21),
      ("    pattern: \\bfoo)bar\n", 9, 19),
      ("    pattern: 'it''s )a'\n", 9, 21),
      ("    pattern: |\n      first\n      second )x\n", 11, 14),
    ])
  func compileErrorPosition(patternLines: String, line: Int, column: Int) {
    let text =
      "category: a\nthreshold: 1\nrules:\n  - id: ok\n    pattern: 'fine'\n    weight: 1\n"
      + "  - id: bad\n    weight: 1\n" + patternLines
    let found = diagnostics(["r.yaml": text])
    #expect(found.count == 1, "got \(found)")
    #expect(
      found.first?.hasPrefix("r.yaml:\(line):\(column): pattern error:") == true, "got \(found)")
  }

  @Test("all errors of all files are reported together, and nothing is loaded")
  func allErrorsTogether() {
    let found = diagnostics([
      "a.yaml":
        "category: a\nthreshold: 1\nrules:\n  - id: x\n    pattern: '(unclosed'\n    weight: 1\n",
      "b.yaml":
        "category: a\nthreshold: nope\nrules:\n  - id: y\n    pattern: 'ok'\n    weight: 1\n",
      "c.yaml":
        "category: c\nthreshold: 1\nrules:\n  - id: z\n    colour: red\n    pattern: 'ok'\n    weight: 1\n",
    ])
    #expect(found.count == 3, "got \(found)")
    #expect(
      found.contains { $0.hasPrefix("a.yaml:5:") && $0.contains("missing closing parenthesis") })
    #expect(found.contains { $0.hasPrefix("b.yaml:2:12:") })
    #expect(found.contains { $0.hasPrefix("c.yaml:5:5: unknown rule key 'colour'") })
  }

  @Test("two files may not define the same category")
  func duplicateCategory() {
    let rule = "threshold: 1\nrules:\n  - id: x\n    pattern: 'a'\n    weight: 1\n"
    let found = diagnostics([
      "a.yaml": "category: same\n" + rule, "b.yaml": "category: same\n" + rule,
    ])
    #expect(found == ["b.yaml:1:1: duplicate category 'same' (also defined in a.yaml)"])
  }

  @Test("the stock rules load, with the four categories in name order")
  func stockRules() throws {
    let classifier = try Classifier(loading: RuleSource.stock)
    #expect(classifier.categories.map(\.name) == ["enforcement", "policy", "quote", "statistic"])
    #expect(classifier.summary.keywords > 100)
  }
}
