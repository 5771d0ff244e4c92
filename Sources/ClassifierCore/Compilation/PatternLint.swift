import Glibc

/// Checks the patterns of a compiled rule set for two problems PCRE2 accepts without complaint:
/// patterns that can match the empty string, and patterns that backtrack super-linearly on text
/// built to provoke them (ReDoS).
///
/// Each pattern runs, as classification runs it (JIT, the same compiled code), on
/// `AdversarialSubjects`: pumps repeated to 1 KB and to 4 KB, then a failing character. Two
/// checks follow:
/// - the match limit, a count of backtracking steps: a search that reaches it on a few kilobytes
///   is certainly super-linear. Counting makes this check the same on every run.
/// - thread CPU time, which catches what the count misses (under JIT the count does not see
///   every step: `\d(?:[\d,]*\d)?%` rescanning a digit run from each position takes quadratic
///   time on a linear count): a pattern warns when its subjects take more than the time budget
///   in all, or when one pump's 4 KB subject takes more than `growthRatio` times its 1 KB one
///   (and at least `growthFloor`). Before a timing warning the measurement is repeated and the
///   fastest run kept, so a busy machine can slow a pattern's measurement down but not make it
///   warn.
public struct PatternLint: Sendable {
  /// Limits for the lint.
  public struct Options: Sendable, Hashable {
    /// The match limit adversarial searches run with.
    public var matchLimit: UInt32
    /// The most one pattern's adversarial searches may take in all, in thread CPU time.
    public var timeBudget: Duration

    /// Creates options; by default searches stop after 1,000,000 steps (the classifier's
    /// default limit) and a pattern may take 50 ms over all its subjects.
    public init(
      matchLimit: UInt32 = Classifier.Options().matchLimit,
      timeBudget: Duration = .milliseconds(50)
    ) {
      self.matchLimit = matchLimit
      self.timeBudget = timeBudget
    }
  }

  /// The lint's limits.
  public var options: Options

  /// The lengths of the pumped part of the subjects, in bytes.
  static let shortLength = 1 << 10
  static let longLength = 4 << 10
  /// How much longer than the short subject the long subject (four times the text) may take.
  static let growthRatio = 10.0
  /// The long subject must take at least this long for its growth to count: below it, timer
  /// resolution and cache effects dominate.
  static let growthFloor = Duration.milliseconds(2)
  /// How many times in all a measurement is made before a timing warning is given.
  static let measurements = 3

  /// Creates a lint.
  public init(options: Options = Options()) {
    self.options = options
  }

  /// Lints every pattern of `classifier`.
  ///
  /// - Returns: the warnings, ordered by where their patterns are written; at most one about
  ///   empty matches and one about speed per pattern.
  /// - Complexity: about a hundred searches of up to 4 KB per pattern: linear patterns take well
  ///   under a millisecond each; a slow one stops at its first confirmed problem or at about
  ///   three times the time budget.
  public func warnings(for classifier: Classifier) -> [PatternWarning] {
    let definitions = classifier.ruleSet.categories.flatMap(\.rules)
    let scratch = MatchScratch(matchLimit: options.matchLimit)
    var warnings: [PatternWarning] = []
    for pattern in classifier.compiled.patterns {
      guard case .pattern(let rule) = definitions[pattern.rule].kind else { continue }
      warnings += self.warnings(
        for: rule, named: classifier.rules[pattern.rule].name, program: pattern.whole,
        scratch: scratch)
    }
    return warnings.enumerated().sorted { lhs, rhs in
      lhs.element.location != rhs.element.location
        ? lhs.element.location < rhs.element.location : lhs.offset < rhs.offset
    }
    .map(\.element)
  }

  /// Lints one pattern, compiled as `program`.
  func warnings(
    for rule: PatternRule, named name: String, program: RegexProgram, scratch: MatchScratch
  ) -> [PatternWarning] {
    let location = rule.sourceMap.start
    let sketch = PatternSketch(pattern: rule.pattern)
    var warnings: [PatternWarning] = []
    if Self.canMatchEmpty(program: program, sketch: sketch, scratch: scratch) {
      warnings.append(
        PatternWarning(
          rule: name, location: location, kind: .matchesEmptyString,
          message: "pattern '\(name)' can match the empty string, so it fires on segments "
            + "without any of its text; make part of it required ('+' rather than '*', text "
            + "outside lookarounds)"))
    }
    let subjects = AdversarialSubjects(pattern: rule.pattern, sketch: sketch)
    if let finding = probe(program, with: subjects, scratch: scratch) {
      warnings.append(
        PatternWarning(
          rule: name, location: location, kind: finding.kind,
          message: "pattern '\(name)' \(finding.message)"))
    }
    return warnings
  }

  /// Whether PCRE2 finds no minimum length, the sketch finds a way through that consumes
  /// nothing, or the pattern matches an empty subject.
  static func canMatchEmpty(
    program: RegexProgram, sketch: PatternSketch?, scratch: MatchScratch
  ) -> Bool {
    if program.minimumLength == 0 || sketch?.canMatchEmpty == true { return true }
    let empty: [UInt8] = []
    return empty.withUnsafeBufferPointer { buffer in
      if case .match = program.firstMatch(in: buffer, scratch: scratch) { return true }
      return false
    }
  }

  /// What the speed checks found about one pattern.
  private struct Finding {
    var kind: PatternWarning.Kind
    var message: String
  }

  /// The thread CPU time of the long subject of one pump, and of its short subject when the long
  /// one took long enough for growth to matter.
  private struct Timing {
    var short: Duration?
    var long: Duration
    /// Searches made.
    var searches: Int { short == nil ? 1 : 2 }

    var total: Duration { (short ?? .zero) + long }

    /// Whether the long subject took at least the floor and more than `growthRatio` times the
    /// short one.
    var growsTooFast: Bool {
      guard let short else { return false }
      return long >= PatternLint.growthFloor && long > short * PatternLint.growthRatio
    }

    /// Keeps the faster of each measurement: noise only ever adds time.
    func fastest(_ other: Timing) -> Timing {
      Timing(short: [short, other.short].compactMap { $0 }.min(), long: min(long, other.long))
    }
  }

  /// Runs the pattern on its adversarial subjects and reports its first problem, if any.
  private func probe(
    _ program: RegexProgram, with subjects: AdversarialSubjects, scratch: MatchScratch
  ) -> Finding? {
    var timings: [(AdversarialSubjects.Pump, Timing)] = []
    var spent = Duration.zero
    for pump in subjects.pumps {
      var timing: Timing
      switch measure(program, subjects, pump, scratch: scratch) {
      case .failure(let failure, let length):
        return limitFinding(failure, subjects, pump, length: length)
      case .timing(let measured):
        timing = measured
      }
      if timing.growsTooFast {
        timing = remeasure(program, subjects, pump, timing, scratch: scratch)
        if timing.growsTooFast { return growthFinding(timing, subjects, pump) }
      }
      timings.append((pump, timing))
      spent += timing.total
      // Enough to judge the budget by; a slow pattern need not run all its subjects.
      if spent > options.timeBudget { break }
    }
    guard spent > options.timeBudget else { return nil }
    for index in timings.indices {
      let (pump, timing) = timings[index]
      timings[index].1 = remeasure(program, subjects, pump, timing, scratch: scratch)
    }
    let confirmed = timings.reduce(Duration.zero) { $0 + $1.1.total }
    guard confirmed > options.timeBudget,
      let (pump, slowest) = timings.max(by: { $0.1.long < $1.1.long })
    else { return nil }
    let searches = timings.reduce(0) { $0 + $1.1.searches }
    return Finding(
      kind: .slow,
      message: "took \(Self.format(confirmed)) on \(searches) adversarial subjects, over the "
        + "\(Self.format(options.timeBudget)) budget; the slowest, "
        + "\(subjects.describe(pump, length: Self.longLength)), took \(Self.format(slowest.long))"
        + "; bound its repeats ('{1,20}') or make them possessive ('*+', '++')")
  }

  private enum Measurement {
    case failure(MatchFailure, length: Int)
    case timing(Timing)
  }

  /// Times the long subject of `pump`, and the short one too when the long one stops at a limit
  /// (to report the shorter text that does) or takes long enough for growth to matter.
  private func measure(
    _ program: RegexProgram, _ subjects: AdversarialSubjects, _ pump: AdversarialSubjects.Pump,
    scratch: MatchScratch
  ) -> Measurement {
    let (longOutcome, long) = Self.search(
      program, subjects.subject(pump, length: Self.longLength), scratch: scratch)
    if longOutcome.failure == nil && long < Self.growthFloor {
      return .timing(Timing(short: nil, long: long))
    }
    let (shortOutcome, short) = Self.search(
      program, subjects.subject(pump, length: Self.shortLength), scratch: scratch)
    if let failure = shortOutcome.failure { return .failure(failure, length: Self.shortLength) }
    if let failure = longOutcome.failure { return .failure(failure, length: Self.longLength) }
    return .timing(Timing(short: short, long: long))
  }

  /// Searches `subject` once; returns what was found and the thread CPU time it took.
  private static func search(
    _ program: RegexProgram, _ subject: [UInt8], scratch: MatchScratch
  ) -> (MatchOutcome, Duration) {
    subject.withUnsafeBufferPointer { buffer in
      let start = threadTime()
      let outcome = program.firstMatch(in: buffer, scratch: scratch)
      return (outcome, threadTime() - start)
    }
  }

  /// Measures `pump` until `measurements` runs are made, keeping the fastest of each subject.
  private func remeasure(
    _ program: RegexProgram, _ subjects: AdversarialSubjects, _ pump: AdversarialSubjects.Pump,
    _ timing: Timing, scratch: MatchScratch
  ) -> Timing {
    var fastest = timing
    for _ in 1..<Self.measurements {
      guard case .timing(let again) = measure(program, subjects, pump, scratch: scratch) else {
        continue
      }
      fastest = fastest.fastest(again)
    }
    return fastest
  }

  private func limitFinding(
    _ failure: MatchFailure, _ subjects: AdversarialSubjects, _ pump: AdversarialSubjects.Pump,
    length: Int
  ) -> Finding {
    let what =
      switch failure {
      case .matchLimit: "hit the match limit (\(Self.group(Int(options.matchLimit))) steps)"
      case .jitStackLimit: "ran out of JIT stack"
      default: "stopped its search (\(failure))"
      }
    return Finding(
      kind: .exceedsMatchLimit,
      message: "\(what) on \(subjects.describe(pump, length: length)): repeats that can match "
        + "the same text try every way of dividing it between them; make them possessive "
        + "('*+', '++') or atomic ('(?>...)'), or bound them ('{1,20}')")
  }

  private func growthFinding(
    _ timing: Timing, _ subjects: AdversarialSubjects, _ pump: AdversarialSubjects.Pump
  ) -> Finding {
    let short = timing.short ?? timing.long
    let ratio = Int((timing.long / short).rounded())
    return Finding(
      kind: .slow,
      message: "slows down super-linearly: \(Self.format(timing.long)) on "
        + "\(subjects.describe(pump, length: Self.longLength)) but \(Self.format(short)) "
        + "on 1 KB (\(ratio) times as long for 4 times the text): repeats that can match the "
        + "same text try every way of dividing it, or the search restarts at every position of "
        + "a run; make the repeats possessive ('*+', '++'), merge or bound them ('{1,20}'), or "
        + "start with a lookbehind such as '(?<!\\d)' so the search skips the rest of a run")
  }

  /// This thread's CPU time: unlike the wall clock, it does not count time the thread waited
  /// for a core.
  private static func threadTime() -> Duration {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
  }

  /// `47 ms`, `2.9 ms`, `0.41 ms`.
  static func format(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let milliseconds = Double(seconds) * 1e3 + Double(attoseconds) / 1e15
    let digits = milliseconds >= 9.95 ? 0 : milliseconds >= 0.995 ? 1 : 2
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((milliseconds * scale).rounded())
    guard digits > 0 else { return "\(scaled) ms" }
    let fraction = String(scaled % Int(scale))
    let padding = String(repeating: "0", count: digits - fraction.count)
    return "\(scaled / Int(scale)).\(padding)\(fraction) ms"
  }

  /// `1,000,000`.
  static func group(_ number: Int) -> String {
    let digits = Array(String(number))
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text += "," }
      text.append(digit)
    }
    return text
  }
}
