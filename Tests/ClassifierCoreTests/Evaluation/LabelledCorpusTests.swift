import Foundation
import Testing

@testable import ClassifierCore

@Suite struct LabelledCorpusTests {
  /// The error parsing `text` throws, or `nil` when it parses.
  private static func parseError(_ text: String) -> CorpusError? {
    do {
      _ = try LabelledCorpus(parsing: text, name: "c.jsonl")
      return nil
    } catch {
      return error
    }
  }

  @Test("each line gives text, labels and document; other keys and blank lines are skipped")
  func parsesLines() throws {
    let corpus = try LabelledCorpus(
      parsing: """
        {"text": "Police arrested a man.", "labels": ["enforcement", "quote"], "doc": "a-1"}

        {"note": "ignored", "labels": [], "text": "Nothing.", "doc": 7}
          \t
        {"text": "Last.", "labels": []}
        """, name: "c.jsonl")
    #expect(corpus.examples.map(\.text) == ["Police arrested a man.", "Nothing.", "Last."])
    #expect(corpus.examples.map(\.labels) == [["enforcement", "quote"], [], []])
    #expect(corpus.examples.map(\.document) == ["a-1", "7", nil])
    let lines = [1, 3, 5].map { SourceLocation(file: "c.jsonl", line: $0, column: 1) }
    #expect(corpus.examples.map(\.location) == lines)
  }

  @Test("a document number and the same number as a string name the same document")
  func documentNumberAndString() throws {
    let corpus = try LabelledCorpus(
      parsing: """
        {"text": "a", "labels": [], "doc": 12}
        {"text": "b", "labels": [], "doc": "12"}
        """, name: "c.jsonl")
    #expect(corpus.examples.map(\.document) == ["12", "12"])
  }

  @Test(
    "a malformed line is an error at its line, after blank lines and good ones",
    arguments: [
      "not json",
      #"{"text": "x", "labels": []"#,
      #"{"labels": ["quote"]}"#,
      #"{"text": null, "labels": []}"#,
      #"{"text": 1, "labels": []}"#,
      #"{"text": "x"}"#,
      #"{"text": "x", "labels": "quote"}"#,
      #"{"text": "x", "labels": [1]}"#,
      #"{"text": "x", "labels": ["quote", null]}"#,
      #"{"text": "x", "labels": {"quote": true}}"#,
      #"{"text": "x", "labels": [], "doc": true}"#,
      #"{"text": "x", "labels": [], "doc": 1.5}"#,
      #"{"text": "x", "labels": [], "doc": ["a"]}"#,
      #"{"text": "x", "labels": [], "doc": {"id": 1}}"#,
      #"["x", ["quote"]]"#,
      #"{"text": "x", "labels": []} {"text": "y", "labels": []}"#,
    ])
  func malformedLine(line: String) throws {
    let text =
      "{\"text\": \"fine\", \"labels\": []}\n\n" + line + "\n{\"text\": \"z\", \"labels\": []}"
    let error = try #require(Self.parseError(text), "expected an error for \(line)")
    #expect(error.location == SourceLocation(file: "c.jsonl", line: 3, column: 1))
    #expect(!error.isUnreadable)
    #expect(error.description.hasPrefix("c.jsonl:3:1: expected a JSON object with \"text\""))
  }

  @Test("the first malformed line is the one reported")
  func firstErrorWins() throws {
    let error = try #require(Self.parseError("{}\n{\"text\": 1}\n"))
    #expect(error.location.line == 1)
  }

  @Test("lines ending in CRLF parse like lines ending in LF")
  func crlfLineEndings() throws {
    let corpus = try LabelledCorpus(
      parsing: "{\"text\": \"a\", \"labels\": []}\r\n{\"text\": \"b\", \"labels\": [\"x\"]}\r\n",
      name: "c.jsonl")
    #expect(corpus.examples.map(\.text) == ["a", "b"])
    #expect(corpus.examples.map(\.location.line) == [1, 2])
  }

  @Test("a file that cannot be read, or is not UTF-8, is an unreadable-file error")
  func unreadableFile() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("LabelledCorpusTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let missing = directory.appendingPathComponent("missing.jsonl").path
    let invalid = directory.appendingPathComponent("latin1.jsonl")
    try Data([0x7B, 0xFF, 0xFE, 0x7D, 0x0A]).write(to: invalid)
    for path in [missing, invalid.path, directory.path] {
      do {
        _ = try LabelledCorpus(contentsOf: path)
        Issue.record("expected \(path) to be unreadable")
      } catch {
        #expect(error.isUnreadable)
        #expect(error.location == .wholeFile(path))
        #expect(error.description.hasPrefix("\(path): "))
      }
    }
  }

  @Test("a readable file is parsed with its path in every location")
  func readsFile() throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("LabelledCorpusTests-\(UUID().uuidString).jsonl")
    try Data("\n{\"text\": \"a\", \"labels\": [\"enforcement\"]}\n".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let corpus = try LabelledCorpus(contentsOf: file.path)
    #expect(
      corpus.examples.map(\.location) == [SourceLocation(file: file.path, line: 2, column: 1)])
  }
}
