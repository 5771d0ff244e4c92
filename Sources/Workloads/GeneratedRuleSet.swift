import ClassifierCore

/// A rule set made by `RuleSetGenerator`: its rule files, and phrases that make its rules fire.
public struct GeneratedRuleSet: Sendable {
  /// The rule files, one per category, named `generated/CATEGORY.yaml`; load them with
  /// `Classifier(loading:)`.
  public var sources: [RuleSource]
  /// The number of rules over all files.
  public var ruleCount: Int
  /// Texts that make a rule fire: each keyword list's terms (a stem as the word it was cut from)
  /// and, for each pattern, one text it matches. Some fire only at a segment's start, in a
  /// quotation or after a given segment, as their rule's anchors and scope require.
  public var phrases: [String]

  /// Sentences built from the rule set's own phrases, one to four in each with a few plain words,
  /// numbers and quotation marks between them, in paragraphs separated by blank lines, until there
  /// are at least `byteCount` bytes: text on which many of the rules fire.
  ///
  /// - Complexity: O(`byteCount`).
  public func text(atLeast byteCount: Int, seed: UInt64) -> [UInt8] {
    var random = SeededGenerator(seed: seed)
    let fillers = ["the", "and", "that", "in", "was", "of", "on Tuesday", "more than 40", "“so"]
    var bytes: [UInt8] = []
    while bytes.count < byteCount {
      var sentence = random.chance(20) ? "“" : ""
      for part in 0..<(1 + random.below(4)) {
        if part > 0 { sentence += " " + random.pick(fillers) + " " }
        sentence += random.pick(phrases)
      }
      sentence += random.pick([".", ".", ".", ":", "?", ",” she said."])
      let first = sentence.prefix(1).uppercased()
      bytes.append(contentsOf: (first + sentence.dropFirst()).utf8)
      bytes.append(contentsOf: (random.chance(25) ? "\n\n" : " ").utf8)
    }
    return bytes
  }
}
