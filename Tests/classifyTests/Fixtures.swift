/// Small rule sets written for these tests, so that results do not depend on the stock rules.
enum Fixtures {
  /// The rule file of the specification's example: a pattern and a capped keyword list.
  static let enforcement = #"""
    category: enforcement
    description: Policing and judicial action.
    threshold: 2.0
    rules:
      - id: custodial-sentence
        pattern: '\b(?:jailed|imprisoned|sentenced)\b'
        weight: 3.0
      - id: police-action
        keywords:
          arrested: 2.0
          "undercover officer*": 2.0
        max: 3.0
    """#

  /// A keyword-only category with a low threshold.
  static let quote = #"""
    category: quote
    description: Reported speech.
    threshold: 1
    rules:
      - id: speech-verbs
        keywords:
          said: 1
          "told reporters": 1
    """#

  /// A pattern-only category with a fractional weight.
  static let policy = #"""
    category: policy
    threshold: 1.5
    rules:
      - id: budget
        pattern: '\bbudget\b'
        weight: 1.5
      - id: reform
        pattern: '\breform(?:s|ed)?\b'
        weight: 0.25
    """#

  /// The category names of `standardRules`, in sorted order.
  static let categories = ["enforcement", "policy", "quote"]

  /// Writes the three rule files into `directory/rules` and returns that directory's path.
  ///
  /// The file names sort in a different order than the category names, so that output order
  /// can be told apart from file order.
  static func standardRules(in directory: TemporaryDirectory) throws -> String {
    try directory.rules([
      "a-quote.yaml": quote,
      "b-enforcement.yaml": enforcement,
      "c-policy.yml": policy,
    ])
  }
}

extension Array where Element == UInt8 {
  /// The bytes in `start..<end` decoded as UTF-8, invalid bytes repaired.
  func decoded(_ start: Int, _ end: Int) -> String {
    String(decoding: self[start..<end], as: UTF8.self)
  }
}
