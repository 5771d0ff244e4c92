import Foundation
import Testing

/// Rules that look at the context of a segment, end to end: evidence found in the previous
/// segment, quotations that continue across segments, and the context reset between documents.
@Suite("Context rules in classify and classify eval")
struct ContextEvidenceTests {
  /// `quote`: a lead-in ending in `said:` marks the next segment, any text of a segment inside a
  /// continued quotation counts, and `told` counts in the segment itself.
  private static let quoteRules = #"""
    category: quote
    threshold: 1
    rules:
      - id: lead-in
        pattern: 'said:\s*$'
        weight: 1
        scope: previous-segment
      - id: inside
        pattern: '\S'
        weight: 1
        scope: continued-quotation
      - id: told
        keywords: {told: 1}
    """#

  /// One JSON line of `--explain` output, with the evidence's `in` key.
  private struct Explained: Decodable {
    var doc: Int
    var seg: Int
    var start: Int
    var end: Int
    var text: String
    var labels: [String]
    var evidence: [Item]

    struct Item: Decodable, Equatable {
      var rule: String
      var weight: Double
      var place: String?
      var start: Int?
      var end: Int?
      var text: String?

      enum CodingKeys: String, CodingKey {
        case rule, weight, start, end, text
        case place = "in"
      }
    }
  }

  private static func explained(_ result: CLIResult) throws -> [Explained] {
    try result.output.split(separator: "\n").map {
      try JSONDecoder().decode(Explained.self, from: Data($0.utf8))
    }
  }

  private static func rules(in directory: TemporaryDirectory) throws -> String {
    try directory.rules(["quote.yaml": quoteRules])
  }

  @Test("--explain gives a lead-in's evidence in the next segment, at the lead-in's offsets")
  func previousSegmentEvidence() throws {
    let directory = try TemporaryDirectory()
    let document = Array("Prices rose.\n\nThe director said:\n\nWe will act now. Then more.\n".utf8)
    let result = try CLI.run(["--rules", Self.rules(in: directory), "--explain"], stdin: document)
    #expect(result.succeeded, "\(result)")
    let records = try Self.explained(result)
    #expect(
      records.map(\.text) == [
        "Prices rose.", "The director said:", "We will act now.", "Then more.",
      ])
    #expect(records.map(\.labels) == [[], [], ["quote"], []])
    #expect(records[1].evidence.isEmpty && records[3].evidence.isEmpty)
    let lead = records[1]
    #expect(
      records[2].evidence == [
        Explained.Item(
          rule: "quote/lead-in", weight: 1, place: "previous-segment", start: lead.start + 13,
          end: lead.end, text: "said:")
      ])
    let evidence = try #require(records[2].evidence.first)
    let start = try #require(evidence.start)
    let end = try #require(evidence.end)
    #expect(document.decoded(start, end) == "said:")
    #expect(lead.start <= start && end <= lead.end)
  }

  @Test("evidence from the segment itself has no \"in\" key")
  func ownEvidenceHasNoPlace() throws {
    let directory = try TemporaryDirectory()
    let result = try CLI.run(
      ["--rules", Self.rules(in: directory), "--explain"],
      stdin: "The director said:\n\nShe told us.\n")
    #expect(result.succeeded, "\(result)")
    let records = try Self.explained(result)
    #expect(records[1].evidence.map(\.rule) == ["quote/lead-in", "quote/told"])
    #expect(records[1].evidence.map(\.place) == ["previous-segment", nil])
    #expect(records[1].evidence.last?.text == "told")
  }

  @Test("the text format says the evidence is in the previous segment and shows its text")
  func previousSegmentText() throws {
    let directory = try TemporaryDirectory()
    let result = try CLI.run(
      ["--rules", Self.rules(in: directory), "--explain", "--format", "text"],
      stdin: "The director said:\n\nWe will act now.\n")
    #expect(result.succeeded, "\(result)")
    #expect(
      result.lines.contains("    +1 quote/lead-in in the previous segment: said:"), "\(result)")
  }

  @Test("a lead-in at the end of one file does not carry into the next file")
  func contextResetsBetweenFiles() throws {
    let directory = try TemporaryDirectory()
    let rules = try Self.rules(in: directory)
    let first = try directory.write("a.txt", "The director said:\n")
    let second = try directory.write("b.txt", "We will act now.\n")
    let result = try CLI.run(["--rules", rules, "--explain", first, second])
    #expect(result.succeeded, "\(result)")
    let records = try Self.explained(result)
    #expect(records.map(\.doc) == [1, 2])
    #expect(records.map(\.labels) == [[], []])
    #expect(records[1].evidence.isEmpty)
  }

  @Test("a quotation continues into paragraphs that open with a quotation mark, and no further")
  func continuedQuotation() throws {
    let directory = try TemporaryDirectory()
    let result = try CLI.run(
      ["--rules", Self.rules(in: directory), "--explain"],
      stdin: "“We acted fast.\n\n“We will go on.\n\n“It is done,” she said.\n\nNext.\n")
    #expect(result.succeeded, "\(result)")
    let records = try Self.explained(result)
    #expect(records.map(\.labels) == [[], ["quote"], ["quote"], []])
    #expect(records[1].evidence.map(\.rule) == ["quote/inside"])
    #expect(records[1].evidence.map(\.place) == [nil])

    let unmarked = try CLI.run(
      ["--rules", Self.rules(in: directory)], stdin: "“We acted fast.\n\nThen she left.\n")
    #expect(try Self.explainedLabels(unmarked) == [[], []])
  }

  private static func explainedLabels(_ result: CLIResult) throws -> [[String]] {
    try result.records().map { $0.labels ?? [] }
  }

  // MARK: classify eval

  /// Two documents: the first ends with a lead-in, the second starts with a plain sentence.
  private static let twoDocuments = """
    {"doc": 1, "text": "The director said:", "labels": []}
    {"doc": 1, "text": "We will act now.", "labels": ["quote"]}
    {"doc": 1, "text": "The minister said:", "labels": []}
    {"doc": 2, "text": "Prices rose.", "labels": []}
    """

  private static func evalJSON(_ gold: [String], rules: String) throws -> [String: Any] {
    let result = try CLI.run(
      ["eval", "--rules", rules, "--json", "--errors"] + gold.flatMap { ["--gold", $0] })
    #expect(result.succeeded, "\(result)")
    return try #require(JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any])
  }

  private static func quoteCounts(_ document: [String: Any]) throws -> [Int] {
    let categories = try #require(document["categories"] as? [[String: Any]])
    let quote = try #require(categories.first)
    return ["true_positives", "false_positives", "false_negatives"].map { quote[$0] as? Int ?? -1 }
  }

  @Test("eval classifies a document's lines with context and resets it where \"doc\" changes")
  func evalResetsAtDocumentChange() throws {
    let directory = try TemporaryDirectory()
    let rules = try Self.rules(in: directory)
    let grouped = try Self.evalJSON([directory.write("g.jsonl", Self.twoDocuments)], rules: rules)
    #expect(try Self.quoteCounts(grouped) == [1, 0, 0])
    #expect((grouped["errors"] as? [Any])?.isEmpty == true)

    // The same lines without "doc" are one document: the minister's lead-in carries.
    let ungrouped = Self.twoDocuments.replacingOccurrences(of: #""doc": 1, "#, with: "")
      .replacingOccurrences(of: #""doc": 2, "#, with: "")
    let single = try Self.evalJSON([directory.write("u.jsonl", ungrouped)], rules: rules)
    #expect(try Self.quoteCounts(single) == [1, 1, 0])
  }

  @Test("eval resets the context between gold files")
  func evalResetsBetweenFiles() throws {
    let directory = try TemporaryDirectory()
    let rules = try Self.rules(in: directory)
    let first = try directory.write("a.jsonl", #"{"text": "The director said:", "labels": []}"#)
    let second = try directory.write("b.jsonl", #"{"text": "Prices rose.", "labels": []}"#)
    #expect(try Self.quoteCounts(Self.evalJSON([first, second], rules: rules)) == [0, 0, 0])
  }

  @Test("eval --errors shows evidence found in the previous segment, in text and JSON")
  func evalErrorsShowPreviousSegment() throws {
    let directory = try TemporaryDirectory()
    let rules = try Self.rules(in: directory)
    let gold = try directory.write(
      "g.jsonl",
      """
      {"text": "The director said:", "labels": []}
      {"text": "Prices rose.", "labels": []}
      """)
    let text = try CLI.run(["eval", "--rules", rules, "--gold", gold, "--errors"])
    #expect(text.succeeded, "\(text)")
    #expect(
      Array(text.lines.prefix(3)) == [
        "\(gold):2:1: false positive quote (gold [], given [quote])",
        "  Prices rose.",
        "    +1 quote/lead-in (previous segment): said:",
      ])

    let document = try Self.evalJSON([gold], rules: rules)
    let errors = try #require(document["errors"] as? [[String: Any]])
    let evidence = try #require(errors.first?["evidence"] as? [[String: Any]])
    #expect(evidence.count == 1)
    #expect(evidence.first?["in_previous_segment"] as? Bool == true)
    #expect(evidence.first?["text"] as? String == "said:")
    let rulesTable = try #require(document["rules"] as? [[String: Any]])
    let leadIn = try #require(rulesTable.first { $0["name"] as? String == "quote/lead-in" })
    #expect(leadIn["hits"] as? Int == 1 && leadIn["decided_wrong"] as? Int == 1)
  }
}
