/// A position in a rule file: the file's name, a 1-based line and a 1-based column.
///
/// Columns count Unicode scalars, as YAML parsers do, so a caret placed under the column of a
/// line lands on the character the diagnostic is about.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The rule file's name as it was given to the loader (a path, or `<stock>/NAME` for the
  /// rules embedded in the binary).
  public var file: String
  /// The line, counting from 1.
  public var line: Int
  /// The column, counting Unicode scalars from 1.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// A location that stands for a whole file (line and column 0), for problems such as a file
  /// that cannot be read.
  public static func wholeFile(_ file: String) -> SourceLocation {
    SourceLocation(file: file, line: 0, column: 0)
  }

  /// `file:line:col`, the form compilers and editors understand; just `file` for a whole file.
  public var description: String { line == 0 ? file : "\(file):\(line):\(column)" }

  /// Orders locations by file, then line, then column.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}
