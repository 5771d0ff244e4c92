import Foundation
import Testing

/// A rule file with one problem, and where and how `classify check` must report it.
struct RuleErrorCase: CustomTestStringConvertible, Sendable {
  var name: String
  var yaml: String
  var line: Int
  var column: Int
  var message: String

  var testDescription: String { name }

  static let all: [RuleErrorCase] = [
    RuleErrorCase(
      name: "YAML syntax",
      yaml: """
        category: statistic
        threshold: 1
        rules:
          - id: a
            pattern: x: y
        """,
      line: 5, column: 15, message: "YAML: mapping values are not allowed"),
    RuleErrorCase(
      name: "unknown key",
      yaml: """
        category: statistic
        threshold: 1
        rules:
          - id: a
            pattern: 'x'
            weight: 1
            colour: red
        """,
      line: 7, column: 5, message: "unknown rule key 'colour'"),
    RuleErrorCase(
      name: "unknown category key",
      yaml: """
        category: statistic
        treshold: 1
        rules:
          - id: a
            pattern: 'x'
            weight: 1
        """,
      line: 2, column: 1, message: "unknown category key 'treshold'"),
    RuleErrorCase(
      name: "missing weight",
      yaml: """
        category: statistic
        threshold: 1
        rules:
          - id: a
            pattern: 'x'
        """,
      line: 4, column: 5, message: "missing 'weight'"),
    RuleErrorCase(
      name: "missing threshold",
      yaml: """
        category: statistic
        rules:
          - id: a
            pattern: 'x'
            weight: 1
        """,
      line: 1, column: 1, message: "missing 'threshold'"),
    RuleErrorCase(
      name: "duplicate rule id",
      yaml: """
        category: statistic
        threshold: 1
        rules:
          - id: a
            pattern: 'x'
            weight: 1
          - id: a
            pattern: 'y'
            weight: 1
        """,
      line: 7, column: 5, message: "duplicate rule id 'a'"),
    RuleErrorCase(
      name: "bad number",
      yaml: """
        category: statistic
        threshold: 1
        rules:
          - id: a
            pattern: 'x'
            weight: heavy
        """,
      line: 6, column: 13, message: "weight must be a number"),
    RuleErrorCase(
      name: "threshold not positive",
      yaml: """
        category: statistic
        threshold: 0
        rules:
          - id: a
            pattern: 'x'
            weight: 1
        """,
      line: 2, column: 12, message: "threshold must be greater than 0"),
    RuleErrorCase(
      name: "keyword syntax",
      yaml: """
        category: statistic
        threshold: 1
        rules:
          - id: a
            keywords:
              "per*cent": 1
        """,
      line: 6, column: 7, message: "'*' may only end a keyword"),
    RuleErrorCase(
      name: "PCRE2 compile error",
      yaml: """
        category: statistic
        threshold: 1
        rules:
          - id: a
            pattern: 'abc[z-a]'
            weight: 1
        """,
      line: 5, column: 21, message: "pattern error: range out of order in character class"),
  ]
}

@Suite("classify check")
struct CheckCommandTests {
  @Test("valid rules load: a summary of categories, rules and keywords, exit 0")
  func summary() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let result = try CLI.run(["check", "--rules", rules])
    #expect(result.succeeded)
    #expect(result.stderr.isEmpty)
    #expect(result.output.contains("3 categories"))
    #expect(result.output.contains("5 rules"))
    #expect(result.output.contains("4 keywords"))
    for category in Fixtures.categories { #expect(result.output.contains(category)) }
  }

  @Test(
    "patterns, or parts of split patterns, with no literal to look for are listed as always scanned"
  )
  func alwaysScanned() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write(
      "statistic.yaml",
      #"""
      category: statistic
      threshold: 1
      rules:
        - id: filtered
          pattern: '\b[0-9]+ arrests'
          weight: 1
        - id: capitals
          pattern: '\b[A-Z]{3,}\b'
          weight: 1
        - id: partly
          pattern: 'police|[A-Z]{5}'
          weight: 1
      """#)
    let result = try CLI.run(["check", "--no-lint", "--rules", file])
    #expect(result.succeeded)
    #expect(
      result.output.contains(
        "always scanned: 2 patterns (or part) with no literal to look for first, run on every "
          + "segment (slower): statistic/capitals, statistic/partly"))
  }

  @Test("--rules accepts a single YAML file")
  func singleFile() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write("enforcement.yaml", Fixtures.enforcement)
    let check = try CLI.run(["check", "--rules", file])
    #expect(check.succeeded)
    #expect(check.output.contains("1 categor"))
    let run = try CLI.run(["--rules", file], stdin: "He was jailed.\n")
    #expect(run.succeeded)
    #expect(try run.records().map(\.scores) == [["enforcement": 3]])
  }

  @Test(
    "each kind of rule error is reported as file:line:col: message with exit 2",
    arguments: RuleErrorCase.all)
  func ruleError(_ error: RuleErrorCase) throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules(["statistic.yaml": error.yaml])
    let file = rules + "/statistic.yaml"
    let result = try CLI.run(["check", "--rules", rules])
    #expect(result.exited && result.status == 2)
    #expect(result.stdout.isEmpty)
    let prefix = "\(file):\(error.line):\(error.column): "
    let line = result.errorLines.first { $0.hasPrefix(prefix) }
    #expect(line?.contains(error.message) == true, "stderr: \(result.errors)")
  }

  @Test("a category defined in two files is reported at the second file")
  func duplicateCategory() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules([
      "a.yaml": Fixtures.enforcement,
      "b.yaml": Fixtures.enforcement.replacingOccurrences(of: "custodial", with: "prison"),
    ])
    let result = try CLI.run(["check", "--rules", rules])
    #expect(result.exited && result.status == 2)
    #expect(
      result.errorLines.contains {
        $0.hasPrefix("\(rules)/b.yaml:1:1: ") && $0.contains("duplicate category 'enforcement'")
          && $0.contains("a.yaml")
      }, "stderr: \(result.errors)")
  }

  @Test("every error of every file is reported in one run")
  func allErrors() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules([
      "a.yaml": """
      category: policy
      threshold: 1
      rules:
        - id: one
          pattern: '(open'
          weight: 1
        - id: two
          pattern: 'x'
          weight: lots
      """,
      "b.yaml": """
      category: quote
      threshold: 1
      rules:
        - id: three
          keywords:
            "*": 1
      """,
      "c.yaml": Fixtures.enforcement,
      "d.yaml": "category: [statistic\n",
    ])
    let result = try CLI.run(["check", "--rules", rules])
    #expect(result.exited && result.status == 2)
    #expect(result.stdout.isEmpty)
    let located = result.errorLines.filter {
      $0.range(of: #"^.+\.yaml:\d+:\d+: "#, options: .regularExpression) != nil
    }
    #expect(located.filter { $0.hasPrefix("\(rules)/a.yaml:") }.count == 2)
    #expect(located.filter { $0.hasPrefix("\(rules)/b.yaml:") }.count == 1)
    #expect(located.filter { $0.hasPrefix("\(rules)/c.yaml:") }.isEmpty)
    #expect(located.filter { $0.hasPrefix("\(rules)/d.yaml:") }.count == 1)
  }

  @Test("a PCRE2 error in a single-quoted pattern points into the pattern in the file")
  func patternErrorColumn() throws {
    let directory = try TemporaryDirectory()
    let yaml = #"""
      category: statistic
      threshold: 1
      rules:
        - id: unbalanced
          pattern: '\bfoo(bar\b'
          weight: 1
      """#
    let rules = try directory.rules(["statistic.yaml": yaml])
    let result = try CLI.run(["check", "--rules", rules])
    #expect(result.exited && result.status == 2)
    let line = try #require(result.errorLines.first { $0.contains("pattern error") })
    let match = try #require(line.firstMatch(of: #/statistic\.yaml:(\d+):(\d+): /#))
    #expect(Int(match.1) == 5)
    let sourceLine = Array(yaml.split(separator: "\n")[4])
    let opening = try #require(sourceLine.firstIndex(of: "'"))
    let closing = try #require(sourceLine.lastIndex(of: "'"))
    // Columns count from 1: the pattern's characters and the closing quote just after them.
    let column = try #require(Int(match.2))
    #expect((opening + 2...closing + 1).contains(column), "column \(column) in \(line)")
  }

  @Test(
    "PCRE2 error positions in one-line patterns account for quoting, escapes and non-ASCII text",
    arguments: PatternPlacement.oneLine)
  func patternErrorInOneLine(_ placement: PatternPlacement) throws {
    try expectPatternErrorAtBadRange(placement)
  }

  @Test(
    "PCRE2 error positions in patterns written over several lines land on the bad character",
    arguments: PatternPlacement.multiLine)
  func patternErrorOverLines(_ placement: PatternPlacement) throws {
    try expectPatternErrorAtBadRange(placement)
  }

  @Test("PCRE2 error positions are right in a rule file with CRLF line endings")
  func patternErrorWithCRLF() throws {
    try expectPatternErrorAtBadRange(
      PatternPlacement("CRLF", ["    pattern: 'it''s [z-a]'"]), lineEnding: "\r\n")
  }

  /// Checks that `check` reports the pattern's error at the `a` of `[z-a]`, where PCRE2 detects
  /// that the range is out of order (the one-line cases show the convention).
  private func expectPatternErrorAtBadRange(
    _ placement: PatternPlacement, lineEnding: String = "\n",
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let directory = try TemporaryDirectory()
    let lines =
      ["category: statistic", "threshold: 1", "rules:", "  - id: range"] + placement.lines
      + ["    weight: 1"]
    let rules = try directory.rules([
      "statistic.yaml": lines.joined(separator: lineEnding) + lineEnding
    ])
    let result = try CLI.run(["check", "--rules", rules])
    #expect(result.exited && result.status == 2, sourceLocation: sourceLocation)
    let line = try #require(
      result.errorLines.first { $0.contains("pattern error") }, sourceLocation: sourceLocation)
    let match = try #require(
      line.firstMatch(of: #/statistic\.yaml:(\d+):(\d+): /#), sourceLocation: sourceLocation)
    let badLine = try #require(lines.firstIndex { $0.contains("[z-a]") })
    let bracket = try #require(Array(lines[badLine]).firstIndex(of: "["))
    let expected = "\(badLine + 1):\(bracket + 4)"
    #expect("\(match.1):\(match.2)" == expected, "\(line)", sourceLocation: sourceLocation)
  }

  @Test("a rule file saved with a UTF-8 byte order mark loads")
  func byteOrderMark() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules(["enforcement.yaml": "\u{FEFF}" + Fixtures.enforcement])
    let result = try CLI.run(["check", "--rules", rules])
    #expect(result.succeeded, "stderr: \(result.errors)")
    #expect(result.output.contains("1 categor"))
  }

  @Test("classify with rules that fail to load exits 2 and writes nothing to stdout")
  func badRulesStopClassification() throws {
    let directory = try TemporaryDirectory()
    let rules = try directory.rules([
      "a.yaml": Fixtures.enforcement,
      "b.yaml":
        "category: policy\nthreshold: 1\nrules:\n  - id: x\n    pattern: '('\n    weight: 1\n",
    ])
    let input = try directory.write("input.txt", "He was jailed.\n")
    for arguments in [["--rules", rules, input], ["--rules", rules, "--explain"]] {
      let result = try CLI.run(arguments, stdin: "He was jailed.\n")
      #expect(result.exited && result.status == 2)
      #expect(result.stdout.isEmpty)
      #expect(result.errors.contains("\(rules)/b.yaml:5:"))
    }
  }

  @Test("a rules path that does not exist is a rules error naming the path")
  func missingRules() throws {
    let directory = try TemporaryDirectory()
    let missing = directory.path("no-such-rules")
    for arguments in [["check", "--rules", missing], ["--rules", missing]] {
      let result = try CLI.run(arguments, stdin: "text\n")
      #expect(result.exited && result.status == 2)
      #expect(result.stdout.isEmpty)
      #expect(result.errors.contains(missing))
    }
  }

  @Test("a directory without rule files is a rules error")
  func emptyRulesDirectory() throws {
    let directory = try TemporaryDirectory()
    try directory.write("rules/README.md", "not rules")
    let result = try CLI.run(["check", "--rules", directory.path("rules")])
    #expect(result.exited && result.status == 2)
    #expect(result.stdout.isEmpty)
  }
}

/// A pattern holding the bad range `[z-a]`, written as the lines of a rule's `pattern:` key.
struct PatternPlacement: CustomTestStringConvertible, Sendable {
  var name: String
  var lines: [String]

  init(_ name: String, _ lines: [String]) {
    self.name = name
    self.lines = lines
  }

  var testDescription: String { name }

  static let oneLine = [
    PatternPlacement("plain", ["    pattern: abc [z-a] def"]),
    PatternPlacement(
      "single-quoted with '' escapes", [#"    pattern: 'it''s a ''quoted'' [z-a] word'"#]),
    PatternPlacement("double-quoted with escapes", [#"    pattern: "\\d+\t\"x\" [z-a]""#]),
    PatternPlacement(
      "double-quoted with \\u, \\x and \\U escapes", [#"    pattern: "\u00e9\x41\U0001F600 [z-a]""#]
    ),
    PatternPlacement("non-ASCII text", ["    pattern: '日本語日本語 café [z-a]'"]),
    PatternPlacement("a tab inside quotes", ["    pattern: 'a\tb [z-a]'"]),
  ]

  static let multiLine = [
    PatternPlacement(
      "literal block", ["    pattern: |-", "      first line", "      second [z-a] line"]),
    PatternPlacement(
      "literal block with a blank line", ["    pattern: |", "      abc", "", "      def [z-a]"]),
    PatternPlacement("folded block", ["    pattern: >", "      abc", "      def [z-a]"]),
    PatternPlacement(
      "plain scalar folded over two lines", ["    pattern: abc", "      def [z-a]"]),
    PatternPlacement(
      "single-quoted folded over two lines", ["    pattern: 'abc", "      def [z-a]'"]),
    PatternPlacement(
      "single-quoted folded across a blank line", ["    pattern: 'abc", "", "      def [z-a]'"]),
    PatternPlacement(
      "plain scalar folded across a blank line", ["    pattern: abc", "", "      def [z-a]"]),
    PatternPlacement(
      "folded block with a blank line", ["    pattern: >-", "      abc", "", "      def [z-a]"]),
    PatternPlacement(
      "single-quoted with trailing spaces before the fold",
      ["    pattern: 'abc  ", "      def [z-a]'"]),
    PatternPlacement(
      "double-quoted with an escaped line break", [#"    pattern: "abc\"#, #"      def [z-a]""#]),
    PatternPlacement(
      "literal block with an indentation indicator",
      ["    pattern: |2", "        abc", "        def [z-a]"]),
  ]
}
