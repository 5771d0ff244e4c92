import ArgumentParser
import ClassifierCore

/// `classify check`: load rules and report problems or a summary.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Load and compile rules; report every error, or summarise the rules.",
    discussion: """
      Errors are printed as file:line:col: message, all of them, with exit status 2.

      Examples:
        classify check
        classify check --rules my-rules/
      """
  )

  @OptionGroup var ruleOptions: RuleOptions

  func run() throws {
    let classifier = try ruleOptions.loadClassifier()
    let summary = classifier.summary
    print("\(ruleOptions.sourceDescription): ok")
    print(
      "\(summary.categories) categories, \(summary.patterns + summary.keywordLists) rules (\(summary.patterns) patterns, \(summary.keywordLists) keyword lists), \(summary.keywords) keywords"
    )
    let width = classifier.categories.map(\.name.count).max() ?? 0
    for (index, category) in classifier.categories.enumerated() {
      let rules = classifier.rules.filter { $0.category == index }
      let lists = rules.filter { !$0.terms.isEmpty }
      let keywords = lists.map(\.terms.count).reduce(0, +)
      let name = category.name.padding(toLength: width, withPad: " ", startingAt: 0)
      print(
        "  \(name)  threshold \(category.threshold)  \(rules.count - lists.count) patterns  \(lists.count) keyword lists  \(keywords) keywords"
      )
    }
    let unfiltered = classifier.unfilteredRuleNames
    if !unfiltered.isEmpty {
      print(
        "\(unfiltered.count) pattern\(unfiltered.count == 1 ? "" : "s") with no required literal, tried on every segment: \(unfiltered.joined(separator: ", "))"
      )
    }
  }
}
