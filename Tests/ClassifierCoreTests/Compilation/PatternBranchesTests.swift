import Testing

@testable import ClassifierCore

@Suite struct PatternBranchesTests {
  @Test func splitsTopLevelAlternativesInOrder() {
    #expect(PatternBranches.split("cat|dog|bird") == ["cat", "dog", "bird"])
  }

  @Test func splitsAGroupAfterAPrefixThatMatchesOneWay() {
    #expect(
      PatternBranches.split(#"\b(?<!-)x(?:fined|jailed)\b"#) == [
        #"\b(?<!-)x(?:fined)\b"#, #"\b(?<!-)x(?:jailed)\b"#,
      ])
    #expect(PatternBranches.split("(?i)(?:a|b)c") == ["(?i)(?:a)c", "(?i)(?:b)c"])
  }

  @Test func splitsNestedAlternationsOuterFirst() {
    #expect(
      PatternBranches.split("(?:(?:a|b)x|c)y") == ["(?:(?:a)x)y", "(?:(?:b)x)y", "(?:c)y"])
  }

  @Test func keepsPatternsWholeWhenTheSplitCouldChangeTheFirstMatch() {
    // A prefix that matches more than one way, a repeated or atomic group, options set later,
    // and syntax the split does not model.
    for pattern in [
      #"\w+(?:a|b)"#, "(?:a|b)+", "(?>a|ab)c", "x(?i)(?:a|b)", #"(a|b)\1"#, #"a\Kb|c"#,
      "(*SKIP)a|b", "(?(1)a|b)", "(?|a|b)", "(?x) a | b", "plain", "[a|b]", #"\|"#,
    ] {
      #expect(PatternBranches.split(pattern) == nil, "\(pattern)")
    }
  }

  @Test func stopsAtTheBranchBudget() throws {
    let words = (0..<40).map { "w\($0)" }.joined(separator: "|")
    let branches = try #require(PatternBranches.split("(?:\(words)) (?:x|y)"))
    // Forty outer branches, then inner splits while they fit: w0 to w23 split in two.
    #expect(branches.count == PatternBranches.maximumBranches)
    #expect(branches.prefix(3) == ["(?:w0) (?:x)", "(?:w0) (?:y)", "(?:w1) (?:x)"])
    #expect(branches.last == "(?:w39) (?:x|y)")
  }

  /// The first match of the split pattern is the leftmost of the branches' first matches, the
  /// earlier branch on a tie: the same range PCRE2 finds for the whole pattern.
  @Test(arguments: [
    (#"\b(?:a|ab|abc)\b"#, ["abc ab a", "x abc", "ab abc", "zz"]),
    (#"(?:fine|fined|fines) (?:of|up to)"#, ["fined up to 3", "a fine of up to", "fines of"]),
    (#"(?:x|y)[0-9]+|[0-9]+(?:x|y)"#, ["12y x3", "y 9x", "x"]),
    (
      #"(?<![\d,])(?:one|[0-9]+) (?:in|out of) (?:ten|[0-9]{1,3}(?![0-9]))"#,
      ["1 in 1000; 2 out of 10"]
    ),
  ])
  func splitFindsTheSameFirstMatch(pattern: String, subjects: [String]) throws {
    let whole = try RegexProgram(pattern: pattern, isCaseSensitive: false)
    let branches = try #require(PatternBranches.split(pattern)).map {
      try RegexProgram(pattern: $0, isCaseSensitive: false)
    }
    let scratch = MatchScratch(matchLimit: 1_000_000)
    for subject in subjects {
      var bytes = Array(subject.utf8)
      bytes.withUnsafeMutableBufferPointer { buffer in
        let subject = UnsafeBufferPointer(buffer)
        var found: Range<Int>?
        for branch in branches {
          if case .match(let range) = branch.firstMatch(in: subject, scratch: scratch),
            found.map({ range.lowerBound < $0.lowerBound }) ?? true
          {
            found = range
          }
        }
        let expected: Range<Int>? =
          if case .match(let range) = whole.firstMatch(in: subject, scratch: scratch) {
            range
          } else { nil }
        #expect(found == expected, "\(pattern) on \(subject)")
      }
    }
  }
}
