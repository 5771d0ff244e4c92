/// Finds, for a PCRE2 pattern, a set of literals at least one of which occurs in every match.
///
/// A pattern then runs only on segments where the literal automaton has seen one of them, which
/// is what keeps a rule set of hundreds of patterns at the speed of one pass over the text. The
/// analysis is conservative: when it cannot prove a literal necessary (classes, backreferences,
/// conditionals, extended mode, `(*ACCEPT)`...) it gives up on that part, and when nothing is
/// left it returns `nil`: the pattern runs on every segment. Literals are folded as the
/// automaton folds text (ASCII lower case, runs of whitespace as one space).
///
/// Non-ASCII characters join a literal only when case cannot change them (punctuation such as
/// curly quotes) or the pattern is case-sensitive there. Under caseless matching two non-ASCII
/// characters match ASCII letters (U+212A KELVIN SIGN, U+017F LONG S); `CompiledRules` has the
/// automaton run every pattern on a segment containing either.
enum RequiredLiterals {
  /// The longest literal the automaton looks for: a literal's first 12 bytes filter segments
  /// about as well as the whole (measured: 5% more instructions per byte than 64 bytes) and keep
  /// the automaton small.
  static let maximumLength = 12

  /// The most sets of literals a pattern must hold together.
  static let maximumConjunction = 3

  /// Sets of literals such that every match holds a literal of each set, rarest set first (at
  /// most `maximumConjunction`), or `nil` when the pattern must be tried on every segment.
  ///
  /// A pattern `\b[0-9]+ (?:in|out of) [0-9]+` gives `[["in", "out of"], [digits]]`: it runs on
  /// a segment only when the automaton has seen a member of each.
  static func requirements(pattern: String, isCaseSensitive: Bool) -> [[[UInt8]]]? {
    var parser = PatternScanner(pattern: Array(pattern.unicodeScalars), caseless: !isCaseSensitive)
    do {
      let info = try parser.parseAlternation()
      guard parser.isAtEnd else { return nil }
      var sets: [Set<[UInt8]>] = []
      for set in [info.requirement].compactMap({ $0 }) + info.required
      where LiteralInfo.isUsable(set) && !sets.contains(set) {
        sets.append(set)
      }
      guard !sets.isEmpty else { return nil }
      let ranked = sets.map { (set: $0, score: LiteralRarity.score($0)) }
        .enumerated().sorted { lhs, rhs in
          lhs.element.score != rhs.element.score
            ? lhs.element.score > rhs.element.score : lhs.offset < rhs.offset
        }
      var chosen: [Set<[UInt8]>] = []
      for candidate in ranked.map(\.element.set) where chosen.count < maximumConjunction {
        // A set found wherever a chosen one is (`s` after `said`), or one with a single letter
        // in it, filters nothing more.
        let isImplied = chosen.contains { set in
          set.allSatisfy { literal in candidate.contains { contains(literal, $0) } }
        }
        if chosen.isEmpty || !isImplied && !holdsSingleLetter(candidate) {
          chosen.append(candidate)
        }
      }
      return chosen.map { $0.sorted { $0.lexicographicallyPrecedes($1) } }
    } catch {
      return nil
    }
  }

  /// Whether `literal` holds `part`.
  private static func contains(_ literal: [UInt8], _ part: [UInt8]) -> Bool {
    guard part.count <= literal.count else { return false }
    return (0...literal.count - part.count).contains { start in
      literal[start..<start + part.count].elementsEqual(part)
    }
  }

  /// Whether a set holds a single letter or space, which almost every segment has: it filters
  /// nothing.
  static func holdsSingleLetter(_ set: Set<[UInt8]>) -> Bool {
    set.contains { literal in
      literal.count == 1
        && (literal[0] == 0x20 || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(literal[0]))
    }
  }

  /// A character `\d` matches under UCP starts with one of these bytes: an ASCII digit, or the
  /// lead byte of a decimal digit elsewhere in Unicode (Arabic-Indic, NKo, the Indic scripts,
  /// Myanmar, Khmer, fullwidth and supplementary-plane digits).
  static let digitStarts: Set<[UInt8]> = Set(
    (UInt8(ascii: "0")...UInt8(ascii: "9")).map { [$0] }
      + [0xD9, 0xDB, 0xDF, 0xE0, 0xE1, 0xEA, 0xEF, 0xF0].map { [$0] })
}

/// What is known about the strings a piece of pattern matches.
private struct LiteralInfo {
  /// When known: the piece matches exactly one of these (folded) strings.
  var exact: Set<[UInt8]>?
  /// When known: every match of the piece contains one of these strings.
  var any: Set<[UInt8]>?
  /// Further sets that every match holds a string of, each besides the others (the pieces of a
  /// sequence each require their own).
  var required: [Set<[UInt8]>] = []

  static let unknown = LiteralInfo(exact: nil, any: nil)
  static let empty = LiteralInfo(exact: [[]], any: nil)

  /// At most this many strings are tracked in a set; past it the set is dropped.
  static let maximumSetSize = 256

  /// The better of `exact` and `any` as a requirement: at least one string, none of them empty.
  var requirement: Set<[UInt8]>? { Self.better(exact, any) }

  /// A requirement with few strings, for unions that would otherwise grow too large: the better
  /// of `exact` and `any` among those of at most 32 strings, else the smaller.
  var compactRequirement: Set<[UInt8]>? {
    let usable = [exact, any].compactMap { $0 }.filter(Self.isUsable)
    let small = usable.filter { $0.count <= 32 }
    if !small.isEmpty { return small.reduce(nil) { Self.better($0, $1) } }
    return usable.min { $0.count < $1.count }
  }

  static func isUsable(_ set: Set<[UInt8]>) -> Bool {
    !set.isEmpty && set.count <= maximumSetSize && !set.contains { $0.allSatisfy { $0 == 0x20 } }
  }

  /// Prefers the set that looks rarer in text (`LiteralRarity`), then the smaller set.
  static func better(_ lhs: Set<[UInt8]>?, _ rhs: Set<[UInt8]>?) -> Set<[UInt8]>? {
    guard let lhs, isUsable(lhs) else { return rhs.flatMap { isUsable($0) ? $0 : nil } }
    guard let rhs, isUsable(rhs) else { return lhs }
    let left = LiteralRarity.score(lhs)
    let right = LiteralRarity.score(rhs)
    if left != right { return left > right ? lhs : rhs }
    return lhs.count <= rhs.count ? lhs : rhs
  }
}

/// Builds the info of a sequence left to right: a run of exactly-known strings grows by cross
/// product; when something not exactly known interrupts it, the run so far is kept as a
/// candidate requirement.
///
/// A run is kept as its pieces (one set of strings per item) and multiplied out only when it
/// closes: growing up to 256 strings by one character at a time would cost the square of the
/// run's length.
private struct SequenceBuilder {
  private var pieces: [Set<[UInt8]>] = []
  /// At most how many strings, and how many bytes in the longest, the run multiplies out to.
  private var runCount = 1
  private var runLength = 0
  private var best: Set<[UInt8]>?
  /// The rarest requirements seen, the items' and the closed runs', with their scores.
  private var required: [(set: Set<[UInt8]>, score: Double)] = []
  private var isExact = true

  /// The most requirements a sequence keeps.
  static let maximumRequired = 8

  /// A run whose strings reach this length is closed before it grows further: longer literals
  /// filter no better. (Runs longer than the automaton's literals still choose better ones:
  /// measured on real news text, cutting runs at 12 bytes made classification a quarter slower.)
  static let maximumRunLength = 64

  mutating func append(_ info: LiteralInfo) {
    // Every match of the sequence contains a match of each item, so each item's own
    // requirement is a candidate for the whole sequence's, and all of them hold together.
    best = LiteralInfo.better(best, info.requirement)
    for set in [info.requirement].compactMap({ $0 }) + info.required { keep(set) }
    guard let exact = info.exact else {
      closeRun()
      return
    }
    if runLength >= Self.maximumRunLength
      || runCount * exact.count > LiteralInfo.maximumSetSize
    {
      closeRun()
    }
    pieces.append(exact)
    runCount *= exact.count
    var longest = 0
    for string in exact { longest = max(longest, string.count) }
    runLength += longest
  }

  mutating func append(contentsOf infos: [LiteralInfo]) {
    for info in infos { append(info) }
  }

  mutating func finish() -> LiteralInfo {
    let required = self.required.map(\.set)
    if isExact { return LiteralInfo(exact: run(), any: best, required: required) }
    closeRun()
    return LiteralInfo(exact: nil, any: best, required: self.required.map(\.set))
  }

  /// The run's strings.
  private func run() -> Set<[UInt8]> {
    var strings: [[UInt8]] = [[]]
    for piece in pieces {
      if piece.count == 1, let suffix = piece.first {
        for index in strings.indices { Self.append(suffix, to: &strings[index]) }
        continue
      }
      var product: [[UInt8]] = []
      product.reserveCapacity(strings.count * piece.count)
      for prefix in strings {
        for suffix in piece {
          var string = prefix
          Self.append(suffix, to: &string)
          product.append(string)
        }
      }
      strings = product
    }
    return Set(strings)
  }

  private mutating func closeRun() {
    isExact = false
    let run = run()
    best = LiteralInfo.better(best, run)
    keep(run)
    pieces.removeAll()
    runCount = 1
    runLength = 0
  }

  /// Keeps a requirement among the rarest few.
  private mutating func keep(_ set: Set<[UInt8]>) {
    guard LiteralInfo.isUsable(set), !RequiredLiterals.holdsSingleLetter(set),
      !required.contains(where: { $0.set == set })
    else { return }
    let score = LiteralRarity.score(set)
    if required.count < Self.maximumRequired {
      required.append((set, score))
    } else if let weakest = required.indices.min(by: { required[$0].score < required[$1].score }),
      required[weakest].score < score
    {
      required[weakest] = (set, score)
    }
  }

  /// Appends `suffix`, a run of spaces reading as one.
  private static func append(_ suffix: [UInt8], to string: inout [UInt8]) {
    if string.last == 0x20 && suffix.first == 0x20 {
      string.append(contentsOf: suffix.dropFirst())
    } else {
      string.append(contentsOf: suffix)
    }
  }
}

/// A recursive-descent reader of PCRE2 syntax that computes `LiteralInfo`.
private struct PatternScanner {
  /// Thrown when the pattern uses syntax whose effect on literals is not modelled.
  struct Unsupported: Error {}

  let pattern: [Unicode.Scalar]
  var caseless: Bool
  var position = 0

  init(pattern: [Unicode.Scalar], caseless: Bool) {
    self.pattern = pattern
    self.caseless = caseless
  }

  var isAtEnd: Bool { position >= pattern.count }
  private var current: Unicode.Scalar? { position < pattern.count ? pattern[position] : nil }

  private func peek(_ distance: Int) -> Unicode.Scalar? {
    position + distance < pattern.count ? pattern[position + distance] : nil
  }

  mutating func parseAlternation() throws(Unsupported) -> LiteralInfo {
    var branches = [try parseSequence()]
    while current == "|" {
      position += 1
      branches.append(try parseSequence())
    }
    guard branches.count > 1 else { return branches[0] }
    // Some branch matches, so the union of the branches' requirements is required; when the
    // preferred requirements are too many, each branch's smallest one may still fit.
    var any = Self.union(branches.map(\.requirement))
    if any == nil { any = Self.union(branches.map(\.compactRequirement)) }
    var exact: Set<[UInt8]>?
    if branches.allSatisfy({ $0.exact != nil }) {
      let union = branches.reduce(into: Set<[UInt8]>()) { $0.formUnion($1.exact!) }
      if union.count <= LiteralInfo.maximumSetSize { exact = union }
    }
    return LiteralInfo(exact: exact, any: any)
  }

  /// The union of the sets, or `nil` when one is missing or the union is too large.
  private static func union(_ sets: [Set<[UInt8]>?]) -> Set<[UInt8]>? {
    var union: Set<[UInt8]> = []
    for set in sets {
      guard let set else { return nil }
      union.formUnion(set)
    }
    return union.count <= LiteralInfo.maximumSetSize ? union : nil
  }

  private mutating func parseSequence() throws(Unsupported) -> LiteralInfo {
    var builder = SequenceBuilder()
    while let scalar = current, scalar != "|", scalar != ")" {
      let atom = try parseAtom()
      guard let quantifier = PatternQuantifier.read(in: pattern, at: &position) else {
        builder.append(atom)
        continue
      }
      if current == "?" || current == "+" { position += 1 }  // lazy or possessive
      builder.append(contentsOf: Self.repeated(atom, quantifier))
    }
    return builder.finish()
  }

  /// What a quantified atom contributes to a sequence: the atom itself when it occurs exactly
  /// once; when it may be absent, its strings or nothing; and when it may occur more than once,
  /// its first occurrence (which still joins the literal before it) followed by something
  /// unknown.
  private static func repeated(_ atom: LiteralInfo, _ quantifier: PatternQuantifier)
    -> [LiteralInfo]
  {
    let once: LiteralInfo
    if quantifier.minimum == 0 {
      guard let exact = atom.exact, exact.count < LiteralInfo.maximumSetSize else {
        return [.unknown]
      }
      once = LiteralInfo(exact: exact.union([[]]), any: nil)
    } else {
      once = atom
    }
    return quantifier.maximum == 1 ? [once] : [once, .unknown]
  }

  private mutating func parseAtom() throws(Unsupported) -> LiteralInfo {
    let scalar = pattern[position]
    position += 1
    switch scalar {
    case "\\":
      return try parseEscape()
    case ".":
      return .unknown
    case "^", "$":
      return .empty
    case "[":
      return parseClass()
    case "(":
      return try parseGroup()
    default:
      return literal(scalar)
    }
  }

  private func literal(_ scalar: Unicode.Scalar) -> LiteralInfo {
    guard scalar.isASCII else {
      let properties = scalar.properties
      let isCaseless = !properties.changesWhenCaseMapped && !properties.changesWhenCaseFolded
      guard isCaseless || !caseless else { return .unknown }
      return LiteralInfo(exact: [Array(String(scalar).utf8)], any: nil)
    }
    var byte = UInt8(scalar.value)
    if TextBytes.isSpace(byte) { byte = 0x20 }
    if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
    return LiteralInfo(exact: [[byte]], any: nil)
  }

  private mutating func parseEscape() throws(Unsupported) -> LiteralInfo {
    guard let scalar = current else { return .unknown }
    position += 1
    switch scalar {
    case "Q":
      var builder = SequenceBuilder()
      while let next = current {
        if next == "\\" && peek(1) == "E" {
          position += 2
          break
        }
        builder.append(literal(next))
        position += 1
      }
      return builder.finish()
    case "E", "b", "B", "A", "z", "Z", "G", "K":
      return .empty
    case "d":
      // Not exact: a non-ASCII digit is more than its first byte.
      return LiteralInfo(exact: nil, any: RequiredLiterals.digitStarts)
    case "p", "P", "x", "o", "N", "g", "k":
      skipBracedArgument()
      return .unknown
    case "c":
      position += 1
      return .unknown
    default:
      if scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
      {
        while let next = current, next.properties.numericType == .decimal { position += 1 }
        return .unknown
      }
      return literal(scalar)
    }
  }

  /// Skips `{...}`, `<...>` or `'...'` after an escape such as `\p`, `\x`, `\g` or `\k`, or the
  /// short forms (`\pL`, `\x41`, `\g1`, `\g-1`).
  private mutating func skipBracedArgument() {
    let closers: [Unicode.Scalar: Unicode.Scalar] = ["{": "}", "<": ">", "'": "'"]
    if let opener = current, let closer = closers[opener] {
      position += 1
      while let next = current {
        position += 1
        if next == closer { return }
      }
      return
    }
    if current == "-" || current == "+" { position += 1 }
    var taken = 0
    while taken < 2, let next = current, next.isASCII,
      next.properties.isAlphabetic || next.properties.numericType != nil
    {
      position += 1
      taken += 1
    }
  }

  /// Reads a character class, from after its `[` to after its `]`. A short class of plain
  /// characters and short ranges (`[“"]`, `[Ss]`, `[0-9]`) is a set of one-character literals;
  /// any other class (negation, escapes, long ranges, POSIX names) is unknown.
  private mutating func parseClass() -> LiteralInfo {
    var members: Set<[UInt8]> = []
    var isPlain = true
    if current == "^" {
      isPlain = false
      position += 1
    }
    var first = true
    var previous: Unicode.Scalar?
    while let scalar = current {
      position += 1
      switch scalar {
      case "]" where !first:
        guard isPlain, !members.isEmpty, members.count <= 12 else { return .unknown }
        return LiteralInfo(exact: members, any: nil)
      case "\\":
        isPlain = false
        position += 1
      case "[" where current == ":" || current == "." || current == "=":
        isPlain = false
        let kind = current!
        position += 1
        while let next = current, !(next == kind && peek(1) == "]") { position += 1 }
        position += 2
      case "-" where !first && current != "]" && current != nil:
        // A range: spelled out when it is short (`[0-9]`), else unknown.
        guard let last = previous, let upper = current, upper != "\\", upper != "[",
          upper.value >= last.value, upper.value - last.value <= 10
        else {
          isPlain = false
          continue
        }
        position += 1
        for value in last.value...upper.value {
          guard let scalar = Unicode.Scalar(value), let exact = literal(scalar).exact else {
            isPlain = false
            break
          }
          members.formUnion(exact)
        }
      default:
        if let exact = literal(scalar).exact {
          members.formUnion(exact)
        } else {
          isPlain = false
        }
      }
      previous = scalar
      first = false
    }
    return .unknown
  }

  private mutating func parseGroup() throws(Unsupported) -> LiteralInfo {
    if current == "*" {
      // Alphabetic assertions such as `(*pla:...)` or `(*atomic:...)` are not modelled, and
      // `(*ACCEPT)` ends a match early, so what follows it is not required.
      if let first = peek(1), ("a"..."z").contains(first) { throw Unsupported() }
      let verb = readUntilClosingParenthesis()
      if verb.hasPrefix("*ACCEPT") { throw Unsupported() }
      return .empty
    }
    guard current == "?" else { return try parseGroupBody() }
    position += 1
    switch current {
    case ":", "|", ">":
      position += 1
      return try parseGroupBody()
    case "=", "!":
      position += 1
      _ = try parseGroupBody()
      return .empty
    case "<" where peek(1) == "=" || peek(1) == "!":
      position += 2
      _ = try parseGroupBody()
      return .empty
    case "<", "'":
      let closer: Unicode.Scalar = current == "<" ? ">" : "'"
      position += 1
      while let next = current, next != closer { position += 1 }
      position += 1
      return try parseGroupBody()
    case "P" where peek(1) == "<":
      while let next = current, next != ">" { position += 1 }
      position += 1
      return try parseGroupBody()
    case "#":
      _ = readUntilClosingParenthesis()
      return .empty
    case "C":
      _ = readUntilClosingParenthesis()
      return .empty
    case "(":
      throw Unsupported()
    default:
      return try parseOptionsOrCall()
    }
  }

  /// `(?i)`, `(?-i:...)`, `(?^)` and the like, or a subroutine call such as `(?1)` or `(?&name)`.
  private mutating func parseOptionsOrCall() throws(Unsupported) -> LiteralInfo {
    var enabling = true
    while let scalar = current {
      switch scalar {
      case "-":
        enabling = false
      case "^":
        enabling = true
      case ")":
        position += 1
        return .empty
      case ":":
        position += 1
        return try parseGroupBody()
      case "x":
        if enabling { throw Unsupported() }
      case "i":
        if enabling { caseless = true }
      case "R":
        // Recursion into the whole pattern: it matches something, but what is not modelled.
        _ = readUntilClosingParenthesis()
        return .unknown
      case "a"..."z", "A"..."Z":
        break
      default:
        // A subroutine call or recursion: it matches something, but what is not modelled.
        _ = readUntilClosingParenthesis()
        return .unknown
      }
      position += 1
    }
    throw Unsupported()
  }

  private mutating func parseGroupBody() throws(Unsupported) -> LiteralInfo {
    let info = try parseAlternation()
    guard current == ")" else { throw Unsupported() }
    position += 1
    return info
  }

  /// Reads up to and including the next `)`; returns what was read before it.
  private mutating func readUntilClosingParenthesis() -> String {
    var text = ""
    while let scalar = current {
      position += 1
      if scalar == ")" { break }
      text.unicodeScalars.append(scalar)
    }
    return text
  }
}
