import Foundation
import Testing

/// `classify eval --gold FILE [--gold FILE] [--rules DIR] [--json] [--errors]` against the
/// fixture rules.
///
/// The gold file below, scored by `Fixtures.standardRules`:
///
/// | line | gold               | given              |                                 |
/// |------|--------------------|--------------------|---------------------------------|
/// | 1    | enforcement        | enforcement        | jailed +3                       |
/// | 2    | policy             | policy, quote      | budget +1.5, said +1: quote FP  |
/// | 3    | enforcement, quote | enforcement, quote | arrested +2, said +1            |
/// | 4    | policy             | -                  | reform +0.25: policy FN         |
/// | 5    | -                  | -                  |                                 |
///
/// enforcement P 1, R 1; policy P 1, R 1/2, F1 2/3; quote P 1/2, R 1, F1 2/3.
/// Pooled TP 4, FP 1, FN 1: micro F1 4/5; macro F1 (1 + 2/3 + 2/3)/3 = 7/9; exact match 3/5.
@Suite("classify eval")
struct EvalCommandTests {
  private static let gold = """
    {"text": "He was jailed.", "labels": ["enforcement"]}
    {"text": "The minister said the budget grew.", "labels": ["policy"]}
    {"text": "Police arrested two men, she said.", "labels": ["enforcement", "quote"]}
    {"text": "The reform passed.", "labels": ["policy"]}
    {"text": "Nothing to see.", "labels": []}

    """

  /// Runs `classify eval` with the fixture rules and the gold file written as `gold.jsonl`.
  private static func eval(
    _ extra: [String], gold: String = gold, in directory: TemporaryDirectory
  ) throws -> (result: CLIResult, goldPath: String) {
    let rules = try Fixtures.standardRules(in: directory)
    let path = try directory.write("gold.jsonl", gold)
    return (try CLI.run(["eval", "--gold", path, "--rules", rules] + extra), path)
  }

  private static func object(_ result: CLIResult) throws -> [String: Any] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any],
      "stdout is not one JSON object: \(result.output)")
  }

  private static func isClose(_ value: Any?, _ expected: Double) -> Bool {
    guard let value = value as? Double else { return false }
    return abs(value - expected) < 1e-9
  }

  @Test("the report gives per-category figures, micro and macro F1, confusions and rules")
  func report() throws {
    let directory = try TemporaryDirectory()
    let (result, _) = try Self.eval([], in: directory)
    #expect(result.succeeded, "\(result)")
    #expect(result.stderr.isEmpty)
    let words = result.lines.map { $0.split(separator: " ").map(String.init) }
    #expect(words.contains(["category", "support", "precision", "recall", "F1"]))
    #expect(words.contains(["enforcement", "2", "100.0", "100.0", "100.0"]))
    #expect(words.contains(["policy", "2", "100.0", "50.0", "66.7"]))
    #expect(words.contains(["quote", "1", "50.0", "100.0", "66.7"]))
    #expect(result.lines.contains("micro F1 80.0; macro F1 77.8; exact match 60.0 of 5 segments"))
    #expect(result.lines.contains("  quote: false positives 1 [policy 1]; missed 0 []"))
    #expect(result.lines.contains("  policy: false positives 0 []; missed 1 [none 1]"))
    #expect(words.contains(["quote/speech-verbs", "2", "1", "50.0", "1", "1"]))
    #expect(words.contains(["policy/reform", "1", "1", "100.0", "0", "0"]))
    // Every fixture rule fires on this corpus.
    #expect(!result.output.contains("never fired"))
    // Without --errors, no segment is listed.
    #expect(!result.output.contains("gold.jsonl:"))
  }

  @Test("--errors lists each false positive and miss with its text and evidence, then the report")
  func errorsText() throws {
    let directory = try TemporaryDirectory()
    let (result, path) = try Self.eval(["--errors"], in: directory)
    #expect(result.succeeded, "\(result)")
    let lines = result.lines
    let start = try #require(lines.firstIndex { $0.hasPrefix("\(path):2:1:") }, "\(result)")
    #expect(
      Array(lines[start..<min(lines.count, start + 8)]) == [
        "\(path):2:1: false positive quote (gold [policy], given [policy,quote])",
        "  The minister said the budget grew.",
        "    +1 quote/speech-verbs: said",
        "    +1.5 policy/budget: budget",
        "\(path):4:1: missed policy (gold [policy], given [])",
        "  The reform passed.",
        "    +0.25 policy/reform: reform",
        "",
      ])
    #expect(!lines.contains { $0.hasPrefix("\(path):1:") || $0.hasPrefix("\(path):3:") })
    #expect(lines.contains("micro F1 80.0; macro F1 77.8; exact match 60.0 of 5 segments"))
  }

  @Test("--json writes one JSON document with snake_case keys and fractions")
  func json() throws {
    let directory = try TemporaryDirectory()
    let (result, _) = try Self.eval(["--json"], in: directory)
    #expect(result.succeeded, "\(result)")
    #expect(result.lines.count == 1)
    let document = try Self.object(result)
    #expect(
      Set(document.keys) == [
        "segments", "micro_f1", "macro_f1", "exact_match", "categories", "rules",
      ])
    #expect(document["segments"] as? Int == 5)
    #expect(Self.isClose(document["micro_f1"], 0.8))
    #expect(Self.isClose(document["macro_f1"], 7.0 / 9.0))
    #expect(Self.isClose(document["exact_match"], 0.6))

    let categories = try #require(document["categories"] as? [[String: Any]])
    #expect(categories.map { $0["name"] as? String } == Fixtures.categories)
    #expect(
      Set(categories[0].keys) == [
        "name", "support", "true_positives", "false_positives", "false_negatives", "precision",
        "recall", "f1", "false_positive_gold", "false_negative_predicted",
      ])
    let quote = categories[2]
    #expect(Self.isClose(quote["precision"], 0.5) && Self.isClose(quote["recall"], 1))
    #expect(Self.isClose(quote["f1"], 2.0 / 3.0))
    #expect(quote["false_positive_gold"] as? [String: Int] == ["policy": 1])
    #expect(categories[1]["false_negative_predicted"] as? [String: Int] == ["none": 1])

    let rules = try #require(document["rules"] as? [[String: Any]])
    #expect(
      Set(rules[0].keys) == [
        "name", "category", "hits", "gold_hits", "precision", "decided_right", "decided_wrong",
      ])
    let speech = try #require(rules.first { $0["name"] as? String == "quote/speech-verbs" })
    #expect(speech["category"] as? String == "quote")
    #expect(speech["hits"] as? Int == 2 && speech["gold_hits"] as? Int == 1)
    #expect(speech["decided_right"] as? Int == 1 && speech["decided_wrong"] as? Int == 1)
    #expect(Self.isClose(speech["precision"], 0.5))
  }

  @Test("--json --errors adds the mistakes with their locations, labels, scores and evidence")
  func jsonErrors() throws {
    let directory = try TemporaryDirectory()
    let (result, path) = try Self.eval(["--json", "--errors"], in: directory)
    #expect(result.succeeded, "\(result)")
    let document = try Self.object(result)
    let errors = try #require(document["errors"] as? [[String: Any]])
    #expect(errors.map { $0["location"] as? String } == ["\(path):2:1", "\(path):4:1"])
    let first = errors[0]
    #expect(
      Set(first.keys) == ["location", "text", "gold", "predicted", "scores", "evidence"])
    #expect(first["text"] as? String == "The minister said the budget grew.")
    #expect(first["gold"] as? [String] == ["policy"])
    #expect(first["predicted"] as? [String] == ["policy", "quote"])
    #expect(
      first["scores"] as? [String: Double] == ["enforcement": 0, "policy": 1.5, "quote": 1])
    let evidence = try #require(first["evidence"] as? [[String: Any]])
    #expect(evidence.map { $0["rule"] as? String } == ["quote/speech-verbs", "policy/budget"])
    #expect(evidence.map { $0["text"] as? String } == ["said", "budget"])
    #expect(evidence.map { $0["weight"] as? Double } == [1, 1.5])
    #expect(evidence.allSatisfy { $0["in_previous_segment"] as? Bool == false })
  }

  @Test("--segments lists every segment, right or wrong, with the keyword term of each hit")
  func segments() throws {
    let directory = try TemporaryDirectory()
    let (json, path) = try Self.eval(["--json", "--segments"], in: directory)
    #expect(json.succeeded, "\(json)")
    let document = try Self.object(json)
    #expect(document["errors"] == nil)
    let outcomes = try #require(document["outcomes"] as? [[String: Any]])
    #expect(outcomes.map { $0["location"] as? String } == (1...5).map { "\(path):\($0):1" })
    #expect(outcomes[4]["predicted"] as? [String] == [])
    let evidence = try #require(outcomes[1]["evidence"] as? [[String: Any]])
    // A keyword list's hit names its term; a pattern's does not.
    #expect(evidence.map { $0["term"] as? String } == ["said", nil])

    let (text, _) = try Self.eval(["--segments"], in: directory)
    #expect(text.succeeded, "\(text)")
    #expect(text.lines.contains { $0.hasPrefix("\(path):1:1: right (gold [enforcement]") })
    #expect(text.lines.contains { $0.hasPrefix("\(path):2:1: false positive quote") })
  }

  @Test("several --gold files are read in order as one corpus")
  func severalGoldFiles() throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let first = try directory.write("a.jsonl", #"{"text": "He was jailed.", "labels": []}"#)
    let second = try directory.write(
      "b.jsonl", "\n" + #"{"text": "Budget cuts.", "labels": ["quote"]}"# + "\n")
    let result = try CLI.run(
      ["eval", "--gold", first, "--gold", second, "--rules", rules, "--json", "--errors"])
    #expect(result.succeeded, "\(result)")
    let document = try Self.object(result)
    #expect(document["segments"] as? Int == 2)
    let errors = try #require(document["errors"] as? [[String: Any]])
    #expect(errors.map { $0["location"] as? String } == ["\(first):1:1", "\(second):2:1"])
  }

  @Test(
    "a malformed gold line exits 2 with file:line:col: and the problem on stderr",
    arguments: [
      "{\"text\": \"x\", \"labels\": [",
      "{\"labels\": []}",
      "{\"text\": \"x\", \"labels\": \"policy\"}",
      "{\"text\": \"x\", \"labels\": [], \"doc\": false}",
    ])
  func malformedGold(line: String) throws {
    let directory = try TemporaryDirectory()
    let (result, path) = try Self.eval(
      [], gold: "{\"text\": \"ok\", \"labels\": []}\n\n\(line)\n", in: directory)
    #expect(result.exited && result.status == 2, "\(result)")
    #expect(result.stdout.isEmpty)
    #expect(result.errorLines.first?.hasPrefix("\(path):3:1: expected a JSON object") == true)
  }

  @Test("a gold label that is not a category exits 2 with its position")
  func unknownLabel() throws {
    let directory = try TemporaryDirectory()
    let (result, path) = try Self.eval(
      [], gold: "{\"text\": \"ok\", \"labels\": []}\n{\"text\": \"x\", \"labels\": [\"sport\"]}\n",
      in: directory)
    #expect(result.exited && result.status == 2, "\(result)")
    #expect(result.stdout.isEmpty)
    #expect(
      result.errorLines.first
        == "\(path):2:1: label 'sport' is not a category (enforcement, policy, quote)")
  }

  @Test(
    "a gold file that cannot be read is an I/O error, exit 1, named on stderr",
    arguments: ["missing", "directory", "not UTF-8"])
  func unreadableGold(kind: String) throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    let path: String
    switch kind {
    case "missing": path = directory.path("missing.jsonl")
    case "directory": path = rules
    default: path = try directory.write("latin1.jsonl", [0x7B, 0xE9, 0x7D, 0x0A])
    }
    let result = try CLI.run(["eval", "--gold", path, "--rules", rules])
    #expect(result.exited && result.status == 1, "\(result)")
    #expect(result.stdout.isEmpty)
    #expect(result.errorLines.first?.hasPrefix("\(path): ") == true, "\(result)")
  }

  @Test(
    "the old forms are usage errors: no --gold, a positional file, --mistakes",
    arguments: [[], ["gold.jsonl"], ["--gold", "gold.jsonl", "--mistakes"]])
  func oldForms(arguments: [String]) throws {
    let directory = try TemporaryDirectory()
    let rules = try Fixtures.standardRules(in: directory)
    try directory.write("gold.jsonl", Self.gold)
    let result = try CLI.run(["eval", "--rules", rules] + arguments, in: directory.url)
    #expect(result.exited && result.status == 2, "\(result)")
    #expect(result.stdout.isEmpty)
    #expect(!result.stderr.isEmpty)
  }

  @Test("the examples in classify's help use the --gold form of eval")
  func helpExamples() throws {
    for command in [["--help"], ["eval", "--help"]] {
      let result = try CLI.run(command)
      #expect(result.succeeded)
      let examples = result.lines.filter { $0.contains("classify eval") }
      #expect(!examples.isEmpty, "\(command)")
      for example in examples {
        #expect(example.contains("--gold"), "\(command): \(example)")
      }
    }
  }
}
