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
    let valueScalars = Array(value.unicodeScalars)
    var consumed = 0
    var bytes = 0
    while consumed < valueScalars.count, bytes < offset {
      bytes += UTF8.width(valueScalars[consumed])
      consumed += 1
    }
    guard style != .unknown else { return start }
    var cursor = SourceCursor(
      lines: fileText.split(separator: "\n", omittingEmptySubsequences: false),
      line: start.line - 1, column: start.column - 1)
    switch style {
    case .plain, .unknown:
      break
    case .singleQuoted, .doubleQuoted:
      cursor.advance()
    case .block:
      cursor.enterBlock()
    }
    for _ in 0..<consumed {
      guard cursor.isValid else { break }
      if cursor.atLineEnd {
        cursor.continueOnNextLine(indentation: style == .block ? cursor.blockIndentation : nil)
        continue
      }
      switch (style, cursor.current) {
      case (.singleQuoted, "'"):
        cursor.advance(by: 2)
      case (.doubleQuoted, "\\"):
        cursor.advance(by: Self.escapeLength(after: cursor.peek(1)))
      default:
        cursor.advance()
      }
    }
    if style == .block, cursor.atLineEnd, consumed < valueScalars.count {
      cursor.continueOnNextLine(indentation: cursor.blockIndentation)
    }
    return SourceLocation(file: start.file, line: cursor.line + 1, column: cursor.column + 1)
  }

  /// How many source characters a double-quoted escape spans, from its backslash.
  private static func escapeLength(after introducer: Unicode.Scalar?) -> Int {
    switch introducer {
    case "x": 4
    case "u": 6
    case "U": 10
    default: 2
    }
  }
}

/// A position in a file's lines, counted in Unicode scalars.
private struct SourceCursor {
  let lines: [Substring]
  var line: Int
  var column: Int
  var blockIndentation = 0
  private var lineScalars: [Unicode.Scalar] = []

  init(lines: [Substring], line: Int, column: Int) {
    self.lines = lines
    self.line = line
    self.column = column
    loadLine()
  }

  var isValid: Bool { line < lines.count }
  var atLineEnd: Bool { column >= lineScalars.count }
  var current: Unicode.Scalar? { peek(0) }

  func peek(_ distance: Int) -> Unicode.Scalar? {
    let index = column + distance
    return index < lineScalars.count ? lineScalars[index] : nil
  }

  mutating func advance(by count: Int = 1) {
    column = min(column + count, lineScalars.count)
  }

  /// Moves to the next line, past its indentation (a fixed width in block scalars, all leading
  /// blanks in flow scalars).
  mutating func continueOnNextLine(indentation: Int?) {
    line += 1
    loadLine()
    if let indentation {
      column = min(indentation, lineScalars.count)
    } else {
      column = lineScalars.prefix { $0 == " " || $0 == "\t" }.count
    }
  }

  /// Moves from a block indicator (`|` or `>`) to the first character of the block's content.
  mutating func enterBlock() {
    var probe = line + 1
    while probe < lines.count, lines[probe].allSatisfy({ $0 == " " || $0 == "\r" }) {
      probe += 1
    }
    blockIndentation = probe < lines.count ? lines[probe].prefix { $0 == " " }.count : 0
    continueOnNextLine(indentation: blockIndentation)
  }

  private mutating func loadLine() {
    lineScalars = line < lines.count ? Array(lines[line].unicodeScalars) : []
    if lineScalars.last == "\r" { lineScalars.removeLast() }
  }
}
