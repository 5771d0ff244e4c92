import Testing
import Workloads

@testable import ClassifierCore

@Suite struct PatternLintTests {
  /// Where the test rule's pattern is written.
  private static let location = SourceLocation(file: "rules/statistic.yaml", line: 12, column: 14)

  /// Lints one pattern, compiled as a rule `statistic/probe` written at `location`.
  private static func lint(_ pattern: String, sensitive: Bool = false) throws -> [PatternWarning] {
    let rule = PatternRule(
      pattern: pattern, weight: 1, isCaseSensitive: sensitive, location: location)
    let classifier = try Classifier(
      ruleSet: RuleSet(categories: [
        CategoryDefinition(
          name: "statistic", description: "", threshold: 1,
          rules: [RuleDefinition(id: "probe", kind: .pattern(rule), location: location)],
          location: location)
      ]))
    return PatternLint().warnings(for: classifier)
  }

  private static func kinds(_ pattern: String) throws -> [PatternWarning.Kind] {
    try lint(pattern).map(\.kind)
  }

  @Test(
    "nested or overlapping repeats hit the match limit on pumped text, the same on every run",
    arguments: [
      #"(a+)+$"#, #"(\w+\s?)+$"#, #"(\d+)*x"#, #"(a|aa)+$"#, #"\bsaid:\s*(\w+\s?)+!"#,
      #"(?:\w+,?)+\."#, #"(x+x+)+y"#,
    ])
  func backtrackingPatterns(pattern: String) throws {
    #expect(try Self.kinds(pattern) == [.exceedsMatchLimit])
  }

  @Test(
    "a repeat that rescans a run from every position is slow: 4 KB takes over 10 times 1 KB",
    arguments: [#"\d(?:[\d,]*\d)?%"#, #"\d+\s*\s+people"#])
  func quadraticPatterns(pattern: String) throws {
    let warnings = try Self.lint(pattern)
    #expect(warnings.map(\.kind) == [.slow])
    #expect(warnings.first?.message.contains("times as long for 4 times the text") == true)
  }

  @Test(
    "linear patterns of the kinds the stock rules use raise no warning",
    arguments: [
      #"\d+ people"#, #"\bfoo\b"#, #"\b(?:jailed|imprisoned|sentenced)\b"#,
      #"(?<![\d,.])\d{1,3}(?:,\d{3})+ (?:people|arrests)\b"#, #"\d+(?:\.\d+)?\s?(?:%|per ?cent\b)"#,
      #"\b(?:official|government|police) (?:figures|statistics|data)\b"#,
      #"\baccording to (?:\w+ ){0,4}(?:figures|statistics|data)\b"#,
      #"[“"]\s*[^”"]{1,200}[”"]"#, #"\b[A-Z][a-z]+ (?:said|told) (?:reporters|the court)\b"#,
      #"(?i)\bpolice (?:said|say)\b"#, #"\A[^:]{0,140}:\s*\z"#,
    ])
  func linearPatterns(pattern: String) throws {
    #expect(try Self.lint(pattern).isEmpty)
  }

  @Test(
    "patterns that can match the empty string are flagged, lookarounds and \\b included",
    arguments: [
      #"x*"#, #"\b"#, #"(?=a)"#, #"(?:foo)?"#, #"a?b?"#, #"^"#, #"(?<!x)\b"#, #"foo|"#,
      #"(?:a|\b)"#,
    ])
  func emptyMatches(pattern: String) throws {
    #expect(try Self.kinds(pattern).contains(.matchesEmptyString))
  }

  @Test(
    "patterns that always consume text are not flagged as empty-matching",
    arguments: [#"\bfoo\b"#, #"a+"#, #"(?=a)a"#, #"foo\K"#, #"(?:a|bc)+"#, #"\d{2,}"#, #"[^x]"#])
  func nonEmptyMatches(pattern: String) throws {
    #expect(try !Self.kinds(pattern).contains(.matchesEmptyString))
  }

  @Test("a warning names the rule and the pattern's place, in compiler form")
  func warningText() throws {
    let warnings = try Self.lint("x*")
    let warning = try #require(warnings.first)
    #expect(warning.rule == "statistic/probe")
    #expect(warning.location == Self.location)
    #expect(
      warning.description.hasPrefix(
        "rules/statistic.yaml:12:14: warning: pattern 'statistic/probe' can match the empty "
          + "string, so it fires on segments without any of its text"))
  }

  @Test("a match-limit warning names the pumped text and what to do about it")
  func limitWarningText() throws {
    let warning = try #require(try Self.lint(#"foo(a+)+$"#).first)
    #expect(warning.message.hasPrefix("pattern 'statistic/probe' hit the match limit (1,000,000"))
    #expect(warning.message.contains("'foo' then 1 KB of 'a' followed by '!foa'"))
    #expect(warning.message.contains("possessive"))
  }

  @Test("whenever PCRE2 finds an empty match, the lint says the pattern can match empty")
  func emptyMatchProperty() throws {
    var random = SeededGenerator(seed: 0x11A7)
    let scratch = MatchScratch(matchLimit: 100_000)
    var emptyMatches = 0
    for _ in 0..<2000 {
      let pattern = RandomPattern.make(using: &random)
      guard let program = try? RegexProgram(pattern: pattern, isCaseSensitive: false) else {
        continue
      }
      let sketch = PatternSketch(pattern: pattern)
      #expect(sketch != nil, "the sketch cannot read \(pattern)")
      let flagged = PatternLint.canMatchEmpty(program: program, sketch: sketch, scratch: scratch)
      for _ in 0..<8 {
        let bytes = Array(RandomPattern.text(using: &random).utf8)
        let outcome = bytes.withUnsafeBufferPointer { program.firstMatch(in: $0, scratch: scratch) }
        guard case .match(let range) = outcome, range.isEmpty else { continue }
        emptyMatches += 1
        #expect(flagged, "\(pattern) matched empty in \(String(decoding: bytes, as: UTF8.self))")
      }
    }
    #expect(emptyMatches > 100)
  }

  @Test("the sketch finds the text that leads into each unbounded repeat")
  func repeatsAndPrefixes() throws {
    let sketch = try #require(PatternSketch(pattern: #"\bfined\s+(?:\w+\s?)+(?:x|y){0,3}!"#))
    let repeats = sketch.unboundedRepeats()
    #expect(repeats.map(\.prefix) == ["fined", "fined ", "fined "])
    #expect(repeats[1].iterations == ["a", "a "])
    #expect(repeats[2].iterations == ["a"])
    #expect(sketch.words == ["fined"])
  }

  @Test("classes sample their members; negated classes a common character they leave out")
  func classSamples() throws {
    for (pattern, expected) in [
      (#"[\d,]+"#, ["1", ","]), (#"[^a-z ]+"#, ["1"]), (#"[^\w]+"#, [" "]),
      (#"[[:punct:]x]+"#, [".", "x"]),
      (#"\p{Lu}+"#, ["A"]), (#"\x{41}+"#, ["A"]),
    ] {
      let sketch = try #require(PatternSketch(pattern: pattern))
      #expect(sketch.unboundedRepeats().first?.iterations == expected, "\(pattern)")
    }
  }

  @Test("syntax the sketch does not model gives no sketch, and the lint still runs")
  func unreadableSyntax() throws {
    for pattern in [#"(?x) a + b"#, #"(?(1)a|b)"#] {
      #expect(PatternSketch(pattern: pattern) == nil)
    }
    #expect(try Self.lint(#"(?x) ( a + ) + $"#).map(\.kind) == [.exceedsMatchLimit])
  }

  @Test("subjects are the prefix, whole pumps to about the length, then the failing suffix")
  func subjectLayout() {
    let subjects = AdversarialSubjects(pattern: "(ab)+!", sketch: PatternSketch(pattern: "(ab)+!"))
    #expect(subjects.failure == "#")
    let pump = AdversarialSubjects.Pump(prefix: "x", unit: "aab")
    let subject = String(decoding: subjects.subject(pump, length: 100), as: UTF8.self)
    #expect(subject == "x" + String(repeating: "aab", count: 33) + subjects.suffix)
    #expect(subjects.suffix.hasPrefix("#"))
  }

  @Test("the sketch reads any string of pattern syntax without trapping")
  func sketchOfRandomSyntax() {
    var random = SeededGenerator(seed: 0x5EED)
    let alphabet = Array(#"\()[]{}|*+?.^$-:=!<>'&#PpQEKxkgbdws0129a,é"#)
    var read = 0
    for _ in 0..<5000 {
      let pattern = String(
        (0..<Int.random(in: 1...16, using: &random)).map { _ in
          alphabet.randomElement(using: &random)!
        })
      guard let sketch = PatternSketch(pattern: pattern) else { continue }
      read += 1
      _ = sketch.canMatchEmpty
      _ = AdversarialSubjects(pattern: pattern, sketch: sketch).pumps
    }
    #expect(read > 500)
  }

  @Test(
    "durations read as milliseconds with two significant digits",
    arguments: [
      (Duration.microseconds(412), "0.41 ms"), (.microseconds(2_949), "2.9 ms"),
      (.microseconds(996), "1.0 ms"), (.microseconds(47_400), "47 ms"),
      (.milliseconds(180), "180 ms"),
    ])
  func durationText(duration: Duration, expected: String) {
    #expect(PatternLint.format(duration) == expected)
  }

  /// Only the deterministic findings are asserted: timing depends on the machine. (`classify
  /// check` on a release build reports no slow stock pattern either.)
  @Test("the stock rules: no pattern matches empty or hits the match limit on adversarial text")
  func stockRules() throws {
    let classifier = try Classifier(loading: RuleSource.stock)
    let warnings = PatternLint().warnings(for: classifier)
    #expect(
      !warnings.contains { $0.kind == .matchesEmptyString || $0.kind == .exceedsMatchLimit },
      "\(warnings)")
  }
}
