/// A rough reading of a PCRE2 pattern: its literals, classes, groups and repeats, enough to build
/// strings that reach and pump its repeats (`AdversarialSubjects`) and to tell whether it can match
/// the empty string.
///
/// The sketch is an approximation for linting, never for matching: a class is kept as a few
/// sample members, lookarounds and anchors match nothing, and backreferences and subroutine calls
/// are unknown. Syntax it does not model (extended mode, conditionals) gives no sketch at all.
struct PatternSketch {
  /// One piece of a pattern.
  indirect enum Node {
    /// A character matched literally.
    case literal(Unicode.Scalar)
    /// One character of a set (a class, an escape such as `\d`, or `.`): a few members, the most
    /// typical first; empty when no member is known.
    case set([Unicode.Scalar])
    /// Matches no text: anchors, `\b`, option settings, verbs, and lookarounds, whose content is
    /// kept so that the repeats inside it are probed too.
    case assertion([[Node]])
    /// Alternatives, each a sequence.
    case group([[Node]])
    /// A quantified node; `maximum` is `nil` when unbounded.
    case repeated(Node, minimum: Int, maximum: Int?)
    /// A backreference or subroutine call: it matches something not modelled.
    case unknown
  }

  /// The pattern's alternatives.
  var branches: [[Node]]

  /// Reads `pattern`; `nil` when it uses syntax the sketch does not model.
  init?(pattern: String) {
    var reader = Reader(pattern: Array(pattern.unicodeScalars))
    guard let branches = try? reader.readAlternation(), reader.isAtEnd else { return nil }
    self.branches = branches
  }

  /// Whether some way through the pattern consumes no text, so that it can match the empty string
  /// where its assertions hold (backreferences and calls are assumed to consume text).
  var canMatchEmpty: Bool { branches.contains(where: Self.isNullable) }

  private static func isNullable(_ sequence: [Node]) -> Bool {
    sequence.allSatisfy(isNullable)
  }

  private static func isNullable(_ node: Node) -> Bool {
    switch node {
    case .literal, .set, .unknown: false
    case .assertion: true
    case .group(let branches): branches.contains(where: isNullable)
    case .repeated(let node, let minimum, _): minimum == 0 || isNullable(node)
    }
  }

  /// A repeat that can run for as long as the subject lets it.
  struct Repeat: Hashable {
    /// Text that leads from the start of a match to the repeat: the first sample of everything
    /// before it on its path.
    var prefix: String
    /// A few samples of one iteration.
    var iterations: [String]
  }

  /// Repeats whose maximum is unbounded or larger than `boundedUpTo`, outermost and leftmost
  /// first, at most `limit` of them.
  func unboundedRepeats(boundedUpTo bound: Int = 16, limit: Int = 16) -> [Repeat] {
    var repeats: [Repeat] = []
    for branch in branches {
      Self.collectRepeats(in: branch, prefix: "", bound: bound, into: &repeats)
    }
    var seen: Set<Repeat> = []
    return Array(repeats.filter { seen.insert($0).inserted }.prefix(limit))
  }

  private static func collectRepeats(
    in sequence: [Node], prefix: String, bound: Int, into repeats: inout [Repeat]
  ) {
    var prefix = prefix
    for node in sequence {
      collectRepeats(in: node, prefix: prefix, bound: bound, into: &repeats)
      prefix += samples(of: node, limit: 1).first ?? ""
      // A prefix this long leads nowhere a few kilobytes of pumping would not also reach.
      guard prefix.utf8.count <= 256 else { return }
    }
  }

  private static func collectRepeats(
    in node: Node, prefix: String, bound: Int, into repeats: inout [Repeat]
  ) {
    switch node {
    case .group(let branches), .assertion(let branches):
      for branch in branches {
        collectRepeats(in: branch, prefix: prefix, bound: bound, into: &repeats)
      }
    case .repeated(let inner, _, let maximum):
      if maximum.map({ $0 > bound }) ?? true {
        let iterations = samples(of: inner, limit: 4).filter { !$0.isEmpty }
        if !iterations.isEmpty { repeats.append(Repeat(prefix: prefix, iterations: iterations)) }
      }
      collectRepeats(in: inner, prefix: prefix, bound: bound, into: &repeats)
    case .literal, .set, .unknown:
      break
    }
  }

  /// Up to `limit` strings matched by `sequence`, ignoring assertions; the first takes every
  /// optional part at its minimum.
  static func samples(of sequence: [Node], limit: Int) -> [String] {
    var results = [""]
    for node in sequence {
      let options = samples(of: node, limit: limit)
      var next: [String] = []
      for prefix in results {
        for option in options where next.count < limit { next.append(prefix + option) }
      }
      results = distinct(next)
    }
    return results
  }

  /// Up to `limit` strings matched by `node`, ignoring assertions.
  static func samples(of node: Node, limit: Int) -> [String] {
    switch node {
    case .literal(let scalar):
      return [String(scalar)]
    case .set(let members):
      return members.isEmpty ? [""] : members.prefix(limit).map { String($0) }
    case .assertion, .unknown:
      return [""]
    case .group(let branches):
      var results: [String] = []
      for branch in branches where results.count < limit {
        results = distinct(results + samples(of: branch, limit: limit))
      }
      return Array(results.prefix(limit))
    case .repeated(let inner, let minimum, let maximum):
      let once = samples(of: inner, limit: limit)
      guard minimum > 0 else { return maximum == 0 ? [""] : distinct([""] + once) }
      return distinct(once.map { String(repeating: $0, count: min(minimum, 16)) })
    }
  }

  private static func distinct(_ strings: [String]) -> [String] {
    var seen: Set<String> = []
    return strings.filter { seen.insert($0).inserted }
  }

  /// The characters the pattern names: its literals and the sample members of its classes,
  /// each once, in pattern order.
  var characters: [Unicode.Scalar] {
    var found: [Unicode.Scalar] = []
    var seen: Set<Unicode.Scalar> = []
    func visit(_ node: Node) {
      switch node {
      case .literal(let scalar):
        if seen.insert(scalar).inserted { found.append(scalar) }
      case .set(let members):
        for member in members where seen.insert(member).inserted { found.append(member) }
      case .assertion(let branches), .group(let branches):
        for branch in branches { branch.forEach(visit) }
      case .repeated(let inner, _, _):
        visit(inner)
      case .unknown:
        break
      }
    }
    for branch in branches { branch.forEach(visit) }
    return found
  }

  /// The words (runs of letters and digits) in the pattern's literal text, each once.
  var words: [String] {
    var found: [String] = []
    var seen: Set<String> = []
    func visit(_ sequence: [Node]) {
      var word = ""
      func finish() {
        if word.unicodeScalars.count > 1, seen.insert(word).inserted { found.append(word) }
        word = ""
      }
      for node in sequence {
        switch node {
        case .literal(let scalar)
        where scalar.properties.isAlphabetic
          || scalar.properties.numericType != nil:
          word.unicodeScalars.append(scalar)
        case .assertion(let branches), .group(let branches):
          finish()
          branches.forEach(visit)
        case .repeated(let inner, _, _):
          finish()
          visit([inner])
        default:
          finish()
        }
      }
      finish()
    }
    branches.forEach(visit)
    return found
  }
}

/// A recursive-descent reader of PCRE2 syntax, in the manner of `RequiredLiterals`' scanner.
private struct Reader {
  /// Thrown for syntax the sketch does not model.
  struct Unsupported: Error {}

  typealias Node = PatternSketch.Node

  let pattern: [Unicode.Scalar]
  var position = 0
  /// Nesting depth of groups, bounded so that a pathological pattern cannot exhaust the stack.
  var depth = 0

  init(pattern: [Unicode.Scalar]) {
    self.pattern = pattern
  }

  var isAtEnd: Bool { position >= pattern.count }
  private var current: Unicode.Scalar? { position < pattern.count ? pattern[position] : nil }

  private func peek(_ distance: Int) -> Unicode.Scalar? {
    position + distance < pattern.count ? pattern[position + distance] : nil
  }

  mutating func readAlternation() throws(Unsupported) -> [[Node]] {
    var branches = [try readSequence()]
    while current == "|" {
      position += 1
      branches.append(try readSequence())
    }
    return branches
  }

  private mutating func readSequence() throws(Unsupported) -> [Node] {
    var nodes: [Node] = []
    while let scalar = current, scalar != "|", scalar != ")" {
      let atom = try readAtom()
      guard let quantifier = PatternQuantifier.read(in: pattern, at: &position) else {
        nodes.append(contentsOf: atom)
        continue
      }
      if current == "?" || current == "+" { position += 1 }  // lazy or possessive
      let node: Node = atom.count == 1 ? atom[0] : .group([atom])
      nodes.append(.repeated(node, minimum: quantifier.minimum, maximum: quantifier.maximum))
    }
    return nodes
  }

  /// One atom; `\Q...\E` gives several literals, hence an array.
  private mutating func readAtom() throws(Unsupported) -> [Node] {
    let scalar = pattern[position]
    position += 1
    switch scalar {
    case "\\": return try readEscape()
    case ".": return [.set(["a"])]
    case "^", "$": return [.assertion([])]
    case "[": return [try readClass()]
    case "(": return [try readGroup()]
    default: return [.literal(scalar)]
    }
  }

  private mutating func readEscape() throws(Unsupported) -> [Node] {
    guard let scalar = current else { throw Unsupported() }
    position += 1
    if scalar == "N" && current == "{" {
      _ = readBracedArgument()
      return [.unknown]
    }
    if let members = Self.escapeClasses[scalar] { return [.set(members)] }
    if let control = Self.controlEscapes[scalar] { return [.literal(control)] }
    switch scalar {
    case "Q":
      var nodes: [Node] = []
      while let next = current {
        position += 1
        if next == "\\" && current == "E" {
          position += 1
          break
        }
        nodes.append(.literal(next))
      }
      return nodes
    case "E":
      return []
    case "b", "B", "A", "z", "Z", "G", "K":
      return [.assertion([])]
    case "p", "P":
      let name = readBracedArgument()
      return [.set([Self.sample(ofProperty: name, negated: scalar == "P")])]
    case "x":
      return [Self.character(hex: readBracedArgument(maximumShortLength: 2))]
    case "o":
      return [Self.character(octal: readBracedArgument())]
    case "0":
      var digits = ""
      while digits.count < 2, let next = current, ("0"..."7").contains(next) {
        digits.unicodeScalars.append(next)
        position += 1
      }
      return [Self.character(octal: digits)]
    case "c":
      guard let next = current else { throw Unsupported() }
      position += 1
      let value = (next.properties.uppercaseMapping.unicodeScalars.first?.value ?? 0) ^ 0x40
      return [Unicode.Scalar(value).map(Node.literal) ?? .unknown]
    case "g", "k":
      _ = readBracedArgument(maximumShortLength: 3)
      return [.unknown]
    default:
      if scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
      {
        // A backreference such as `\1`, or an escape not modelled.
        while let next = current, next.properties.numericType == .decimal { position += 1 }
        return [.unknown]
      }
      return [.literal(scalar)]
    }
  }

  /// Escapes that stand for a class of characters, with sample members.
  private static let escapeClasses: [Unicode.Scalar: [Unicode.Scalar]] = [
    "d": ["1"], "D": ["a"], "w": ["a"], "W": [" "], "s": [" "], "S": ["a"], "h": [" "],
    "H": ["a"], "v": ["\n"], "V": ["a"], "R": ["\n"], "N": ["a"], "X": ["a"], "C": ["a"],
  ]

  /// Escapes that stand for one control character.
  private static let controlEscapes: [Unicode.Scalar: Unicode.Scalar] = [
    "t": "\t", "n": "\n", "r": "\r", "f": "\u{0C}", "e": "\u{1B}", "a": "\u{07}",
  ]

  /// A typical member of a Unicode property such as `L`, `Lu`, `Nd` or `Zs`, or of its negation.
  private static func sample(ofProperty name: String, negated: Bool) -> Unicode.Scalar {
    var name = Substring(name)
    var negated = negated
    if name.first == "^" {
      name = name.dropFirst()
      negated.toggle()
    }
    if negated { return name.first == "Z" ? "a" : " " }
    switch name.first {
    case "N": return "1"
    case "P": return "."
    case "Z": return " "
    case "S": return "$"
    default: return name == "Lu" ? "A" : "a"
    }
  }

  private static func character(hex digits: String) -> Node {
    guard let value = UInt32(digits.isEmpty ? "0" : digits, radix: 16),
      let scalar = Unicode.Scalar(value)
    else { return .unknown }
    return .literal(scalar)
  }

  private static func character(octal digits: String) -> Node {
    guard let value = UInt32(digits.isEmpty ? "0" : digits, radix: 8),
      let scalar = Unicode.Scalar(value)
    else { return .unknown }
    return .literal(scalar)
  }

  /// Reads `{...}`, `<...>` or `'...'` after an escape, or a short form of at most
  /// `maximumShortLength` letters or digits (`\pL`, `\x41`, `\g1`, `\g-1`); returns what is inside.
  private mutating func readBracedArgument(maximumShortLength: Int = 1) -> String {
    let closers: [Unicode.Scalar: Unicode.Scalar] = ["{": "}", "<": ">", "'": "'"]
    var text = ""
    if let opener = current, let closer = closers[opener] {
      position += 1
      while let next = current {
        position += 1
        if next == closer { break }
        text.unicodeScalars.append(next)
      }
      return text
    }
    if current == "-" || current == "+" {
      position += 1
    }
    while text.unicodeScalars.count < maximumShortLength, let next = current, next.isASCII,
      next.properties.isAlphabetic || next.properties.numericType != nil
    {
      text.unicodeScalars.append(next)
      position += 1
    }
    return text
  }

  /// Reads a character class, from after its `[` to after its `]`, as a set of sample members:
  /// the members as written, or for a negated class a common character it leaves out.
  private mutating func readClass() throws(Unsupported) -> Node {
    var negated = false
    if current == "^" {
      negated = true
      position += 1
    }
    var members: [Unicode.Scalar] = []
    var ranges: [ClosedRange<UInt32>] = []
    var first = true
    while let scalar = current {
      position += 1
      switch scalar {
      case "]" where !first:
        guard negated else { return .set(members) }
        let excluded = members.map(\.value)
        let sample = Self.negationCandidates.first { candidate in
          !excluded.contains(candidate.value) && !ranges.contains { $0.contains(candidate.value) }
        }
        return .set(sample.map { [$0] } ?? [])
      case "\\":
        guard let escaped = current else { throw Unsupported() }
        position += 1
        if let sample = Self.escapeClasses[escaped] {
          members += sample
          ranges += Self.escapeRanges[escaped] ?? []
        } else if let control = Self.controlEscapes[escaped] {
          members.append(control)
        } else if escaped == "p" || escaped == "P" {
          let name = readBracedArgument()
          let sample = Self.sample(ofProperty: name, negated: escaped == "P")
          members.append(sample)
          if sample == "a" || sample == "A" { ranges += [0x41...0x5A, 0x61...0x7A] }
          if sample == "1" { ranges.append(0x30...0x39) }
        } else if escaped == "x",
          case .literal(let character) = Self.character(
            hex: readBracedArgument(maximumShortLength: 2))
        {
          members.append(character)
        } else if !(escaped.isASCII && escaped.properties.isAlphabetic) {
          members.append(escaped)
        }
      case "[" where current == ":":
        var name = ""
        position += 1
        while let next = current, !(next == ":" && peek(1) == "]") {
          name.unicodeScalars.append(next)
          position += 1
        }
        position += 2
        let (sample, range) = Self.posixClass(name)
        members.append(sample)
        ranges += range
      case "-" where !first && current != "]" && current != nil && !members.isEmpty:
        guard let lower = members.last, let upper = current, upper != "\\", upper != "[" else {
          members.append("-")
          continue
        }
        position += 1
        if lower.value <= upper.value { ranges.append(lower.value...upper.value) }
      default:
        members.append(scalar)
      }
      first = false
    }
    throw Unsupported()
  }

  /// The characters `\d`, `\w` and `\s` cover, for choosing what a negated class leaves out.
  private static let escapeRanges: [Unicode.Scalar: [ClosedRange<UInt32>]] = [
    "d": [0x30...0x39], "w": [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A],
    "s": [0x09...0x0D, 0x20...0x20], "h": [0x09...0x09, 0x20...0x20],
  ]

  /// Common characters tried, in order, as the sample of a negated class.
  private static let negationCandidates: [Unicode.Scalar] = [
    "a", "1", " ", ".", ",", "-", "'", "x", "A", "!", "#", "~",
  ]

  private static func posixClass(_ name: String) -> (Unicode.Scalar, [ClosedRange<UInt32>]) {
    switch name.hasPrefix("^") ? String(name.dropFirst()) : name {
    case "digit", "xdigit": ("1", [0x30...0x39])
    case "space", "blank": (" ", [0x09...0x0D, 0x20...0x20])
    case "punct": (".", [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E])
    case "upper": ("A", [0x41...0x5A])
    case "cntrl": ("\u{01}", [0x00...0x1F])
    default: ("a", [0x41...0x5A, 0x61...0x7A])
    }
  }

  private mutating func readGroup() throws(Unsupported) -> Node {
    depth += 1
    defer { depth -= 1 }
    guard depth <= 200 else { throw Unsupported() }
    if current == "*" {
      return try readVerbOrAlphabeticAssertion()
    }
    guard current == "?" else { return .group(try readGroupBody()) }
    position += 1
    switch current {
    case ":", "|", ">":
      position += 1
      return .group(try readGroupBody())
    case "=", "!", "*":
      position += 1
      return .assertion(try readGroupBody())
    case "<" where peek(1) == "=" || peek(1) == "!" || peek(1) == "*":
      position += 2
      return .assertion(try readGroupBody())
    case "<", "'":
      let closer: Unicode.Scalar = current == "<" ? ">" : "'"
      while let next = current, next != closer { position += 1 }
      position += 1
      return .group(try readGroupBody())
    case "P" where peek(1) == "<":
      while let next = current, next != ">" { position += 1 }
      position += 1
      return .group(try readGroupBody())
    case "P":
      // `(?P=name)` backreference or `(?P>name)` call.
      skipPastClosingParenthesis()
      return .unknown
    case "#", "C":
      skipPastClosingParenthesis()
      return .assertion([])
    case "(":
      throw Unsupported()
    default:
      return try readOptionsOrCall()
    }
  }

  /// `(*VERB)`, `(*VERB:NAME)`, or an alphabetic assertion such as `(*pla:...)` or
  /// `(*atomic:...)`, from its `*`.
  private mutating func readVerbOrAlphabeticAssertion() throws(Unsupported) -> Node {
    var name = ""
    position += 1
    while let next = current, next != ":", next != ")" {
      name.unicodeScalars.append(next)
      position += 1
    }
    let isAlphabeticGroup = name.first.map { ("a"..."z").contains($0) } ?? false
    guard isAlphabeticGroup, current == ":" else {
      skipPastClosingParenthesis()
      return .assertion([])
    }
    position += 1
    let body = try readGroupBody()
    let atomic = ["atomic", "sr", "asr", "script_run", "atomic_script_run"]
    return atomic.contains(name) ? .group(body) : .assertion(body)
  }

  /// `(?i)`, `(?-i:...)`, `(?^)` and the like, or a subroutine call such as `(?1)` or `(?&name)`.
  private mutating func readOptionsOrCall() throws(Unsupported) -> Node {
    var enabling = true
    while let scalar = current {
      switch scalar {
      case "-":
        enabling = false
      case "^":
        enabling = true
      case ")":
        position += 1
        return .assertion([])
      case ":":
        position += 1
        return .group(try readGroupBody())
      case "x":
        if enabling { throw Unsupported() }
      case "a"..."z", "A"..."Z":
        if scalar == "R" {
          skipPastClosingParenthesis()
          return .unknown
        }
      default:
        skipPastClosingParenthesis()
        return .unknown
      }
      position += 1
    }
    throw Unsupported()
  }

  private mutating func readGroupBody() throws(Unsupported) -> [[Node]] {
    let branches = try readAlternation()
    guard current == ")" else { throw Unsupported() }
    position += 1
    return branches
  }

  private mutating func skipPastClosingParenthesis() {
    while let scalar = current {
      position += 1
      if scalar == ")" { return }
    }
  }
}
