import Testing

@testable import ClassifierCore

@Suite struct RuleScopeParsingTests {
  /// A one-rule category with `scopeLine` (e.g. `    scope: segment\n`) as the rule's last line.
  private static func source(_ scopeLine: String, name: String = "r.yaml") -> RuleSource {
    RuleSource(
      name: name,
      text: "category: a\nthreshold: 1\nrules:\n  - id: x\n    pattern: 'a'\n    weight: 1\n"
        + scopeLine)
  }

  private static func diagnostics(_ sources: [RuleSource]) -> [String] {
    do {
      _ = try Classifier(loading: sources)
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test("a rule without 'scope' looks at its own segment")
  func defaultScope() throws {
    let classifier = try Classifier(loading: [Self.source("")])
    #expect(classifier.categories[0].rules.map(\.scope) == [.segment])
    #expect(classifier.rules.map(\.scope) == [.segment])
  }

  @Test("each scope name is read into its scope", arguments: RuleScope.allCases)
  func knownScopes(scope: RuleScope) throws {
    let classifier = try Classifier(loading: [Self.source("    scope: \(scope.rawValue)\n")])
    #expect(classifier.categories[0].rules.map(\.scope) == [scope])
    #expect(classifier.rules.map(\.scope) == [scope])
  }

  @Test("the scope names are the ones the rule files use")
  func scopeNames() {
    #expect(
      RuleScope.allCases.map(\.rawValue) == ["segment", "previous-segment", "continued-quotation"])
  }

  @Test("keyword lists take a scope too")
  func keywordListScope() throws {
    let classifier = try Classifier(loading: [
      RuleSource(
        name: "k.yaml",
        text: """
          category: k
          threshold: 1
          rules:
            - id: lead
              keywords: {said: 1}
              scope: previous-segment
            - id: inside
              keywords: {we: 1}
              scope: continued-quotation
          """)
    ])
    #expect(classifier.rules.map(\.scope) == [.previousSegment, .continuedQuotation])
  }

  @Test(
    "an unknown or non-string scope is reported at its value, and nothing loads",
    arguments: [
      (
        "    scope: sideways\n",
        "r.yaml:7:12: 'scope' must be one of 'segment', 'previous-segment', "
          + "'continued-quotation', not 'sideways'"
      ),
      ("    scope: Previous-Segment\n", "r.yaml:7:12: 'scope' must be one of"),
      ("    scope: previous_segment\n", "r.yaml:7:12: 'scope' must be one of"),
      ("    scope: [segment]\n", "r.yaml:7:12: scope must be a string"),
      ("    scope: {a: 1}\n", "r.yaml:7:12: scope must be a string"),
    ])
  func badScope(scopeLine: String, expected: String) {
    let found = Self.diagnostics([Self.source(scopeLine)])
    #expect(found.count == 1, "got \(found)")
    #expect(found.first?.hasPrefix(expected) == true, "got \(found)")
  }

  @Test("a bad scope in one file stops the other, valid files loading too")
  func badScopeLoadsNothing() {
    let good = RuleSource(
      name: "b.yaml",
      text: "category: b\nthreshold: 1\nrules:\n  - id: y\n    pattern: 'b'\n    weight: 1\n")
    let found = Self.diagnostics([good, Self.source("    scope: around\n", name: "a.yaml")])
    #expect(found.count == 1 && found.first?.hasPrefix("a.yaml:7:12:") == true, "got \(found)")
  }
}
