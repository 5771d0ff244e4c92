import Foundation

/// Segments with the labels a person gave them, read from JSON lines:
/// `{"text": "...", "labels": ["policy", "quote"]}` per line (other keys are ignored).
///
/// Lines are segments in document order: each is classified with the context of the lines
/// before it. An optional `"doc"` key (a string or a number) names the document a line belongs
/// to; where it changes, a new document starts and the context is reset.
public struct LabelledCorpus: Sendable {
  /// One labelled segment.
  public struct Example: Sendable, Hashable {
    /// The segment's text.
    public var text: String
    /// The expected labels.
    public var labels: Set<String>
    /// The document the segment belongs to, if the corpus says.
    public var document: String?
    /// Where the example is: file and line.
    public var location: SourceLocation
  }

  /// The examples, in file order.
  public var examples: [Example]

  /// Creates a corpus from examples.
  public init(examples: [Example]) {
    self.examples = examples
  }

  /// Parses JSON-lines text; blank lines are skipped.
  ///
  /// - Parameters:
  ///   - text: the JSON lines.
  ///   - name: the file's name, for error positions.
  /// - Throws: `CorpusError` at the first line that is not an object with a string `text` and an
  ///   array of strings `labels`.
  public init(parsing text: String, name: String) throws(CorpusError) {
    examples = []
    let decoder = JSONDecoder()
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    for (index, line) in lines.enumerated() {
      guard line.contains(where: { !$0.isWhitespace }) else { continue }
      let location = SourceLocation(file: name, line: index + 1, column: 1)
      guard let entry = try? decoder.decode(Entry.self, from: Data(line.utf8)) else {
        throw CorpusError(
          location: location,
          message:
            "expected a JSON object with \"text\" (a string), \"labels\" (an array of strings) and optionally \"doc\" (a string or number)"
        )
      }
      examples.append(
        Example(
          text: entry.text, labels: Set(entry.labels), document: entry.doc?.name,
          location: location))
    }
  }

  /// Reads and parses a corpus file.
  ///
  /// - Throws: `CorpusError` when the file cannot be read or a line is malformed.
  public init(contentsOf path: String) throws(CorpusError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CorpusError(location: .wholeFile(path), message: "no such file", isUnreadable: true)
    }
    guard !isDirectory.boolValue else {
      throw CorpusError(location: .wholeFile(path), message: "is a directory", isUnreadable: true)
    }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(validating: data, as: UTF8.self)
    else {
      throw CorpusError(
        location: .wholeFile(path), message: "cannot read the file as UTF-8 text",
        isUnreadable: true)
    }
    try self.init(parsing: text, name: path)
  }

  private struct Entry: Decodable {
    var text: String
    var labels: [String]
    var doc: DocumentName?
  }

  /// A document name given as a string or a number.
  private struct DocumentName: Decodable {
    var name: String

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let number = try? container.decode(Int.self) {
        name = String(number)
      } else {
        name = try container.decode(String.self)
      }
    }
  }
}

/// A labelled corpus that could not be read or does not fit the rule set.
public struct CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Where the problem is.
  public var location: SourceLocation
  /// What is wrong.
  public var message: String
  /// Whether the file could not be read at all (rather than read and found wrong).
  public var isUnreadable = false

  /// `file:line:col: message`.
  public var description: String { "\(location): \(message)" }
}
