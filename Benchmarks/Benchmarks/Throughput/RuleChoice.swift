import ClassifierCore
import Workloads

/// A rule set the classification benchmarks run with: the stock rules, or a generated set.
struct RuleChoice: Sendable {
  /// The name benchmarks are given: `stock`, or the number of generated rules.
  var name: String
  /// Makes the rule files (generated sets are made when a benchmark is set up).
  var sources: @Sendable () -> [RuleSource]

  static let all: [RuleChoice] =
    [RuleChoice(name: "stock") { RuleSource.stock }]
    + [100, 1_000, 10_000].map { count in
      RuleChoice(name: "\(count)") {
        var generator = RuleSetGenerator(seed: 1)
        return generator.ruleSet(ruleCount: count).sources
      }
    }

  /// The compiled rules.
  func classifier() throws -> Classifier {
    try Classifier(loading: sources())
  }
}
