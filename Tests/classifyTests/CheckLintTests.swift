import Foundation
import Testing

@Suite("classify check: pattern lint")
struct CheckLintTests {
  /// A statistic rule file with one pattern rule `statistic/probe`, whose pattern is written on
  /// line 5 from column 14 (its opening quote).
  private static func ruleFile(pattern: String) -> String {
    """
    category: statistic
    threshold: 1
    rules:
      - id: probe
        pattern: '\(pattern)'
        weight: 1
    """
  }

  @Test("a pattern that can match the empty string is a warning at its place; exit 0")
  func emptyMatchWarning() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules(["statistic.yaml": Self.ruleFile(pattern: #"\d*"#)])
    let result = try CLI.run(["check", "--rules", rules])
    #expect(result.succeeded, "stderr: \(result.errors)")
    #expect(result.output.hasPrefix("\(rules): ok"))
    #expect(
      result.errorLines.contains(
        "\(rules)/statistic.yaml:5:14: warning: pattern 'statistic/probe' can match the empty "
          + "string, so it fires on segments without any of its text; make part of it required "
          + "('+' rather than '*', text outside lookarounds)"), "stderr: \(result.errors)")
    #expect(result.errorLines.last == "classify: 1 warning in \(rules)")
  }

  @Test("a pattern that backtracks without end is a warning naming the text that shows it")
  func backtrackingWarning() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules(["statistic.yaml": Self.ruleFile(pattern: #"(\w+\s?)+$"#)])
    let result = try CLI.run(["check", "--rules", rules])
    #expect(result.succeeded, "stderr: \(result.errors)")
    let line = try #require(result.errorLines.first, "no warning")
    #expect(line.hasPrefix("\(rules)/statistic.yaml:5:14: warning: pattern 'statistic/probe' "))
    #expect(line.contains("hit the match limit (1,000,000 steps) on 1 KB of 'a' followed by '!a '"))
    #expect(line.contains("possessive"))
  }

  @Test("warnings come after the summary, one per problem, ordered by place")
  func severalWarnings() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules([
      "a.yaml": Fixtures.enforcement,
      "b.yaml": """
      category: statistic
      threshold: 1
      rules:
        - id: slow
          pattern: '(a+)+$'
          weight: 1
        - id: fine
          pattern: '\\d+ people'
          weight: 1
        - id: empty
          pattern: "x*"
          weight: 1
      """,
    ])
    let result = try CLI.run(["check", "--rules", rules])
    #expect(result.succeeded, "stderr: \(result.errors)")
    #expect(result.output.contains("2 categories"))
    let warnings = result.errorLines.filter { $0.contains(": warning: ") }
    #expect(warnings.count == 2)
    #expect(
      warnings.first?.hasPrefix("\(rules)/b.yaml:5:14: warning: pattern 'statistic/slow'") == true)
    #expect(
      warnings.last?.hasPrefix("\(rules)/b.yaml:11:14: warning: pattern 'statistic/empty'") == true)
    #expect(result.errorLines.last == "classify: 2 warnings in \(rules)")
  }

  @Test("--no-lint skips the lint: no warnings")
  func noLint() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules(["statistic.yaml": Self.ruleFile(pattern: #"(a+)+$|x*"#)])
    let result = try CLI.run(["check", "--rules", rules, "--no-lint"])
    #expect(result.succeeded)
    #expect(result.stderr.isEmpty, "stderr: \(result.errors)")
  }

  @Test("rules that lint clean print no warnings and nothing to standard error")
  func cleanRules() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(["check", "--rules", rules])
    #expect(result.succeeded)
    #expect(result.stderr.isEmpty, "stderr: \(result.errors)")
  }

  @Test("rules with errors exit 2 before any lint")
  func errorsBeforeLint() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules([
      "statistic.yaml": Self.ruleFile(pattern: "x*") + "\n  - id: broken\n    pattern: '('\n"
        + "    weight: 1\n"
    ])
    let result = try CLI.run(["check", "--rules", rules])
    #expect(result.exited && result.status == 2)
    #expect(!result.errors.contains("warning:"))
  }
}
