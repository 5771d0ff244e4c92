/// Maps positions inside a YAML scalar's value back to line and column in its file.
///
/// PCRE2 reports a compile error as a byte offset into the pattern; a rule author needs the place
/// in the rule file. The value and its source differ by the scalar's quoting (`''` in single
/// quotes, escapes in double quotes, indentation in block scalars), so the map walks the source
/// text in step with the value.
struct ScalarSourceMap: Sendable {
  /// How the scalar is written in its file.
  enum Style: Sendable {
    case plain
    case singleQuoted
    case doubleQuoted
    case block
    /// The source text is not known: every offset maps to `start`.
    case unknown
  }

  /// Where the scalar's token begins: its first character, opening quote or block indicator.
  var start: SourceLocation
  var style: Style
  /// The whole file's text, shared between the scalars of one file.
  var fileText: String

  /// A map that places every offset at `start`.
  init(start: SourceLocation) {
    self.init(start: start, style: .unknown, fileText: "")
  }

  init(start: SourceLocation, style: Style, fileText: String) {
    self.start = start
    self.style = style
    self.fileText = fileText
  }

  /// The file position of the value's character at UTF-8 offset `offset`.
  ///
  /// An offset at or past the end maps just after the value's last character.
  func location(ofUTF8Offset offset: Int, in value: String) -> SourceLocation {
    var consumed = 0
    var bytes = 0
    for scalar in value.unicodeScalars {
      guard bytes < offset else { break }
      bytes += UTF8.width(scalar)
      consumed += 1
    }
    guard style != .unknown else { return start }
    var walker = SourceWalker(
      lines: fileText.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        .map { line in line.last == "\r" ? Array(line.dropLast()) : Array(line) },
      line: start.line - 1, column: start.column - 1)
    switch style {
    case .plain, .unknown:
      walker.walkFlow(consuming: consumed, quote: nil)
    case .singleQuoted:
      walker.walkFlow(consuming: consumed, quote: "'")
    case .doubleQuoted:
      walker.walkFlow(consuming: consumed, quote: "\"")
    case .block:
      walker.walkBlock(consuming: consumed)
    }
    return SourceLocation(file: start.file, line: walker.line + 1, column: walker.column + 1)
  }
}

/// Walks a scalar's source text, one value character at a time, following YAML's rules for
/// quotes, escapes, line folding and block indentation.
private struct SourceWalker {
  let lines: [[Unicode.Scalar]]
  var line: Int
  var column: Int

  private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

  private func leadingBlanks(_ index: Int) -> Int { lines[index].prefix(while: Self.isBlank).count }

  private func restIsBlank() -> Bool { lines[line].dropFirst(column).allSatisfy(Self.isBlank) }

  /// A quoted or plain scalar: a line break and the blanks around it fold to one space, or to
  /// one line feed per empty line that follows it.
  mutating func walkFlow(consuming count: Int, quote: Unicode.Scalar?) {
    if quote != nil { column += 1 }
    var remaining = count
    while remaining > 0, line < lines.count {
      if restIsBlank() {
        guard let (next, empty) = nextContentLine(after: line) else { return }
        remaining -= max(empty, 1)
        line = next
        column = leadingBlanks(next)
        continue
      }
      let scalar = lines[line][column]
      if quote == "'" && scalar == "'" {
        column += 2
      } else if quote == "\"" && scalar == "\\" {
        guard column + 1 < lines[line].count else {
          // An escaped line break: nothing in the value; the next line's blanks are dropped.
          guard let (next, _) = nextContentLine(after: line) else { return }
          line = next
          column = leadingBlanks(next)
          continue
        }
        column += Self.escapeLength(after: lines[line][column + 1])
      } else {
        column += 1
      }
      remaining -= 1
    }
  }

  /// A literal (`|`) or folded (`>`) block: content lines at a fixed indentation, given by an
  /// indentation indicator or by the first line with content.
  mutating func walkBlock(consuming count: Int) {
    let header = lines[line].dropFirst(column)
    let isFolded = header.first == ">"
    let indicator = header.dropFirst().prefix { $0 != " " && $0 != "#" }
      .first { $0.properties.numericType == .decimal }
    let indentation: Int
    if let indicator, let digit = Int(String(indicator)) {
      indentation = leadingBlanks(line) + digit
    } else {
      let first = ((line + 1)..<lines.count).first { !lines[$0].allSatisfy(Self.isBlank) }
      indentation = first.map(leadingBlanks) ?? 0
    }
    line += 1
    column = indentation
    var remaining = count
    while remaining > 0, line < lines.count {
      guard column >= lines[line].count else {
        column += 1
        remaining -= 1
        continue
      }
      // The end of a line: a line feed, or in a folded block a space between two lines of text
      // and one line feed per empty line.
      if isFolded && !lines[line].allSatisfy(Self.isBlank),
        let (next, empty) = nextContentLine(after: line)
      {
        remaining -= max(empty, 1)
        line = next
      } else {
        remaining -= 1
        line += 1
      }
      column = indentation
    }
  }

  /// The next line with something besides blanks, and how many empty lines come before it.
  private func nextContentLine(after index: Int) -> (Int, Int)? {
    var next = index + 1
    var empty = 0
    while next < lines.count, lines[next].allSatisfy(Self.isBlank) {
      next += 1
      empty += 1
    }
    return next < lines.count ? (next, empty) : nil
  }

  /// How many source characters a double-quoted escape spans, from its backslash.
  private static func escapeLength(after introducer: Unicode.Scalar) -> Int {
    switch introducer {
    case "x": 4
    case "u": 6
    case "U": 10
    default: 2
    }
  }
}
