/// One term of a keyword list: a word or phrase, matched as whole words, case-insensitively.
///
/// Written as `undercover officer*`: the words of a phrase match across any run of whitespace,
/// and a trailing `*` makes the last word a stem that matches any word ending.
public struct KeywordTerm: Sendable, Hashable {
  /// The term as written in the rule file.
  public var text: String
  /// The words, lowercased scalar by scalar, without the stem marker; never empty.
  public var words: [String]
  /// Whether the last word is a stem (written with a trailing `*`).
  public var isStem: Bool
  /// What finding the term adds to the score.
  public var weight: Double

  /// Parses a term as written in a rule file.
  ///
  /// - Throws: `KeywordTerm.SyntaxError` when the term is empty, is a lone `*`, or has `*`
  ///   anywhere but at its end.
  public init(parsing text: String, weight: Double) throws(SyntaxError) {
    var body = Substring(text)
    var isStem = false
    if body.last == "*" {
      body = body.dropLast()
      isStem = true
    }
    let words = body.split(whereSeparator: \.isWhitespace).map { word in
      String(String.UnicodeScalarView(word.unicodeScalars.map(\.simpleLowercase)))
    }
    guard !words.isEmpty else {
      throw SyntaxError(message: isStem ? "a stem needs letters before '*'" : "empty keyword")
    }
    guard !words.contains(where: { $0.contains("*") }) else {
      throw SyntaxError(message: "'*' may only end a keyword (a stem), as in 'arrest*'")
    }
    guard !(isStem && text.dropLast().last?.isWhitespace == true) else {
      throw SyntaxError(message: "'*' must follow the stem directly, as in 'arrest*'")
    }
    self.text = text
    self.words = words
    self.isStem = isStem
    self.weight = weight
  }

  /// The form two terms are compared in: lowercased words joined by single spaces, plus `*` for a
  /// stem.
  public var normalized: String { words.joined(separator: " ") + (isStem ? "*" : "") }

  /// Why a keyword could not be parsed.
  public struct SyntaxError: Error, Sendable, Hashable {
    /// What is wrong with the keyword.
    public var message: String
  }
}
