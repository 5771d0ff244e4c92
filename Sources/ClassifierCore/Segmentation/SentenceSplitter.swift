/// Splits a paragraph into sentences, working on its UTF-8 bytes.
///
/// A sentence ends at `.`, `!`, `?` or an ellipsis, together with any closing quotes and
/// brackets after it, when whitespace and then something other than a lowercase letter, a dash
/// (or `.`, `,`, `;`, `:`) follow.
/// It does not end inside a quotation, after a title (`Mr.`, `Dr.`, `St.`), after `No.` or `p.`
/// before a number, after a list marker that opens a line (`1.`), or after an initial
/// (`J. K. Smith`), a dotted acronym (`U.S.`) or an abbreviation that may end a sentence
/// (`Co.`, `etc.`) unless a typical sentence opener follows. Decimals, amounts, e-mail
/// addresses and URLs never split because no whitespace follows their periods. A line that
/// starts with a list marker (`1.`, `1)`, `a.`, `-`, `•`) starts a new sentence, except that a
/// letter and a period (`a.`, `J.`) count as a marker only after a line that ends a sentence or
/// clause (`:`) or is a list item, so that a hard-wrapped line may start with an initial.
struct SentenceSplitter {
  private var quotes = QuoteRegions()

  /// Appends to `starts` the offsets in `text` where a new sentence begins (never 0), in order.
  mutating func split(_ text: UnsafeBufferPointer<UInt8>, into starts: inout [Int]) {
    quotes.find(in: text)
    let count = text.count
    var index = 0
    // Where the last list item that starts a line begins (the paragraph's start counts).
    var lastItem = 0
    while index < count {
      let byte = text[index]
      if byte == UInt8(ascii: "\n") {
        let next = skipBlanks(from: index + 1, in: text)
        if next < count, isListMarker(at: next, in: text),
          !quotes.contains(index + 1),
          !isLetterWithPeriod(at: next, in: text)
            || listGoesOn(beforeNewlineAt: index, lastItem: lastItem, in: text)
        {
          starts.append(next)
          lastItem = next
        }
        index += 1
        continue
      }
      guard let afterTerminator = terminatorRun(at: index, in: text) else {
        index += 1
        continue
      }
      let end = skipClosers(from: afterTerminator, in: text)
      guard end < count, TextBytes.isSpace(text[end]) else {
        index = max(end, index + 1)
        continue
      }
      let next = skipSpaces(from: end, in: text)
      guard next < count else { return }
      if !quotes.contains(end) && startsSentence(at: next, in: text)
        && !abbreviationContinues(periodAt: index, runEnd: afterTerminator, next: next, in: text)
      {
        starts.append(next)
        if opensLine(at: next, in: text) && isListMarker(at: next, in: text) { lastItem = next }
        index = next
      } else {
        // The sentence goes on, unless a list item starts a line in the whitespace.
        index = end
      }
    }
  }

  /// When a sentence terminator run starts at `index` (`.`, `!`, `?`, `…`, repeated or mixed),
  /// the offset just past it.
  private func terminatorRun(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
    var cursor = index
    while cursor < text.count {
      let byte = text[cursor]
      if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
        cursor += 1
      } else if TextBytes.isPunctuation(TextBytes.ellipsis, at: cursor, in: text) {
        cursor += 3
      } else {
        break
      }
    }
    return cursor > index ? cursor : nil
  }

  /// Skips closing quotes and brackets that belong to the sentence just ended.
  private func skipClosers(from index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
    var cursor = index
    while cursor < text.count {
      switch text[cursor] {
      case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"):
        cursor += 1
      case 0xE2
      where TextBytes.isPunctuation(TextBytes.rightDoubleQuote, at: cursor, in: text)
        || TextBytes.isPunctuation(TextBytes.rightSingleQuote, at: cursor, in: text):
        cursor += 3
      case 0xC2 where cursor + 1 < text.count && text[cursor + 1] == 0xBB:
        cursor += 2
      default:
        return cursor
      }
    }
    return cursor
  }

  /// Whether the text at `index` can open a sentence: anything but a lowercase letter or
  /// punctuation that continues one (`. . .`, `,`, `;`, `:`).
  private func startsSentence(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    if startsWithDash(at: index, in: text) { return false }
    let byte = text[index]
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "."), UInt8(ascii: ","),
      UInt8(ascii: ";"), UInt8(ascii: ":"):
      return false
    case 0..<0x80:
      return true
    default:
      break
    }
    guard let (scalar, _) = WordBoundary.decode(at: index, in: text) else { return true }
    return !scalar.properties.isLowercase
  }

  /// Whether a single period at `period` belongs to an abbreviation, initial, acronym or list
  /// marker, so that the sentence goes on.
  private func abbreviationContinues(
    periodAt period: Int, runEnd: Int, next: Int, in text: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard text[period] == UInt8(ascii: "."), runEnd == period + 1 else { return false }
    var wordStart = period
    while wordStart > 0 {
      let byte = text[wordStart - 1]
      guard TextBytes.isLetter(byte) || TextBytes.isDigit(byte) || byte == UInt8(ascii: ".") else {
        break
      }
      wordStart -= 1
    }
    guard wordStart < period else { return false }
    let word = UnsafeBufferPointer(rebasing: text[wordStart..<period])
    if opensLine(at: wordStart, in: text) && isMarkerWord(word) { return true }
    let packed = PackedWord(word)
    if let packed, Abbreviations.titles.contains(packed) { return true }
    if let packed, Abbreviations.beforeNumbers.contains(packed), TextBytes.isDigit(text[next]) {
      return true
    }
    let isInitial = word.count == 1 && word[0] >= UInt8(ascii: "A") && word[0] <= UInt8(ascii: "Z")
    let isAmbiguous =
      packed.map {
        Abbreviations.ambiguous.contains($0)
          || (Abbreviations.usStates.contains($0) && followsComma(wordStart, in: text))
      } ?? false
    if isInitial || isAmbiguous || isDottedAcronym(word) {
      return !opensSentenceClearly(at: next, in: text)
    }
    return false
  }

  /// Whether `, ` comes just before `index` (`Macon, Ga.`).
  private func followsComma(_ index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    index >= 2 && text[index - 1] == UInt8(ascii: " ") && text[index - 2] == UInt8(ascii: ",")
  }

  /// `U.S`, `e.g`, `a.m`: letter groups of one to three separated by periods.
  private func isDottedAcronym(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    var parts = 1
    var partLength = 0
    for byte in word {
      if byte == UInt8(ascii: ".") {
        guard partLength > 0 else { return false }
        parts += 1
        partLength = 0
      } else {
        guard TextBytes.isLetter(byte), partLength < 3 else { return false }
        partLength += 1
      }
    }
    return parts >= 2 && partLength > 0
  }

  /// A list marker's word: up to three digits or one letter.
  private func isMarkerWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    (word.count <= 3 && word.allSatisfy(TextBytes.isDigit))
      || (word.count == 1 && TextBytes.isLetter(word[0]))
  }

  /// After an ambiguous period: a digit, an opening quote or bracket (but not a dateline's
  /// credit, `(AP) —`), or a typical opening word.
  private func opensSentenceClearly(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    let byte = text[index]
    if byte == UInt8(ascii: "(") { return !isDatelineCredit(at: index, in: text) }
    if TextBytes.isDigit(byte) || byte == UInt8(ascii: "\"") { return true }
    if TextBytes.isPunctuation(TextBytes.leftDoubleQuote, at: index, in: text)
      || TextBytes.isPunctuation(TextBytes.leftSingleQuote, at: index, in: text)
    {
      return true
    }
    var end = index
    while end < text.count, TextBytes.isLetter(text[end]) || text[end] == UInt8(ascii: "'") {
      end += 1
    }
    // A single letter and a period is another initial (`J. A. Smith`), not the word `A`.
    if end == index + 1 && end < text.count && text[end] == UInt8(ascii: ".") { return false }
    guard let word = PackedWord(UnsafeBufferPointer(rebasing: text[index..<end])) else {
      return false
    }
    return Abbreviations.sentenceOpeners.contains(word)
  }

  /// Whether a short bracket at `index` is followed by a dash, as a news agency's credit in a
  /// dateline is (`(AP) —`, `(Reuters) -`).
  private func isDatelineCredit(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    var close = index + 1
    while close < min(text.count, index + 24), text[close] != UInt8(ascii: ")") { close += 1 }
    guard close < text.count, text[close] == UInt8(ascii: ")") else { return false }
    return startsWithDash(at: skipSpaces(from: close + 1, in: text), in: text)
  }

  /// Whether a dash starts at `index`: `-`, `–` or `—`.
  private func startsWithDash(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard index < text.count else { return false }
    return text[index] == UInt8(ascii: "-")
      || TextBytes.isPunctuation(TextBytes.enDash, at: index, in: text)
      || TextBytes.isPunctuation(TextBytes.emDash, at: index, in: text)
  }

  /// Whether only blanks stand between the start of the line and `index`.
  private func opensLine(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    var cursor = index
    while cursor > 0 {
      let byte = text[cursor - 1]
      if byte == UInt8(ascii: "\n") { return true }
      guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else { return false }
      cursor -= 1
    }
    return true
  }

  /// A list marker followed by a blank: `-`, `*`, `•`, `–`, `—`, `1.`, `1)`, `a.`, `a)`, `(1)`.
  private func isListMarker(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    func blank(_ offset: Int) -> Bool {
      offset < text.count
        && (text[offset] == UInt8(ascii: " ") || text[offset] == UInt8(ascii: "\t"))
    }
    let byte = text[index]
    if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") { return blank(index + 1) }
    for mark in [TextBytes.bullet, TextBytes.enDash, TextBytes.emDash]
    where TextBytes.isPunctuation(mark, at: index, in: text) {
      return blank(index + 3)
    }
    var cursor = index
    if byte == UInt8(ascii: "(") { cursor += 1 }
    let wordStart = cursor
    while cursor < text.count, TextBytes.isDigit(text[cursor]), cursor - wordStart < 3 {
      cursor += 1
    }
    if cursor == wordStart, cursor < text.count, TextBytes.isLetter(text[cursor]) { cursor += 1 }
    guard cursor > wordStart, cursor < text.count else { return false }
    let closer = text[cursor]
    if byte == UInt8(ascii: "(") { return closer == UInt8(ascii: ")") && blank(cursor + 1) }
    return (closer == UInt8(ascii: ".") || closer == UInt8(ascii: ")")) && blank(cursor + 1)
  }

  /// A letter and a period (`a.`, `J.`): a list marker, or an initial or abbreviation (`J. R.
  /// Ellison`, `p. 12`) that a hard-wrapped line happens to start with.
  private func isLetterWithPeriod(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    index + 1 < text.count && TextBytes.isLetter(text[index])
      && text[index + 1] == UInt8(ascii: ".")
  }

  /// Whether the line that ends at the newline at `newline` makes a letter-and-period marker on
  /// the next line a list item: it ends with `:`, `;` or a sentence terminator, or is a list item
  /// itself (one that starts with a letter and a period only if it was taken as one, at
  /// `lastItem`).
  private func listGoesOn(
    beforeNewlineAt newline: Int, lastItem: Int, in text: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    var last = newline
    while last > 0 && TextBytes.isSpace(text[last - 1]) { last -= 1 }
    guard last > 0 else { return true }
    switch text[last - 1] {
    case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "."), UInt8(ascii: "!"),
      UInt8(ascii: "?"):
      return true
    default:
      break
    }
    var lineStart = last
    while lineStart > 0 && text[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
    let first = skipBlanks(from: lineStart, in: text)
    guard first < last && isListMarker(at: first, in: text) else { return false }
    return first == lastItem || !isLetterWithPeriod(at: first, in: text)
  }

  private func skipSpaces(from index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
    var cursor = index
    while cursor < text.count && TextBytes.isSpace(text[cursor]) { cursor += 1 }
    return cursor
  }

  private func skipBlanks(from index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
    var cursor = index
    while cursor < text.count,
      text[cursor] == UInt8(ascii: " ") || text[cursor] == UInt8(ascii: "\t")
    {
      cursor += 1
    }
    return cursor
  }
}
