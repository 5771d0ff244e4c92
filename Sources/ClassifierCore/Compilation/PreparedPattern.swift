import Dispatch

/// A pattern rule compiled on its own, before the rule set's tables are assembled: its whole
/// program, its branches (`PatternBranches`) and the literal sets each branch requires
/// (`RequiredLiterals`). This is most of the work of loading rules, and patterns do not depend on
/// each other, so they are prepared on every processor at once.
struct PreparedPattern: Sendable {
  struct Branch: Sendable {
    var program: RegexProgram
    /// The sets of literals every match holds, or `nil` when the branch runs on every segment.
    var requirements: [[[UInt8]]]?
  }

  /// The pattern compiled whole.
  var whole: RegexProgram
  /// The branches, highest priority first; the whole pattern alone when it is not split.
  var branches: [Branch]

  /// Prepares `patterns`, in order, in parallel.
  static func prepare(_ patterns: [PatternRule], splitsAlternations: Bool) -> [Result<
    PreparedPattern, RegexProgram.CompileError
  >] {
    typealias Outcome = Result<PreparedPattern, RegexProgram.CompileError>
    // Each slot is written by one iteration only, and read after all of them have finished.
    nonisolated(unsafe) let outcomes = UnsafeMutableBufferPointer<Outcome?>.allocate(
      capacity: patterns.count)
    outcomes.initialize(repeating: nil)
    defer { outcomes.deallocate() }
    DispatchQueue.concurrentPerform(iterations: patterns.count) { index in
      outcomes[index] = Outcome {
        () throws(RegexProgram.CompileError) -> PreparedPattern in
        try PreparedPattern(patterns[index], splitsAlternations: splitsAlternations)
      }
    }
    return outcomes.map { $0! }
  }

  /// Compiles one pattern rule.
  ///
  /// - Throws: PCRE2's error for the whole pattern, so that it points into the pattern as written.
  init(_ pattern: PatternRule, splitsAlternations: Bool) throws(RegexProgram.CompileError) {
    whole = try RegexProgram(pattern: pattern.pattern, isCaseSensitive: pattern.isCaseSensitive)
    var sources = [(pattern.pattern, whole)]
    if splitsAlternations, let split = PatternBranches.split(pattern.pattern) {
      // A branch PCRE2 rejects (none should) keeps the pattern whole.
      let programs = split.compactMap { source in
        (try? RegexProgram(pattern: source, isCaseSensitive: pattern.isCaseSensitive))
          .map { (source, $0) }
      }
      if programs.count == split.count { sources = programs }
    }
    branches = sources.map { source, program in
      Branch(
        program: program,
        requirements: RequiredLiterals.requirements(
          pattern: source, isCaseSensitive: pattern.isCaseSensitive))
    }
  }
}
