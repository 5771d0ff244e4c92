import Testing
import Workloads

@testable import ClassifierCore

@Suite struct RequiredLiteralsTests {
  private static func literals(_ pattern: String, sensitive: Bool = false) -> Set<String>? {
    RequiredLiterals.requirements(pattern: pattern, isCaseSensitive: sensitive)?.first.map {
      Set($0.map { String(decoding: $0, as: UTF8.self) })
    }
  }

  @Test(
    "case-sensitive patterns yield the literals every match contains",
    arguments: [
      (#"\b(?:jailed|imprisoned)\b"#, ["jailed", "imprisoned"]),
      ("colou?r", ["colour", "color"]),
      (#"\bfoo|bar"#, ["foo", "bar"]),
      (#"\d+ arrests\b"#, [" arrests"]),
      (#"Police(?= said)"#, ["police"]),
      (#"(?:pre|post)-?war"#, ["prewar", "pre-war", "postwar", "post-war"]),
      (#"\QU.S.\E (?:Senate|House)"#, ["u.s. senate", "u.s. house"]),
      (#"[0-9]+ per cent"#, [" per cent"]),
      (#"(?<verb>fined|jailed) for"#, ["fined for", "jailed for"]),
    ])
  func sensitive(pattern: String, expected: [String]) {
    #expect(Self.literals(pattern, sensitive: true) == Set(expected))
  }

  @Test("caseless patterns fold ASCII letters and keep only caseless non-ASCII characters")
  func caseless() {
    #expect(Self.literals(#"\b(?:Jailed|Imprisoned)\b"#) == ["jailed", "imprisoned"])
    #expect(Self.literals("“Stop”") == ["“stop”"])
    #expect(Self.literals("café au lait") == [" au lait"])
    #expect(Self.literals("café au lait", sensitive: true) == ["café au lait"])
    #expect(Self.literals("abc(?i)dé", sensitive: true) == ["abcd"])
  }

  @Test("short classes of plain characters are literal sets; others are unknown")
  func classes() {
    #expect(Self.literals(#"[“"]Police"#, sensitive: true) == ["“police", "\"police"])
    #expect(Self.literals(#"[Ss]entenced"#, sensitive: true) == ["sentenced"])
    #expect(Self.literals(#"[a-z]ed"#, sensitive: true) == ["ed"])
    #expect(Self.literals(#"[^x]ed"#, sensitive: true) == ["ed"])
    #expect(Self.literals(#"[]x]y"#, sensitive: true) == ["]y", "xy"])
    #expect(Self.literals(#"[0-2],[0-9]{3}"#, sensitive: true)?.count == 30)
    #expect(
      Self.literals(#"\b[0-9]+ (?:arrests|charges)"#, sensitive: true) == [" arrests", " charges"])
  }

  @Test("a repeated atom's first occurrence still joins the literal before it")
  func repetition() {
    #expect(Self.literals("ab+c", sensitive: true) == ["ab"])
    #expect(Self.literals("x(?:yz){2,}w", sensitive: true) == ["xyz"])
    #expect(Self.literals("abc?d", sensitive: true) == ["abcd", "abd"])
  }

  private static func requirements(_ pattern: String) -> [Set<String>]? {
    RequiredLiterals.requirements(pattern: pattern, isCaseSensitive: false)?.map {
      Set($0.map { String(decoding: $0, as: UTF8.self) })
    }
  }

  @Test("\\d requires the first byte of a decimal digit: ASCII, or the lead byte of another's")
  func digits() throws {
    let digits = try #require(
      RequiredLiterals.requirements(pattern: #"\d+"#, isCaseSensitive: true))
    #expect(digits.count == 1)
    #expect(Set(digits[0]) == RequiredLiterals.digitStarts)
    // Every decimal digit PCRE2 knows starts with one of them.
    let program = try RegexProgram(pattern: #"\d"#, isCaseSensitive: true)
    let scratch = MatchScratch(matchLimit: 1_000)
    for scalar in (0x80...0x10FFFF).compactMap(Unicode.Scalar.init) {
      var bytes = Array(String(scalar).utf8)
      let isDigit = bytes.withUnsafeMutableBufferPointer {
        program.firstMatch(in: UnsafeBufferPointer($0), scratch: scratch) != .noMatch
      }
      if isDigit { #expect(RequiredLiterals.digitStarts.contains([bytes[0]]), "\(scalar)") }
    }
  }

  @Test(
    "a sequence requires a literal of each of its parts: the rarest set first, no set implied by another"
  )
  func conjunction() {
    // The digits after the words join them: ` in 3` holds ` in ` and a digit.
    let joined = Self.requirements(#"\b[0-9]+ (?:in|out of) (?:every )?[0-9]+"#)
    #expect(joined?.count == 1)
    #expect(joined?.first?.count == 40)
    #expect(joined?.first?.contains(" out of every 7") == true)
    let words = Set(["arrests", "charges"].map { " " + $0 })
    #expect(
      Self.requirements(#"\d+ (?:arrests|charges)"#)
        == [words, Set(RequiredLiterals.digitStarts.map { String(decoding: $0, as: UTF8.self) })])
    // `s` is in `said`; a single letter is everywhere.
    #expect(Self.requirements(#"\bsaid\b[^.]{0,9}"#) == [["said"]])
  }

  @Test(
    "patterns without a provable literal run on every segment",
    arguments: [
      ".*", "[a-z]+", #"\D+"#, "x?", "(?x) foo bar", "(?x: foo)", "a(*ACCEPT)bcd", "(?(1)ab|cd)",
      #"(?:abc)*"#, #"\w+\b"#, "(*pla:abc)", "a|.", "(?R)?xyz|",
    ])
  func unprovable(pattern: String) {
    #expect(Self.literals(pattern, sensitive: true) == nil)
  }

  @Test("a recursion or backreference between literals breaks the run")
  func calls() {
    #expect(Self.literals("abc(?1)def(ghi)", sensitive: true) == ["defghi"])
    #expect(Self.literals(#"(abcd)\1xyz"#, sensitive: true) == ["abcd"])
    #expect(Self.literals(#"\w+ed\b"#, sensitive: true) == ["ed"])
  }

  /// For random patterns and texts: whenever PCRE2 finds a match, the classifier's prefilter
  /// lets the pattern run, so its rule fires. A failure means a pattern could be skipped wrongly.
  @Test("the prefilter is sound: a pattern rule fires on every segment PCRE2 matches")
  func soundness() throws {
    var random = SeededGenerator(seed: 0x5EED)
    let scratch = MatchScratch(matchLimit: 100_000)
    var checked = 0
    for _ in 0..<3000 {
      let pattern = RandomPattern.make(using: &random)
      let caseSensitive = Bool.random(using: &random)
      guard let program = try? RegexProgram(pattern: pattern, isCaseSensitive: caseSensitive) else {
        continue
      }
      let location = SourceLocation(file: "random.yaml", line: 1, column: 1)
      let rule = PatternRule(
        pattern: pattern, weight: 1, isCaseSensitive: caseSensitive, location: location)
      let classifier = try Classifier(
        ruleSet: RuleSet(categories: [
          CategoryDefinition(
            name: "c", description: "", threshold: 1,
            rules: [RuleDefinition(id: "r", kind: .pattern(rule), location: location)],
            location: location)
        ]))
      var workspace = ClassifierWorkspace(for: classifier)
      for _ in 0..<8 {
        let bytes = Array(RandomPattern.text(using: &random).utf8)
        bytes.withUnsafeBufferPointer { buffer in
          guard case .match = program.firstMatch(in: buffer, scratch: scratch) else { return }
          classifier.classify(buffer, in: &workspace)
          #expect(
            workspace.result.evidence.count == 1,
            "pattern \(pattern) matched \(String(decoding: bytes, as: UTF8.self).debugDescription)")
          checked += 1
        }
      }
    }
    #expect(checked > 500)
  }

  @Test("under caseless UCP matching only k and s have non-ASCII partners")
  func pcre2CaselessPartnersOfASCIILetters() throws {
    let scratch = MatchScratch(matchLimit: 100_000)
    var lettersWithPartners: Set<Character> = []
    for letter in "abcdefghijklmnopqrstuvwxyz" {
      let program = try RegexProgram(pattern: String(letter), isCaseSensitive: false)
      for value in UInt32(0x80)...0x2FFFF {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let bytes = Array(String(scalar).utf8)
        let matched = bytes.withUnsafeBufferPointer { buffer in
          if case .match = program.firstMatch(in: buffer, scratch: scratch) { return true }
          return false
        }
        if matched { lettersWithPartners.insert(letter) }
      }
    }
    #expect(lettersWithPartners.isSubset(of: ["k", "s"]))
  }
}

/// Random PCRE2 patterns and texts over a small alphabet, so that matches are frequent.
enum RandomPattern {
  static func make(using random: inout SeededGenerator) -> String {
    var pattern = ""
    for _ in 0..<Int.random(in: 1...6, using: &random) { pattern += atom(depth: 0, using: &random) }
    return pattern
  }

  private static func atom(depth: Int, using random: inout SeededGenerator) -> String {
    let pieces = [
      "a", "b", "s", "k", "K", " ", "\\.", ".", "[ab]", "\\b", "\\s", "\\s+", "ab", "sk", "(?i)",
      "(?-i)", "\\Qa.b\\E", "(?=a)", "(?!b)", "^", "$", "\\d",
    ]
    var text = pieces.randomElement(using: &random)!
    if depth < 2 && Int.random(in: 0..<4, using: &random) == 0 {
      let branches = (0..<Int.random(in: 1...3, using: &random)).map { _ in
        (0..<Int.random(in: 1...3, using: &random)).map { _ in
          atom(depth: depth + 1, using: &random)
        }
        .joined()
      }
      text = "(?:" + branches.joined(separator: "|") + ")"
    }
    let quantifiers = ["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "+?"]
    if !text.hasPrefix("(?i") && !text.hasPrefix("(?-") && !text.hasPrefix("\\b") && text != "^"
      && text != "$"
    {
      text += quantifiers.randomElement(using: &random)!
    }
    return text
  }

  static func text(using random: inout SeededGenerator) -> String {
    let pieces = [
      "a", "b", "s", "k", "A", "B", "S", "K", " ", "  ", "\t", "\n", ".", "\u{212A}", "\u{17F}",
      "1", "é",
    ]
    return (0..<Int.random(in: 0...12, using: &random)).map { _ in
      pieces.randomElement(using: &random)!
    }
    .joined()
  }
}
