/// Subjects built from a pattern to make it backtrack: a short string ("pump") repeated to a few
/// kilobytes, after text that leads into one of the pattern's repeats, then a character that makes
/// the match fail.
///
/// The pumps are common characters and pairs of them, one iteration of each of the pattern's
/// unbounded repeats (from `PatternSketch`), and the characters and words of its literal text.
/// After the failing character come the pattern's own characters, so that PCRE2's quick check
/// for a character every match needs does not reject the subject before any backtracking starts.
struct AdversarialSubjects {
  /// One way to pump a pattern.
  struct Pump: Hashable {
    /// Text before the pumped part, leading into a repeat; often empty.
    var prefix: String
    /// The string repeated.
    var unit: String
  }

  /// The pumps, most targeted first: the pattern's own repeats, then common characters, then the
  /// pattern's literal text.
  private(set) var pumps: [Pump] = []
  /// What follows the pumped part: `failure`, then the pattern's characters.
  let suffix: String
  /// The character right after the pumped part, chosen among characters the pattern does not name.
  let failure: Unicode.Scalar

  /// Common characters, pumped alone and in pairs.
  static let commonCharacters: [String] = ["a", "1", " ", ".", ",", "'", "\"", "-"]
  /// Other common pumps: capitals, runs of words and numbers, non-ASCII letters.
  static let commonPumps: [String] = [
    "A", "aa ", "1,", "1.", "a1", "1 ", "a.", "a-", "a,", "_", "\t", "é", "aA",
  ]

  /// The longest pump unit and prefix kept, in bytes.
  static let maximumUnitBytes = 32
  static let maximumPrefixBytes = 256

  /// Builds the subjects for `pattern`, read as `sketch` (`nil` when the sketch could not read
  /// it: the pumps are then common characters and the pattern's letters and words).
  init(pattern: String, sketch: PatternSketch?) {
    let characters = sketch?.characters ?? Self.plainCharacters(of: pattern)
    let failure =
      (["!", "#", "~", "\u{7}"] as [Unicode.Scalar]).first { !characters.contains($0) } ?? "\u{7}"
    self.failure = failure
    var suffix = String(failure)
    suffix.unicodeScalars.append(contentsOf: characters.filter { $0 != failure }.prefix(64))
    self.suffix = suffix

    var seen: Set<Pump> = []
    func add(_ unit: String, after prefix: String = "") {
      guard !unit.isEmpty, unit.utf8.count <= Self.maximumUnitBytes,
        prefix.utf8.count <= Self.maximumPrefixBytes, !unit.unicodeScalars.contains(failure)
      else { return }
      let pump = Pump(prefix: prefix, unit: unit)
      if seen.insert(pump).inserted { pumps.append(pump) }
    }
    for repeated in sketch?.unboundedRepeats() ?? [] {
      for iteration in repeated.iterations { add(iteration, after: repeated.prefix) }
      for (index, first) in repeated.iterations.enumerated() {
        for second in repeated.iterations.dropFirst(index + 1).prefix(2) {
          add(first + second, after: repeated.prefix)
        }
      }
    }
    for (index, first) in Self.commonCharacters.enumerated() {
      add(first)
      for second in Self.commonCharacters.dropFirst(index + 1) { add(first + second) }
    }
    for pump in Self.commonPumps { add(pump) }
    for character in characters.prefix(24) { add(String(character)) }
    for word in (sketch?.words ?? Self.plainWords(of: pattern)).prefix(16) { add(word) }
  }

  /// The subject for `pump` with about `length` bytes of pumped text: the prefix, the unit
  /// repeated (whole units only), and the suffix.
  func subject(_ pump: Pump, length: Int) -> [UInt8] {
    let unit = Array(pump.unit.utf8)
    let count = max(1, length / unit.count)
    // Doubling: a few large copies rather than thousands of one-byte appends.
    var pumped = unit
    pumped.reserveCapacity(count * unit.count)
    while pumped.count * 2 <= count * unit.count { pumped += pumped }
    pumped += pumped.prefix(count * unit.count - pumped.count)
    return Array(pump.prefix.utf8) + pumped + Array(suffix.utf8)
  }

  /// `4 KB of 'aa ' followed by '!'`, or with a prefix `'fined ' then 4 KB of ...`; the
  /// pattern's characters after the failing one are shown when they are few.
  func describe(_ pump: Pump, length: Int) -> String {
    let suffix = suffix.unicodeScalars.count <= 8 ? suffix : String(failure)
    let body = "\(length >> 10) KB of \(Self.quote(pump.unit)) followed by \(Self.quote(suffix))"
    return pump.prefix.isEmpty ? body : "\(Self.quote(pump.prefix)) then \(body)"
  }

  /// Text between single quotes (double quotes when it holds one), with control characters
  /// escaped.
  static func quote(_ text: String) -> String {
    let mark: Character = text.contains("'") ? "\"" : "'"
    var quoted = String(mark)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\t": quoted += "\\t"
      case "\n": quoted += "\\n"
      case "\r": quoted += "\\r"
      case "\"" where mark == "\"": quoted += "\\\""
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        quoted += "\\u{\(String(scalar.value, radix: 16))}"
      default: quoted.unicodeScalars.append(scalar)
      }
    }
    quoted.append(mark)
    return quoted
  }

  /// The letters and digits of a pattern the sketch could not read, each once, skipping escapes.
  private static func plainCharacters(of pattern: String) -> [Unicode.Scalar] {
    var found: [Unicode.Scalar] = []
    var escaped = false
    for scalar in pattern.unicodeScalars {
      defer { escaped = !escaped && scalar == "\\" }
      guard !escaped, scalar.properties.isAlphabetic || scalar.properties.numericType != nil,
        !found.contains(scalar)
      else { continue }
      found.append(scalar)
    }
    return found
  }

  /// The runs of letters of a pattern the sketch could not read, each once, skipping escapes.
  private static func plainWords(of pattern: String) -> [String] {
    var found: [String] = []
    var word = ""
    var escaped = false
    for scalar in pattern.unicodeScalars {
      defer { escaped = !escaped && scalar == "\\" }
      if !escaped && scalar.properties.isAlphabetic {
        word.unicodeScalars.append(scalar)
        continue
      }
      if word.unicodeScalars.count > 1 && !found.contains(word) { found.append(word) }
      word = ""
    }
    if word.unicodeScalars.count > 1 && !found.contains(word) { found.append(word) }
    return found
  }
}
