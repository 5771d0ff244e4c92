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
  /// The literals, or `nil` when the pattern must be tried on every segment.
  static func of(pattern: String, isCaseSensitive: Bool) -> [[UInt8]]? {
    var parser = PatternScanner(pattern: Array(pattern.unicodeScalars), caseless: !isCaseSensitive)
    do {
      let info = try parser.parseAlternation()
      guard parser.isAtEnd, let literals = info.requirement else { return nil }
      return literals.sorted { $0.lexicographicallyPrecedes($1) }
    } catch {
      return nil
    }
  }
}

/// What is known about the strings a piece of pattern matches.
private struct LiteralInfo {
  /// When known: the piece matches exactly one of these (folded) strings.
  var exact: Set<[UInt8]>?
  /// When known: every match of the piece contains one of these strings.
  var any: Set<[UInt8]>?

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
private struct SequenceBuilder {
  private var run: Set<[UInt8]> = [[]]
  private var best: Set<[UInt8]>?
  private var isExact = true

  /// A run whose strings reach this length is closed before it grows further: longer literals
  /// filter no better, and growing up to 256 strings by one character at a time would cost the
  /// square of the pattern's length.
  static let maximumRunLength = 64

  mutating func append(_ info: LiteralInfo) {
    // Every match of the sequence contains a match of each item, so each item's own
    // requirement is a candidate for the whole sequence's.
    best = LiteralInfo.better(best, info.requirement)
    if run.contains(where: { $0.count >= Self.maximumRunLength }) {
      closeRun()
      if let exact = info.exact { run = exact }
      return
    }
    if let exact = info.exact, run.count * exact.count <= LiteralInfo.maximumSetSize {
      var product: Set<[UInt8]> = []
      for prefix in run {
        for suffix in exact { product.insert(Self.join(prefix, suffix)) }
      }
      run = product
      return
    }
    closeRun()
    if let exact = info.exact { run = exact }
  }

  mutating func append(contentsOf infos: [LiteralInfo]) {
    for info in infos { append(info) }
  }

  mutating func finish() -> LiteralInfo {
    if isExact { return LiteralInfo(exact: run, any: best) }
    closeRun()
    return LiteralInfo(exact: nil, any: best)
  }

  private mutating func closeRun() {
    isExact = false
    best = LiteralInfo.better(best, run)
    run = [[]]
  }

  private static func join(_ prefix: [UInt8], _ suffix: [UInt8]) -> [UInt8] {
    if prefix.last == 0x20 && suffix.first == 0x20 { return prefix + suffix.dropFirst() }
    return prefix + suffix
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
